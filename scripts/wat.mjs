// WebAssembly text (.wat) to the module that exports its binary, for the bundles (esbuild.mjs),
// the tests (vitest.config.ts), the benches and the fuzz campaign: the .wat file stays the only
// source, assembled by wabt (the WebAssembly project's own tools) at build time, never at run time.
import wabtInit from 'wabt';

let wabt = null;

/** The JavaScript module for a .wat source: `export default` its binary as a Uint8Array. */
export async function watModule(source, name) {
  wabt ??= await wabtInit();
  const module = wabt.parseWat(name, source);
  try {
    module.validate();
    const { buffer } = module.toBinary({});
    return `export default new Uint8Array([${Array.from(buffer).join(',')}]);\n`;
  } finally {
    module.destroy();
  }
}

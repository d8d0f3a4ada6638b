// A grammar file: ohm's recipe of the grammar (the bundles' and the tests' `.ohm` loader, see
// esbuild.mjs and vitest.config.ts), or its source text where a plain text loader is used.
declare module '*.ohm' {
  const grammar: string | readonly unknown[];
  export default grammar;
}

// A WebAssembly text file: its binary (the bundles', the tests' and the benches' `.wat` loader,
// scripts/wat.mjs).
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}

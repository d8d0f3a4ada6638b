// The engine's WebAssembly instances (frontierKernel.ts, junctionKernel.ts), kept for the next
// forecast: making one, its memory reserved and mapped, costs 0.1–0.5 ms, and a forecast makes
// about eight, which the language server would pay again on every edit. A forecast is synchronous
// and keeps no kernel memory in what it returns, so every instance it took is free once it ends.
// Outside a forecast (tests, benches calling the passes directly) instances are not kept.

/** Instances whose memory is larger than this are left to the garbage collector. */
const MAX_KEPT_BYTES = 8 << 20;
/** At most this many kept per module. */
const MAX_KEPT = 16;

const kept = new Map<WebAssembly.Module, WebAssembly.Instance[]>();
/** The instances taken by the forecast under way (null: none). */
let taken: [WebAssembly.Module, WebAssembly.Instance][] | null = null;

/** An instance of `module` whose memory holds at least `bytes` (grown when needed). */
export function kernelInstance(module: WebAssembly.Module, bytes: number): WebAssembly.Instance {
  const instance = (taken && kept.get(module)?.pop()) || new WebAssembly.Instance(module);
  const memory = instance.exports['memory'] as WebAssembly.Memory;
  const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
  if (pages > 0) memory.grow(pages);
  taken?.push([module, instance]);
  return instance;
}

/** Runs a forecast; the instances it took are kept for the next one (nested calls share the outer's). */
export function withKeptKernels<T>(run: () => T): T {
  if (taken) return run();
  const mine: [WebAssembly.Module, WebAssembly.Instance][] = [];
  taken = mine;
  try {
    return run();
  } finally {
    taken = null;
    for (const [module, instance] of mine) {
      const list = kept.get(module) ?? [];
      kept.set(module, list);
      const size = (instance.exports['memory'] as WebAssembly.Memory).buffer.byteLength;
      if (size <= MAX_KEPT_BYTES && list.length < MAX_KEPT) list.push(instance);
    }
  }
}

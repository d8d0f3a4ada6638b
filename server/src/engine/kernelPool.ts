// What the engine's WebAssembly kernels (frontierKernel.ts, junctionKernel.ts) share: their
// modules, compiled once; their instances, kept for the next forecast; the layout of a memory;
// and copying tables in. Making an instance, its memory reserved and mapped, costs 0.1–0.5 ms,
// and a forecast makes about eight, which the language server would pay again on every edit. A
// forecast is synchronous and keeps no kernel memory in what it returns, so every instance it
// took is free once it ends. Outside a forecast (tests, benches calling the passes directly)
// instances are not kept.

/** Instances whose memory is larger than this are left to the garbage collector. */
const MAX_KEPT_BYTES = 8 << 20;
/** At most this many kept per module. */
const MAX_KEPT = 16;

const kept = new Map<WebAssembly.Module, WebAssembly.Instance[]>();
/** The instances taken by the forecast under way (null: none). */
let taken: [WebAssembly.Module, WebAssembly.Instance][] | null = null;

/** Each kernel's module, compiled on first use (keyed by its binary). */
const compiled = new WeakMap<Uint8Array<ArrayBuffer>, WebAssembly.Module>();

/** An instance of the kernel `binary` whose memory holds at least `bytes` (grown when needed). */
export function kernelInstance(binary: Uint8Array<ArrayBuffer>, bytes: number): WebAssembly.Instance {
  let module = compiled.get(binary);
  if (!module) compiled.set(binary, (module = new WebAssembly.Module(binary)));
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

/** A kernel's memory map in the making: regions taken one after another, each aligned. */
export class MemoryLayout {
  constructor(public bytes: number) {}

  /** The byte offset of a new region of `size` bytes. */
  take(size: number, align = 8): number {
    this.bytes = Math.ceil(this.bytes / align) * align;
    const at = this.bytes;
    this.bytes += size;
    return at;
  }
}

/**
 * tables[variables[k]] into f64 from entry at[k], for k in first … last − 1: entry by entry, as a
 * set() call per table cost more than its handful of entries (a thousand tables a pass).
 */
export function copyTables(
  f64: Float64Array, tables: readonly Float64Array[], variables: Int32Array, at: Int32Array, first = 0, last = variables.length,
): void {
  for (let k = first; k < last; k++) {
    const table = tables[variables[k]!]!;
    const start = at[k]!;
    for (let e = 0; e < table.length; e++) f64[start + e] = table[e]!;
  }
}

// Reusable memory for propagations over one junction tree: a module instance of junction.wat of
// its own (see frontierKernel.ts for why the loops are WebAssembly), with every clique's table,
// separator and index maps, and every family's table, laid out once. The Float64Arrays here are
// views into that memory, so junction.ts reads and passes them as before; the loops take their
// byte offsets.
import kernelBytes from './junction.wat';
import type { JunctionTree } from './junction';

interface KernelExports {
  memory: WebAssembly.Memory;
  fill(at: number, n: number, value: number): void;
  sum(at: number, n: number): number;
  divide(at: number, n: number, d: number): void;
  ratio(values: number, old: number, n: number): void;
  multiplyFamily(table: number, size: number, bit: number, cpt: number, map: number, bits: number, nbits: number): void;
  keepOnly(table: number, size: number, bit: number, keep: number): void;
  marginalize(table: number, size: number, out: number, outSize: number, map: number, bits: number, nbits: number): void;
  multiplyBy(table: number, from: number, size: number, message: number, map: number, bits: number, nbits: number): void;
  ownSum(table: number, size: number, bit: number): number;
  condition(out: number, from: number, size: number, bit: number, keep: number, px: number): void;
  interventionSums(table: number, size: number, bit: number, cpt: number, map: number, bits: number, nbits: number, result: number): void;
}

/** An index map in the memory: precomputed at `map` (0: none), else gathered from `bits`. */
export interface MapAt {
  map: number;
  bits: number;
  nbits: number;
}

/** A family's table slot and its driver-combination map. */
export interface FamilyAt extends MapAt {
  cpt: number;
  /** Entries of its table (2^drivers). */
  entries: number;
}

let compiled: WebAssembly.Module | null = null;

export class JunctionBuffers {
  readonly kernel: KernelExports;
  /** Per clique: its table (potentials, then beliefs). */
  readonly tables: Float64Array[];
  /** Per clique: the message to its parent (then the separator's table). */
  readonly messages: Float64Array[];
  /** Per clique: the calibrated separator (then scratch for ratios). */
  readonly calibrated: Float64Array[];
  /** Per clique: scratch for sweeps from a calibrated tree (empty unless asked for). */
  readonly scratch: Float64Array[];
  /** Per clique: its separator index, from its own index and from its parent's. */
  readonly child: MapAt[];
  readonly parent: MapAt[];
  /** Per clique, per family (tree order). */
  readonly families: FamilyAt[][];
  /** Two f64 for interventionSums' result. */
  private readonly result: number;
  private readonly f64: Float64Array;

  constructor(readonly tree: JunctionTree, withScratch = false) {
    const { cliques } = tree;
    let bytes = 8; // 0 stays free: a map at 0 means none
    const take = (size: number, align = 8) => {
      bytes = Math.ceil(bytes / align) * align;
      const at = bytes;
      bytes += size;
      return at;
    };
    const tableAt = cliques.map((q) => take(8 * q.size));
    const messageAt = cliques.map((q) => take(8 * q.separatorSize));
    const calibratedAt = cliques.map((q) => take(8 * q.separatorSize));
    const scratchAt = cliques.map((q) => (withScratch ? take(8 * q.size) : 0));
    const familyCpt = cliques.map((q) => q.families.map((f) => take(8 * (1 << f.driverBits.length))));
    this.result = take(16);
    const mapOf = (map: Uint32Array | null, bits: Int32Array) => ({
      map: map ? take(4 * map.length, 4) : 0, bits: take(4 * bits.length, 4), nbits: bits.length,
    });
    this.child = cliques.map((q) => mapOf(q.childMap, q.childBits));
    this.parent = cliques.map((q) => mapOf(q.parentMap, q.parentBits));
    this.families = cliques.map((q, i) => q.families.map((f, j) => ({
      ...mapOf(f.combination, f.driverBits), cpt: familyCpt[i]![j]!, entries: 1 << f.driverBits.length,
    })));

    compiled ??= new WebAssembly.Module(kernelBytes);
    this.kernel = new WebAssembly.Instance(compiled).exports as unknown as KernelExports;
    const memory = this.kernel.memory;
    const pages = Math.ceil(bytes / 65536) - memory.buffer.byteLength / 65536;
    if (pages > 0) memory.grow(pages);
    const buffer = memory.buffer;
    this.f64 = new Float64Array(buffer);
    const u32 = new Uint32Array(buffer);
    const i32 = new Int32Array(buffer);
    const view = (at: number, n: number) => new Float64Array(buffer, at, n);
    this.tables = cliques.map((q, i) => view(tableAt[i]!, q.size));
    this.messages = cliques.map((q, i) => view(messageAt[i]!, q.separatorSize));
    this.calibrated = cliques.map((q, i) => view(calibratedAt[i]!, q.separatorSize));
    this.scratch = cliques.map((q, i) => (withScratch ? view(scratchAt[i]!, q.size) : new Float64Array(0)));
    const copy = (at: MapAt, map: Uint32Array | null, bits: Int32Array) => {
      if (map) u32.set(map, at.map / 4);
      i32.set(bits, at.bits / 4);
    };
    cliques.forEach((q, i) => {
      copy(this.child[i]!, q.childMap, q.childBits);
      copy(this.parent[i]!, q.parentMap, q.parentBits);
      q.families.forEach((f, j) => copy(this.families[i]![j]!, f.combination, f.driverBits));
    });
  }

  /** Every family's table P(v | drivers), copied in. */
  loadTables(tables: readonly Float64Array[]): void {
    this.tree.cliques.forEach((q, i) => q.families.forEach((f, j) => this.f64.set(tables[f.v]!, this.families[i]![j]!.cpt / 8)));
  }

  /** interventionSums of family j of clique i over `table` (a view here), into whenTrue[v] and whenFalse[v]. */
  interventionSums(i: number, j: number, table: Float64Array, cpt: Float64Array, whenTrue: Float64Array, whenFalse: Float64Array): void {
    const f = this.families[i]![j]!;
    this.f64.set(cpt, f.cpt / 8);
    const q = this.tree.cliques[i]!;
    const family = q.families[j]!;
    this.kernel.interventionSums(table.byteOffset, q.size, 1 << family.bit, f.cpt, f.map, f.bits, f.nbits, this.result);
    whenTrue[family.v] = this.f64[this.result / 8]!;
    whenFalse[family.v] = this.f64[this.result / 8 + 1]!;
  }
}

// Reusable memory for propagations over one junction tree: an instance of junction.wat
// (kernelPool.ts; see frontierKernel.ts for why the loops are WebAssembly), with every clique's table,
// separator and index maps, and every family's table, laid out once. The Float64Arrays here are
// views into that memory, so junction.ts reads and passes them as before; the loops take their
// byte offsets.
import kernelBytes from './junction.wat';
import type { JunctionTree } from './junction';
import { copyTables, kernelInstance, MemoryLayout } from './kernelPool';

interface KernelExports {
  memory: WebAssembly.Memory;
  sum(at: number, n: number): number;
  divide(at: number, n: number, d: number): void;
  marginalize(table: number, size: number, out: number, outSize: number, map: number, bits: number, nbits: number): void;
  ownSum(table: number, size: number, bit: number): number;
  condition(out: number, from: number, size: number, bit: number, keep: number, px: number): void;
  collect(cliques: number, count: number, evidence: number, sums: number): number;
  distribute(cliques: number, count: number, marginals: number): void;
  relay(src: number, srcSize: number, srcMap: number, srcBits: number, srcNbits: number, sep: number, sepSize: number, old: number,
    dst: number, from: number, dstSize: number, dstMap: number, dstBits: number, dstNbits: number): void;
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
}

/** i32 words of a clique's and of a family's record (the order is junction.wat's). */
const CLIQUE_WORDS = 16;
const FAMILY_WORDS = 5;

/**
 * Where everything of one tree lies in the memory, worked out once per tree (its buffers are
 * made again for each calibration): the tables first, then the index maps (kept as a byte image,
 * copied into each new memory at once), then the sweeps' scratch when asked for.
 */
class JunctionLayout {
  readonly tableAt: Int32Array;
  readonly messageAt: Int32Array;
  readonly calibratedAt: Int32Array;
  readonly scratchAt: Int32Array;
  readonly result: number;
  /** Per clique, the sums of the collect; per variable, P(v | E) and the evidence (i32). */
  readonly sumsAt: number;
  readonly marginalsAt: number;
  readonly evidenceAt: number;
  readonly cliquesAt: number;
  readonly child: MapAt[] = [];
  readonly parent: MapAt[] = [];
  readonly families: FamilyAt[][] = [];
  readonly familyVariables: Int32Array;
  readonly familyTables: Int32Array;
  /** The maps' bytes, from mapsAt on. */
  readonly mapsAt: number;
  readonly maps: Uint8Array;
  readonly bytes: number;
  readonly bytesWithScratch: number;

  constructor(tree: JunctionTree) {
    const { cliques } = tree;
    const n = cliques.length;
    const memory = new MemoryLayout(8); // 0 stays free: a map at 0 means none
    this.tableAt = new Int32Array(n);
    this.messageAt = new Int32Array(n);
    this.calibratedAt = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const q = cliques[i]!;
      this.tableAt[i] = memory.take(8 * q.size, 8);
      this.messageAt[i] = memory.take(8 * q.separatorSize, 8);
      this.calibratedAt[i] = memory.take(8 * q.separatorSize, 8);
    }
    const variables: number[] = [];
    const cpts: number[] = [];
    for (const q of cliques) {
      for (const f of q.families) {
        variables.push(f.v);
        cpts.push(memory.take(8 * (1 << f.driverBits.length), 8));
      }
    }
    this.familyVariables = Int32Array.from(variables);
    this.familyTables = Int32Array.from(cpts, (at) => at / 8);
    this.result = memory.take(16, 8);
    this.sumsAt = memory.take(8 * n, 8);
    this.marginalsAt = memory.take(8 * tree.n, 8);
    this.evidenceAt = memory.take(4 * tree.n, 8);
    this.mapsAt = memory.bytes;
    const mapOf = (map: Uint32Array | null, bits: Int32Array): MapAt => ({
      map: map ? memory.take(4 * map.length, 4) : 0, bits: memory.take(4 * bits.length, 4), nbits: bits.length,
    });
    let family = 0;
    for (const q of cliques) {
      this.child.push(mapOf(q.childMap, q.childBits));
      this.parent.push(mapOf(q.parentMap, q.parentBits));
      this.families.push(q.families.map((f): FamilyAt => {
        const at = mapOf(f.combination, f.driverBits);
        return { map: at.map, bits: at.bits, nbits: at.nbits, cpt: cpts[family++]! };
      }));
    }
    // The records the whole-tree loops read (junction.wat's collect and distribute).
    this.cliquesAt = memory.take(4 * CLIQUE_WORDS * n, 8);
    const familyRecords = cliques.map((q) => memory.take(4 * FAMILY_WORDS * q.families.length, 4));
    const ownedRecords = cliques.map((q) => memory.take(4 * 2 * q.owned.length, 4));
    const mapsEnd = Math.ceil(memory.bytes / 8) * 8;
    const image = new ArrayBuffer(mapsEnd - this.mapsAt);
    const u32 = new Uint32Array(image);
    const i32 = new Int32Array(image);
    const copy = (at: MapAt, map: Uint32Array | null, bits: Int32Array) => {
      if (map) u32.set(map, (at.map - this.mapsAt) / 4);
      i32.set(bits, (at.bits - this.mapsAt) / 4);
    };
    cliques.forEach((q, i) => {
      copy(this.child[i]!, q.childMap, q.childBits);
      copy(this.parent[i]!, q.parentMap, q.parentBits);
      q.families.forEach((f, j) => copy(this.families[i]![j]!, f.combination, f.driverBits));
    });
    const word = (byte: number) => (byte - this.mapsAt) / 4;
    cliques.forEach((q, i) => {
      const at = word(this.cliquesAt) + i * CLIQUE_WORDS;
      const child = this.child[i]!;
      const parent = this.parent[i]!;
      i32.set([q.size, q.parent, q.separatorSize, this.tableAt[i]!, this.messageAt[i]!, this.calibratedAt[i]!,
        child.map, child.bits, child.nbits, parent.map, parent.bits, parent.nbits,
        familyRecords[i]!, q.families.length, ownedRecords[i]!, q.owned.length], at);
      q.families.forEach((f, j) => {
        const fam = this.families[i]![j]!;
        i32.set([1 << f.bit, fam.cpt, fam.map, fam.bits, fam.nbits], word(familyRecords[i]!) + j * FAMILY_WORDS);
      });
      q.owned.forEach((v, k) => i32.set([v, 1 << q.ownedBits[k]!], word(ownedRecords[i]!) + 2 * k));
    });
    this.maps = new Uint8Array(image);
    memory.bytes = mapsEnd;
    this.bytes = mapsEnd;
    this.scratchAt = new Int32Array(n);
    for (let i = 0; i < n; i++) this.scratchAt[i] = memory.take(8 * cliques[i]!.size, 8);
    this.bytesWithScratch = memory.bytes;
  }
}

const layouts = new WeakMap<JunctionTree, JunctionLayout>();

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
  private readonly layout: JunctionLayout;
  private readonly f64: Float64Array;

  constructor(readonly tree: JunctionTree, withScratch = false) {
    let layout = layouts.get(tree);
    if (!layout) layouts.set(tree, (layout = new JunctionLayout(tree)));
    this.layout = layout;
    this.child = layout.child;
    this.parent = layout.parent;
    this.families = layout.families;
    this.kernel = kernelInstance(kernelBytes, withScratch ? layout.bytesWithScratch : layout.bytes).exports as unknown as KernelExports;
    const memory = this.kernel.memory;
    const buffer = memory.buffer;
    new Uint8Array(buffer).set(layout.maps, layout.mapsAt);
    this.f64 = new Float64Array(buffer);
    const { cliques } = tree;
    const view = (at: number, n: number) => new Float64Array(buffer, at, n);
    this.tables = cliques.map((q, i) => view(layout.tableAt[i]!, q.size));
    this.messages = cliques.map((q, i) => view(layout.messageAt[i]!, q.separatorSize));
    this.calibrated = cliques.map((q, i) => view(layout.calibratedAt[i]!, q.separatorSize));
    this.scratch = cliques.map((q, i) => (withScratch ? view(layout.scratchAt[i]!, q.size) : new Float64Array(0)));
  }

  /** Every family's table P(v | drivers), copied in. */
  loadTables(tables: readonly Float64Array[]): void {
    copyTables(this.f64, tables, this.layout.familyVariables, this.layout.familyTables);
  }

  /**
   * One propagation with the tables loaded (loadTables): P(v | E) into marginals and ln P(E), or
   * −Infinity (marginals NaN) when E is impossible. The logarithms are summed here, in the
   * collect's order: WebAssembly has no logarithm.
   */
  propagate(evidence: Int8Array | null, marginals: Float64Array): number {
    const { layout, f64 } = this;
    const count = this.tree.cliques.length;
    if (evidence) {
      const seen = new Int32Array(f64.buffer, layout.evidenceAt, this.tree.n);
      for (let v = 0; v < seen.length; v++) seen[v] = evidence[v]!;
    }
    const collected = this.kernel.collect(layout.cliquesAt, count, evidence ? layout.evidenceAt : 0, layout.sumsAt);
    let logEvidence = 0;
    for (let i = 0; i < collected; i++) logEvidence += Math.log(f64[layout.sumsAt / 8 + i]!);
    if (!(logEvidence > -Infinity)) {
      marginals.fill(Number.NaN);
      return -Infinity;
    }
    this.kernel.distribute(layout.cliquesAt, count, layout.marginalsAt);
    marginals.set(f64.subarray(layout.marginalsAt / 8, layout.marginalsAt / 8 + this.tree.n));
    return logEvidence;
  }

  /**
   * interventionSums of family j of clique i over `table` (a view here), into whenTrue[v] and
   * whenFalse[v], with the family's table as the last propagation loaded it.
   */
  interventionSums(i: number, j: number, table: Float64Array, whenTrue: Float64Array, whenFalse: Float64Array): void {
    const f = this.families[i]![j]!;
    const q = this.tree.cliques[i]!;
    const family = q.families[j]!;
    const result = this.layout.result;
    this.kernel.interventionSums(table.byteOffset, q.size, 1 << family.bit, f.cpt, f.map, f.bits, f.nbits, result);
    whenTrue[family.v] = this.f64[result / 8]!;
    whenFalse[family.v] = this.f64[result / 8 + 1]!;
  }
}

// Packing chosen bits of a table index: the frontier (a step's driver combination) and the
// junction tree (a family's combination, a clique's separator index) both read tables so. The
// loops gather bits themselves where no map is precomputed (frontier.wat, junction.wat).

/**
 * The bits of each index below 2^width at `bits`, packed (bit k of entry i is bit bits[k] of i),
 * built up bit by bit (index i + 2^b adds what bit b contributes to index i's): one step per
 * entry instead of one per entry and bit.
 */
export function gatherAll(width: number, bits: Int32Array): Uint32Array {
  const weight = new Uint32Array(width);
  for (let k = 0; k < bits.length; k++) weight[bits[k]!]! |= 1 << k;
  const out = new Uint32Array(1 << width);
  for (let b = 0; b < width; b++) {
    const size = 1 << b;
    const w = weight[b]!;
    for (let i = 0; i < size; i++) out[size + i] = out[i]! | w;
  }
  return out;
}

// A binary min-heap of non-negative numbers (indices, or keys packed into exact integers below
// 2^53) in a Float64Array: the ready names of a topological sort (model/graph.ts), the variables a
// Monte Carlo flip reaches (engine/montecarlo.ts) and the elimination order of a junction tree
// (engine/junction.ts). Pure, no dependencies, so every layer may import it.

/** Numbers, smallest first. `capacity` is a first size: the heap grows when it is full. */
export class IndexHeap {
  private items: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Float64Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(2 * this.items.length);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  /** Removes and returns the smallest value; the heap must not be empty. */
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a[--this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const m = r < this.size && a[r]! < a[l]! ? r : l;
      if (a[m]! >= last) break;
      a[i] = a[m]!;
      i = m;
    }
    a[i] = last;
    return top;
  }
}

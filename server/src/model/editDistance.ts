// "Did you mean": edit distance between names (optimal string alignment, i.e. Damerau-Levenshtein
// where a transposition of neighbours counts as one edit) and the candidates worth suggesting.

// Three rolling rows, reused between calls (suggesting compares one name with every declared one).
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. With a `limit`,
 * any answer above it is reported as limit + 1, found early.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  if (rowCurrent.length < cols) {
    rowBefore = new Int32Array(cols * 2);
    rowPrevious = new Int32Array(cols * 2);
    rowCurrent = new Int32Array(cols * 2);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      // The transposition looks two rows back.
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[cols - 1]!;
}

/** The most edits a suggestion may need: about one per three letters, at least one, at most three. */
export function maxEditsFor(name: string): number {
  return Math.max(1, Math.min(3, Math.floor(name.length / 3)));
}

/**
 * Declared names close enough to `name` to be what the analyst meant, best first: fewest edits
 * (ignoring case, so `Rapport` finds `rapport` first), then fewest edits with case, then the
 * order given (file order). At most `max` of them.
 */
export function suggestNames(name: string, declared: Iterable<string>, max = 3): string[] {
  const limit = maxEditsFor(name);
  const lower = name.toLowerCase();
  const scored: { name: string; folded: number; exact: number; index: number }[] = [];
  let index = 0;
  for (const candidate of declared) {
    index++;
    if (candidate === name) continue;
    const folded = editDistance(lower, candidate.toLowerCase(), limit);
    // A candidate must keep something of the name: never suggest by replacing all of it.
    if (folded > limit || folded >= Math.min(name.length, candidate.length)) continue;
    scored.push({ name: candidate, folded, exact: editDistance(name, candidate), index });
  }
  scored.sort((x, y) => x.folded - y.folded || x.exact - y.exact || x.index - y.index);
  return scored.slice(0, max).map((s) => s.name);
}

// "Did you mean": the one edit distance of the project (optimal string alignment, i.e.
// Damerau-Levenshtein where a transposition of neighbours counts as one edit) and the rule for
// what is close enough to suggest, used for names (unknown-name, alternative-target, their quick
// fixes) and for keywords, strengths and phrases in syntax errors. Pure, with no imports, so the
// syntax layer uses it too.
//
// The rule is TypeScript's spelling suggestions' (getSpellingSuggestion): at most
// floor(0.4 × length) + 1 edits (and never more than 8), candidates whose length differs by more
// than that skipped without computing anything, and words over 256 letters not compared at all. On top of it, a name the typed word (three letters or more) is the
// start of is offered as well: a truncation (`cris` for `crisis`, `china` for `china_ties`).

// Three rolling rows, reused between calls (suggesting compares one name with every declared one).
let rowBefore = new Int32Array(64);
let rowPrevious = new Int32Array(64);
let rowCurrent = new Int32Array(64);

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. With a `limit`,
 * any answer above it is reported as limit + 1, found early: only the band of cells within
 * `limit` of the diagonal is computed (a cell outside it is already more than `limit` away), and
 * the computation stops at the first row whose every cell exceeds `limit`. The cost is at most
 * (2 × limit + 1) cells per character of `a`, so two long names cost little.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  // No answer exceeds the longer length: a finite band even without a limit.
  const k = Math.min(limit, Math.max(la, lb));
  if (Math.abs(la - lb) > k) return k + 1;
  const outside = k + 1;
  const cols = lb + 2; // one more for the sentinel right of the band
  if (rowCurrent.length < cols) {
    rowBefore = new Int32Array(cols * 2);
    rowPrevious = new Int32Array(cols * 2);
    rowCurrent = new Int32Array(cols * 2);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  const first = Math.min(lb, k);
  for (let j = 0; j <= first; j++) previous[j] = j;
  previous[first + 1] = outside;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(lb, i + k);
    // Left of the band: the first column, or a cell known to be too far.
    current[lo - 1] = lo === 1 ? i : outside;
    let rowMin = lo === 1 ? i : outside;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = previous[j - 1]! + (ai === bj ? 0 : 1);
      const del = previous[j]! + 1;
      if (del < d) d = del;
      const ins = current[j - 1]! + 1;
      if (ins < d) d = ins;
      // The transposition looks two rows back.
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swap = before[j - 2]! + 1;
        if (swap < d) d = swap;
      }
      if (d > outside) d = outside;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > k) return outside;
    current[hi + 1] = outside;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[lb]!, outside);
}

/** The most edits a suggestion may need, however long the word (a band of 2 × 8 + 1 cells a row). */
export const MAX_SPELLING_EDITS = 8;
/**
 * Words longer than this get no edit-distance suggestions (a name the word starts still is):
 * no analyst writes such a name, and a hostile file of many long names that share a prefix would
 * cost length × band cells for every pair on every keystroke.
 */
export const MAX_SPELLING_LENGTH = 256;

/** The most edits a suggestion for a word of this length may need: floor(0.4 × length) + 1, at most 8. */
export function spellingLimit(length: number): number {
  return Math.min(MAX_SPELLING_EDITS, Math.floor(length * 0.4) + 1);
}

/** The score of a candidate that the typed word is the start of: after exact-but-case, before one edit. */
const PREFIX_SCORE = 0.5;

/** The shortest typed word for which a name it starts is offered. */
const MIN_PREFIX = 3;

/**
 * How good a suggestion `candidate` is for what was typed, ignoring case: its edit distance, or
 * 0.5 when the typed word (three letters or more) is its start; null when it is no suggestion
 * (too far, identical, or one that would replace all of the typed word).
 */
export function spellingScore(typed: string, candidate: string): number | null {
  return spellingScorer(typed)(candidate);
}

/**
 * spellingScore for one typed word against many candidates: the typed word is lower-cased and
 * its limit computed once.
 */
export function spellingScorer(typed: string): (candidate: string) => number | null {
  const t = typed.toLowerCase();
  const prefixable = t.length >= MIN_PREFIX;
  const limit = spellingLimit(t.length);
  return (candidate) => {
    if (typed === candidate) return null;
    const c = candidate.toLowerCase();
    if (prefixable && c.length > t.length && c.startsWith(t)) return PREFIX_SCORE;
    if (Math.abs(t.length - c.length) > limit || t.length > MAX_SPELLING_LENGTH || c.length > MAX_SPELLING_LENGTH) return null;
    const d = editDistance(t, c, limit);
    // A candidate must keep something of the word: never suggest by replacing all of it.
    if (d > limit || d >= Math.min(t.length, c.length)) return null;
    return d;
  };
}

/**
 * Declared names close enough to `name` to be what the analyst meant, best first: lowest score
 * (ignoring case, so `Rapport` finds `rapport` first), then fewest edits with case, then the
 * order given (file order). At most `max` of them.
 */
export function suggestNames(name: string, declared: Iterable<string>, max = 3): string[] {
  const scored: { name: string; score: number; exact: number; index: number }[] = [];
  const scoreOf = spellingScorer(name);
  const limit = spellingLimit(name.length);
  let index = 0;
  for (const candidate of declared) {
    index++;
    const score = scoreOf(candidate);
    if (score === null) continue;
    const bound = Math.max(limit, Math.abs(candidate.length - name.length));
    scored.push({ name: candidate, score, exact: editDistance(name, candidate, bound), index });
  }
  scored.sort((x, y) => x.score - y.score || x.exact - y.exact || x.index - y.index);
  return scored.slice(0, max).map((s) => s.name);
}

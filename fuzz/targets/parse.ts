// Parse and check: any text through analyzeSource (the one analysis of the editor and the command
// line). Oracles: no exception; every span of the tree and of the diagnostics inside the text;
// known codes only; control characters outside strings and comments always reported; the same
// result from the chunk cache and from a fresh parse (determinism).
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { MAX_DOCUMENT_CHARS } from '../../server/src/syntax/assemble';
import { chunkCache } from '../../server/src/syntax/chunk';
import { firstControlCharacter } from '../../server/src/syntax/controlCharacters';
import type { Target } from '../campaign';
import { TEXT } from '../generators/text';
import { checkDiagnostics, checkTree, expectThat } from '../oracles';

/** A fixed day, so `resolution-future` is checked the same way on every run. */
export const TODAY = '2026-01-01';

export const parseTarget: Target<string> = {
  name: 'parse',
  unit: 'inputs',
  arbitrary: TEXT,
  full: 100_000,
  short: 20_000,
  batch: 1_000,
  run(text) {
    const first = analyzeSource({ text, today: TODAY });
    checkTree(first.document);
    checkDiagnostics(text, first.diagnostics);
    if (text.length <= MAX_DOCUMENT_CHARS && firstControlCharacter(text) >= 0) {
      expectThat(first.diagnostics.some((d) => d.code === 'syntax'), () => 'a control character outside strings and comments, and no syntax error');
    }
    chunkCache.clear();
    const fresh = analyzeSource({ text, today: TODAY });
    expectThat(JSON.stringify(fresh.document) === JSON.stringify(first.document), () => 'a fresh parse differs from the cached one');
    expectThat(JSON.stringify(fresh.diagnostics) === JSON.stringify(first.diagnostics), () => 'the diagnostics of a fresh parse differ');
  },
  show: (text) => JSON.stringify(text),
  size: (text) => text.length,
  // Two analyses: 0.5 s, plus 50 ms per thousand characters (issue 15's quadratic "did you mean"
  // took 3 s for 24,000).
  cpuBudgetMs: (text) => 500 + text.length / 20,
};

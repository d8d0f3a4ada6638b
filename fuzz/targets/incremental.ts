// Incremental parsing: edit sequences (fuzz/generators/edits.ts) applied to an IncrementalParser,
// compared after every edit with a fresh parse of the same text, tree and diagnostics alike. The
// chunk cache is cleared before each step so the incremental parser really re-matches
// (Matcher.replaceInputRange) and the reference is really fresh.
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/model/analyze';
import type { ScenarioDocument } from '../../server/src/syntax/ast';
import { chunkCache } from '../../server/src/syntax/chunk';
import { IncrementalParser } from '../../server/src/syntax/incremental';
import { parseDocument } from '../../server/src/syntax/parse';
import type { Target } from '../campaign';
import { type Edit, campaignEdit, offsets, startingTexts } from '../generators/edits';
import { checkDiagnostics, checkTree, expectThat } from '../oracles';

export interface EditSequence {
  start: number;
  edits: Edit[];
}

const STARTING_TEXTS = startingTexts();

const sequence: fc.Arbitrary<EditSequence> = fc.record({
  start: fc.nat(STARTING_TEXTS.length - 1),
  edits: fc.array(campaignEdit, { minLength: 1, maxLength: 12 }),
});

function observable(document: ScenarioDocument): string {
  return JSON.stringify({ document, diagnostics: analyzeDocument(document).diagnostics });
}

export const incrementalTarget: Target<EditSequence> = {
  name: 'incremental',
  unit: 'edit sequences',
  arbitrary: sequence,
  full: 10_000,
  short: 2_000,
  batch: 500,
  run({ start, edits }) {
    const parser = new IncrementalParser(STARTING_TEXTS[start]!.text);
    let text = parser.text;
    let last: number | null = null;
    edits.forEach((edit, step) => {
      const { start: from, end } = offsets(text, edit, last);
      last = from;
      chunkCache.clear();
      const document = parser.applyChange(from, end, edit.text);
      text = text.slice(0, from) + edit.text + text.slice(end);
      expectThat(parser.text === text, () => `after edit ${step + 1} the parser's text differs from the edited text`);
      checkTree(document);
      const incremental = observable(document);
      chunkCache.clear();
      const fresh = parseDocument(text);
      expectThat(incremental === observable(fresh), () => `after edit ${step + 1} (${parser.lastChange}) the incremental parse differs from a fresh one`);
      checkDiagnostics(text, analyzeDocument(document).diagnostics);
    });
  },
  show: (input) => JSON.stringify({ start: STARTING_TEXTS[input.start]!.name, edits: input.edits }),
  size: (input) => STARTING_TEXTS[input.start]!.text.length,
  cpuBudgetMs: (input) => 1_000 + 500 * input.edits.length,
};

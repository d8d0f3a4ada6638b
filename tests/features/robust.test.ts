// Every feature answers, without throwing, on any text an analyst can produce while typing: the
// example cut and spliced at random, and random positions in it. Ranges stay inside the document.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Range } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLens';
import { completion } from '../../server/src/features/completion';
import { definition, references } from '../../server/src/features/definition';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { foldingRanges } from '../../server/src/features/folding';
import { formatDocument } from '../../server/src/features/format';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { prepareRename, rename } from '../../server/src/features/rename';
import { semanticTokens } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseDocument } from '../../server/src/syntax/parse';
import { applyEdits } from '../fixture';
import { stateOf, TEST_URI } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const EXAMPLE = LANGUAGE_EXAMPLE;
const FRAGMENTS = ['{', '}', ';', '\n', '"', '// c', 'factor ', 'outcome x ', 'raises ', 'very ', 'likely', '55%..', 'x2', 'given not ', 'base', '\r\n', '×', '€', '😀'];

const edited = fc.array(
  fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...FRAGMENTS, '')),
  { minLength: 1, maxLength: 4 },
).map((edits) => {
  let text = EXAMPLE;
  for (const [at, length, insert] of edits) {
    const start = at % (text.length + 1);
    text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
  }
  return text;
});

describe('robustness', () => {
  it('answers every request on half-edited files', () => {
    fc.assert(
      fc.property(edited, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (text, picks) => {
        const state = stateOf(text);
        const within = (r: Range) => {
          expect(state.lines.offsetAt(r.start)).toBeLessThanOrEqual(state.lines.offsetAt(r.end));
          expect(r.end.line).toBeLessThan(state.lines.lineCount);
        };
        const positions: Position[] = picks.map((p) => state.lines.positionAt(p % (text.length + 1)));
        for (const position of positions) {
          const h = hover(state, position);
          if (h?.range) within(h.range);
          for (const item of completion(state, position)) {
            if (item.textEdit && 'range' in item.textEdit) within(item.textEdit.range);
          }
          const d = definition(state, position);
          if (d) within(d.range);
          references(state, position, true).forEach((l) => within(l.range));
          const r = prepareRename(state, position);
          if (r) {
            within(r);
            const renamed = applyEdits(text, rename(state, position, 'renamed_name').changes![TEST_URI]!);
            expect(renamed.length).toBeGreaterThan(0);
          }
          codeActions(state, { textDocument: { uri: TEST_URI }, range: { start: position, end: position }, context: { diagnostics: [] } });
        }
        toLspDiagnostics(state).forEach((d) => within(d.range));
        documentSymbols(state).forEach((s) => within(s.range));
        expect(semanticTokens(state).data.length % 5).toBe(0);
        foldingRanges(state).forEach((f) => expect(f.startLine).toBeLessThanOrEqual(f.endLine));
        inlayHints(state, { start: { line: 0, character: 0 }, end: state.lines.positionAt(text.length) });
        codeLenses(state);
        const formatted = applyEdits(text, formatDocument(state, { tabSize: 2, insertSpaces: true }));
        if (formatted !== text) expect(parseDocument(formatted).errors).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});

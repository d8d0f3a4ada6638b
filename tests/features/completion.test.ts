// Completion from the text around the cursor, in whole and in half-typed files.
import { describe, expect, it } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import { marked } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const EXAMPLE = LANGUAGE_EXAMPLE;
const DECLS = [
  'factor crisis "Crises" { probability almost certain }',
  'factor rapport { probability 55%..75% }',
  'event attack "A major attack" { probability 10%..25% }',
  'outcome trade_up "Trade grows" { base 50%; crisis raises weakly }',
].join('\n');

function complete(text: string): CompletionItem[] {
  const { state, cursors } = marked(text);
  return completion(state, cursors[0]!);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('names', () => {
  it('offers factors, events and other outcomes where a driver belongs, with kind and label', () => {
    const items = complete(`${DECLS}\noutcome o "O" {\n  base 10%\n  <|>\n}`);
    expect(labels(items)).toEqual(expect.arrayContaining(['crisis', 'rapport', 'attack', 'trade_up', 'base', 'judged', 'note', 'source']));
    expect(labels(items)).not.toContain('o');
    expect(labels(items)).not.toContain('probability');
    const crisis = items.find((i) => i.label === 'crisis')!;
    expect(crisis.kind).toBe(CompletionItemKind.Variable);
    expect(crisis.detail).toBe('factor: Crises · 97%');
    expect(items.find((i) => i.label === 'attack')!.kind).toBe(CompletionItemKind.Event);
    expect(items.find((i) => i.label === 'trade_up')).toMatchObject({ kind: CompletionItemKind.Function, detail: 'outcome: Trade grows' });
  });

  it('leaves out drivers the outcome already lists, and completes a half-typed name in place', () => {
    const { state, cursors, offsets, text } = marked(`${DECLS}\noutcome o {\n  crisis raises weakly\n  ra<|>\n}`);
    const items = completion(state, cursors[0]!);
    expect(labels(items)).not.toContain('crisis');
    const rapport = items.find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(edit.newText).toBe('rapport');
    expect(state.lines.offsetAt(edit.range.start)).toBe(text.lastIndexOf('ra', offsets[0]));
    expect(state.lines.offsetAt(edit.range.end)).toBe(offsets[0]);
  });

  it('completes with the cursor in the middle of a name', () => {
    const { state, cursors, offsets, text } = marked(`${DECLS}\noutcome o {\n  rap<|>port raises weakly\n}`);
    const rapport = completion(state, cursors[0]!).find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(state.lines.offsetAt(edit.range.start)).toBe(text.lastIndexOf('rapport', offsets[0]));
  });

  it('offers targets, given and not in an alternative', () => {
    expect(labels(complete(`${DECLS}\nalternative "A" {\n  <|>\n}`))).toEqual(expect.arrayContaining(['given', 'crisis', 'attack', 'trade_up']));
    expect(labels(complete(`${DECLS}\nalternative "A" {\n  given <|>\n}`))).toEqual(expect.arrayContaining(['not', 'attack', 'trade_up']));
    const negated = labels(complete(`${DECLS}\nalternative "A" {\n  given not <|>\n}`));
    expect(negated).toContain('attack');
    expect(negated).not.toContain('not');
  });

  it('works in the unclosed declaration being typed at the end of the file', () => {
    const items = labels(complete(`${DECLS}\noutcome fresh {\n  base 10%\n  <|>`));
    expect(items).toEqual(expect.arrayContaining(['crisis', 'rapport', 'judged']));
  });

  it('works in the middle of a file whose declaration is broken', () => {
    const items = labels(complete(`${DECLS}\noutcome fresh {\n  base\n  <|>\n}\nfactor later { probability 5% }`));
    expect(items).toEqual(expect.arrayContaining(['crisis', 'later']));
  });
});

describe('values', () => {
  it('offers phrases after probability, base and judged, with their ranges', () => {
    for (const line of ['factor f {\n  probability <|>\n}', 'outcome o {\n  base <|>\n}', 'outcome o {\n  judged <|>\n}']) {
      const items = complete(line);
      const likely = items.find((i) => i.label === 'likely')!;
      expect(likely).toMatchObject({ kind: CompletionItemKind.Value, detail: '55%–80% (ICD 203)' });
      expect(labels(items)).toEqual(expect.arrayContaining(['almost no chance', 'roughly even chance', 'highly probable']));
    }
  });

  it('completes a multi-word phrase from its first words', () => {
    const { state, cursors, offsets, text } = marked('outcome o {\n  judged very l<|>\n}');
    const items = completion(state, cursors[0]!);
    expect(labels(items)).toEqual(['very unlikely', 'very likely']);
    const edit = items[1]!.textEdit as TextEdit;
    expect(state.lines.offsetAt(edit.range.start)).toBe(text.indexOf('very'));
    expect(state.lines.offsetAt(edit.range.end)).toBe(offsets[0]);
  });

  it('offers phrases for a factor in an alternative, and base for an outcome', () => {
    expect(labels(complete(`${DECLS}\nalternative "A" {\n  rapport <|>\n}`))).toContain('very likely');
    expect(labels(complete(`${DECLS}\nalternative "A" {\n  trade_up <|>\n}`))).toEqual(['base']);
    expect(labels(complete(`${DECLS}\nalternative "A" {\n  trade_up base <|>\n}`))).toContain('unlikely');
  });

  it('offers raises and lowers after a driver name, strengths after them', () => {
    expect(labels(complete(`${DECLS}\noutcome o {\n  crisis <|>\n}`))).toEqual(['raises', 'lowers']);
    const strengths = complete(`${DECLS}\noutcome o {\n  crisis lowers <|>\n}`);
    expect(labels(strengths)).toEqual(['weakly', 'moderately', 'strongly', 'decisively', 'x3']);
    expect(strengths[1]!.detail).toBe('multiplies the odds by 2 to 4');
    expect(strengths[4]!.insertTextFormat).toBe(InsertTextFormat.Snippet);
  });
});

describe('keywords and snippets', () => {
  it('offers the statements of each block', () => {
    expect(labels(complete('factor f {\n  <|>\n}'))).toEqual(['probability', 'note', 'source']);
    expect(labels(complete('scenario "S" {\n  <|>\n}'))).toEqual(['question', 'horizon', 'samples', 'seed']);
    expect(labels(complete('scenario "S" {\n  horizon 2025-01-01 <|>\n}'))).toEqual(['to']);
  });

  it('offers declaration keywords and one snippet per declaration at top level', () => {
    const items = complete(`${EXAMPLE}\n<|>`);
    expect(labels(items.filter((i) => i.kind === CompletionItemKind.Keyword))).toEqual(['scenario', 'factor', 'event', 'outcome', 'alternative']);
    const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
    expect(snippets).toHaveLength(5);
    for (const s of snippets) expect(s.insertTextFormat).toBe(InsertTextFormat.Snippet);
    const outcome = snippets.find((s) => s.filterText === 'outcome')!;
    expect((outcome.textEdit as TextEdit).newText).toMatch(/^outcome \$\{1:name\} "\$\{2:label\}" \{\n\tbase \$\{3:20%\}\n\t\$\{4\|crisis,khan_popular,rapport,attack,democracy_push,trade_up,security_ties\|\}/);
    expect(labels(complete(`fa<|>`))).toContain('factor');
  });

  it('offers nothing while naming a declaration, in a comment or in a string', () => {
    expect(complete('factor <|>')).toEqual([]);
    expect(complete('factor f {\n  // prob<|>\n}')).toEqual([]);
    expect(complete('factor f {\n  note "prob<|>\n}')).toEqual([]);
    expect(complete('factor f "a <|>b" {\n}')).toEqual([]);
  });
});

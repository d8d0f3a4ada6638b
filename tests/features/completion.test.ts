// Completion from the text around the cursor, in whole and in half-typed files.
import { describe, expect, it } from 'vitest';
import {
  CompletionItemKind, CompletionTriggerKind, InsertTextFormat, type CompletionItem, type TextEdit,
} from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import { DECLARATIONS, leadingKeyword } from '../../server/src/syntax/vocabulary';
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
/** Completion as the editor asks for it right after the analyst typed a space. */
function completeOnSpace(text: string): CompletionItem[] {
  const { state, cursors } = marked(text);
  return completion(state, cursors[0]!, { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' });
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;
const DRIVER_TAIL = 'raises ${1|moderately,weakly,strongly,decisively|}';

describe('names', () => {
  it('offers factors, events and other outcomes where a driver belongs, as driver-line snippets with kind and label', () => {
    const items = complete(`${DECLS}\noutcome o "O" {\n  base 10%\n  <|>\n}`);
    expect(labels(items)).toEqual(expect.arrayContaining(['crisis', 'rapport', 'attack', 'trade_up', 'base', 'judged', 'note', 'source']));
    expect(labels(items)).not.toContain('o');
    expect(labels(items)).not.toContain('probability');
    const crisis = items.find((i) => i.label === 'crisis')!;
    expect(crisis.kind).toBe(CompletionItemKind.Variable);
    expect(crisis.detail).toMatch(/^factor: Crises · 97(\.0)?%$/);
    expect(crisis.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(newText(crisis)).toBe(`crisis ${DRIVER_TAIL}`);
    expect(crisis.filterText).toBe('crisis');
    expect(items.find((i) => i.label === 'attack')!.kind).toBe(CompletionItemKind.Event);
    expect(items.find((i) => i.label === 'trade_up')).toMatchObject({ kind: CompletionItemKind.Function, detail: 'outcome: Trade grows' });
  });

  it('leaves out drivers the outcome already lists, and completes a half-typed name in place', () => {
    const { state, cursors, offsets, text } = marked(`${DECLS}\noutcome o {\n  crisis raises weakly\n  ra<|>\n}`);
    const items = completion(state, cursors[0]!);
    expect(labels(items)).not.toContain('crisis');
    const rapport = items.find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(edit.newText).toBe(`rapport ${DRIVER_TAIL}`);
    expect(state.lines.offsetAt(edit.range.start)).toBe(text.lastIndexOf('ra', offsets[0]));
    expect(state.lines.offsetAt(edit.range.end)).toBe(offsets[0]);
  });

  it('leaves out drivers listed after the cursor too', () => {
    const items = labels(complete(`${DECLS}\noutcome o {\n  base 10%\n  <|>\n  rapport raises weakly; attack lowers x2\n}`));
    expect(items).toEqual(expect.arrayContaining(['crisis', 'trade_up']));
    expect(items).not.toContain('rapport');
    expect(items).not.toContain('attack');
  });

  it('leaves out the outcome itself and every outcome it drives (a cycle)', () => {
    const text = [
      DECLS,
      'outcome a { base 10% }',
      'outcome b { base 10%; a raises weakly }',
      'outcome c { base 10%; b raises weakly }',
      'outcome d { base 10%; crisis raises weakly }',
      'outcome a2 {\n  base 10%\n}',
    ].join('\n');
    const inA = labels(complete(text.replace('outcome a { base 10% }', 'outcome a {\n  base 10%\n  <|>\n}')));
    expect(inA).toEqual(expect.arrayContaining(['crisis', 'trade_up', 'd', 'a2']));
    for (const cycle of ['a', 'b', 'c']) expect(inA).not.toContain(cycle);
    // Upstream outcomes are fine: c may be driven by a.
    expect(labels(complete(text.replace('outcome c { base 10%; b raises weakly }', 'outcome c {\n  b raises weakly\n  <|>\n}'))))
      .toEqual(expect.arrayContaining(['a', 'd']));
  });

  it('completes with the cursor in the middle of a name, inserting only the name when the line goes on', () => {
    const { state, cursors, offsets, text } = marked(`${DECLS}\noutcome o {\n  rap<|>port raises weakly\n}`);
    const rapport = completion(state, cursors[0]!).find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(state.lines.offsetAt(edit.range.start)).toBe(text.lastIndexOf('rapport', offsets[0]));
    expect(edit.newText).toBe('rapport');
    expect(rapport.insertTextFormat).toBeUndefined();
  });

  it('offers targets, given and not in an alternative', () => {
    const start = complete(`${DECLS}\nalternative "A" {\n  <|>\n}`);
    expect(labels(start)).toEqual(expect.arrayContaining(['given', 'note', 'source', 'crisis', 'attack', 'trade_up']));
    // `rapport 85%` or `trade_up base 60%`: the name alone, the rest depends on its kind.
    expect(newText(start.find((i) => i.label === 'crisis'))).toBe('crisis');
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
  it('offers the statements of each block, note and source in every one', () => {
    expect(labels(complete('factor f {\n  <|>\n}'))).toEqual(['probability', 'note', 'source']);
    expect(labels(complete('event e {\n  <|>\n}'))).toEqual(['probability', 'note', 'source']);
    expect(labels(complete('scenario "S" {\n  <|>\n}'))).toEqual(['question', 'horizon', 'samples', 'seed', 'note', 'source']);
    expect(labels(complete('alternative "A" {\n  <|>\n}'))).toEqual(['given', 'note', 'source']);
    expect(labels(complete('outcome o {\n  <|>\n}'))).toEqual(['base', 'judged', 'note', 'source']);
    expect(labels(complete('scenario "S" {\n  horizon 2025-01-01 <|>\n}'))).toEqual(['to']);
  });

  it('offers exactly the statements the vocabulary lists for each block', () => {
    for (const d of DECLARATIONS) {
      const header = d.header === 'name' ? `${d.keyword} x` : `${d.keyword} "X"`;
      const offered = complete(`${DECLS}\n${header} {\n  <|>\n}`);
      const keywordsOffered = offered.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label);
      const leading = d.statements.map(leadingKeyword).filter((k): k is string => k !== null);
      expect(keywordsOffered, d.keyword).toEqual(leading);
      // Names exactly where a statement starts with one.
      const startsWithName = d.statements.some((s) => s.parts[0]!.kind === 'name');
      expect(offered.some((i) => i.label === 'crisis'), d.keyword).toBe(startsWithName);
    }
  });

  it('offers each declaration once at top level, as a snippet, and no second scenario', () => {
    const items = complete(`${EXAMPLE}\n<|>`);
    expect(labels(items)).toEqual(['factor', 'event', 'outcome', 'alternative']);
    for (const s of items) expect(s.insertTextFormat).toBe(InsertTextFormat.Snippet);
    const outcome = items.find((s) => s.label === 'outcome')!;
    expect(newText(outcome)).toMatch(/^outcome \$\{1:name\} "\$\{2:label\}" \{\n\tbase \$\{3:20%\}\n\t\$\{4\|crisis,khan_popular,rapport,attack,democracy_push,trade_up,security_ties\|\}/);
    expect(labels(complete(`${DECLS}\n<|>`))).toEqual(['scenario', 'factor', 'event', 'outcome', 'alternative']);
    expect(newText(complete(`${DECLS}\n<|>`)[0])).toMatch(/^scenario "\$\{1:title\}" \{\n\tquestion/);
    expect(labels(complete(`fa<|>`))).toContain('factor');
    // A broken scenario block is still the file's scenario.
    expect(labels(complete('scenario "S" {\n  samples\n}\n<|>'))).not.toContain('scenario');
  });

  it('offers nothing while naming a declaration, in a comment or in a string', () => {
    expect(complete('factor <|>')).toEqual([]);
    expect(complete('factor f {\n  // prob<|>\n}')).toEqual([]);
    expect(complete('factor f {\n  note "prob<|>\n}')).toEqual([]);
    expect(complete('factor f "a <|>b" {\n}')).toEqual([]);
  });
});

describe('after a typed space', () => {
  it('pops strengths up after raises and lowers, phrases after a probability keyword, to after a date', () => {
    expect(labels(completeOnSpace(`${DECLS}\noutcome o {\n  crisis raises <|>\n}`))).toEqual(['weakly', 'moderately', 'strongly', 'decisively', 'x3']);
    expect(labels(completeOnSpace(`${DECLS}\noutcome o {\n  crisis lowers <|>\n}`))).toContain('strongly');
    expect(labels(completeOnSpace(`${DECLS}\noutcome o {\n  crisis <|>\n}`))).toEqual(['raises', 'lowers']);
    expect(labels(completeOnSpace('factor f {\n  probability <|>\n}'))).toContain('likely');
    expect(labels(completeOnSpace('outcome o {\n  judged very <|>\n}'))).toEqual(['very unlikely', 'very likely']);
    expect(labels(completeOnSpace('scenario "S" {\n  horizon 2025-01-01 <|>\n}'))).toEqual(['to']);
  });

  it('opens nothing elsewhere: indentation, top level, names, texts, numbers, after a whole statement', () => {
    for (const text of [
      `${DECLS}\noutcome o {\n  <|>\n}`,
      `${DECLS}\n <|>`,
      'factor <|>',
      `${DECLS}\nalternative "A" {\n  given <|>\n}`,
      'factor f {\n  note <|>\n}',
      'scenario "S" {\n  samples <|>\n}',
      `${DECLS}\noutcome o {\n  crisis raises weakly <|>\n}`,
      'factor f {\n  probability likely <|>\n}',
      'factor f {\n  note "a <|>\n}',
    ]) {
      expect(completeOnSpace(text), text).toEqual([]);
    }
  });
});

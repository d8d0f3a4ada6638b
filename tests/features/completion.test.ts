// Completion (server/src/features/completion.ts) from the text around the cursor, in whole and in
// half-typed files.
import { describe, expect, it } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import { DECLARATIONS, leadingKeyword } from '../../server/src/syntax/vocabulary';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { expectCompletion } from './expect';
import { marked } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;
const DECLS = [
  'factor crisis "Crises" { probability almost certain }',
  'factor rapport { probability 55%..75% }',
  'event attack "A major attack" { probability 10%..25% }',
  'outcome trade_up "Trade grows" { base 50%; crisis raises weakly }',
].join('\n');

const newText = (item: CompletionItem | undefined) => (item?.textEdit as TextEdit | undefined)?.newText;
const DRIVER_TAIL = 'raises ${1|moderately,weakly,strongly,decisively|}';

describe('names', () => {
  it('offers factors, events and other outcomes where a driver belongs, as driver-line snippets with kind and label', () => {
    const items = expectCompletion(`${DECLS}\noutcome o "O" {\n  base 10%\n  <|>\n}`, {
      includes: ['crisis', 'rapport', 'attack', 'trade_up', 'base', 'judged', 'note', 'source'],
      excludes: ['o', 'probability'],
    });
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
    const at = marked(`${DECLS}\noutcome o {\n  crisis raises weakly\n  ra<|>\n}`);
    const rapport = expectCompletion(at, { excludes: ['crisis'] }).find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(edit.newText).toBe(`rapport ${DRIVER_TAIL}`);
    expect(at.state.lines.offsetAt(edit.range.start)).toBe(at.text.lastIndexOf('ra', at.offsets[0]));
    expect(at.state.lines.offsetAt(edit.range.end)).toBe(at.offsets[0]);
  });

  it('leaves out drivers listed after the cursor too', () => {
    expectCompletion(`${DECLS}\noutcome o {\n  base 10%\n  <|>\n  rapport raises weakly; attack lowers x2\n}`, {
      includes: ['crisis', 'trade_up'],
      excludes: ['rapport', 'attack'],
    });
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
    expectCompletion(text.replace('outcome a { base 10% }', 'outcome a {\n  base 10%\n  <|>\n}'), {
      includes: ['crisis', 'trade_up', 'd', 'a2'],
      excludes: ['a', 'b', 'c'],
    });
    // Upstream outcomes are fine: c may be driven by a.
    expectCompletion(text.replace('outcome c { base 10%; b raises weakly }', 'outcome c {\n  b raises weakly\n  <|>\n}'), { includes: ['a', 'd'] });
  });

  it('completes with the cursor in the middle of a name, inserting only the name when the line goes on', () => {
    const at = marked(`${DECLS}\noutcome o {\n  rap<|>port raises weakly\n}`);
    const rapport = expectCompletion(at, { includes: ['rapport'] }).find((i) => i.label === 'rapport')!;
    const edit = rapport.textEdit as TextEdit;
    expect(at.state.lines.offsetAt(edit.range.start)).toBe(at.text.lastIndexOf('rapport', at.offsets[0]));
    expect(edit.newText).toBe('rapport');
    expect(rapport.insertTextFormat).toBeUndefined();
  });

  it('offers targets, given and not in an alternative', () => {
    const start = expectCompletion(`${DECLS}\nalternative "A" {\n  <|>\n}`, { includes: ['given', 'note', 'source', 'crisis', 'attack', 'trade_up'] });
    // `rapport 85%` or `trade_up base 60%`: the name alone, the rest depends on its kind.
    expect(newText(start.find((i) => i.label === 'crisis'))).toBe('crisis');
    expectCompletion(`${DECLS}\nalternative "A" {\n  given <|>\n}`, { includes: ['not', 'attack', 'trade_up'] });
    expectCompletion(`${DECLS}\nalternative "A" {\n  given not <|>\n}`, { includes: ['attack'], excludes: ['not'] });
  });

  it('offers observe in an alternative, explained, then not and every kind of name after it', () => {
    const items = expectCompletion(`${DECLS}\nalternative "A" {\n  obs<|>\n}`, { includes: ['observe'] });
    const observe = items.find((i) => i.label === 'observe')!;
    expect((observe.documentation as { value: string }).value).toContain('evidence, reasoning backwards as well as forwards');
    expectCompletion(`${DECLS}\nalternative "A" {\n  observe <|>\n}`, { exactly: ['not', 'crisis', 'rapport', 'attack', 'trade_up'] });
    expectCompletion(`${DECLS}\nalternative "A" {\n  observe not <|>\n}`, { includes: ['attack', 'trade_up'], excludes: ['not', 'observe'] });
    // A name the alternative already gives or observes is not offered again (it would conflict).
    expectCompletion(`${DECLS}\nalternative "A" {\n  given attack\n  observe <|>\n  observe crisis\n}`, {
      includes: ['rapport', 'trade_up'], excludes: ['attack', 'crisis'],
    });
    // A space typed after `observe` opens what one after `given` opens.
    const onSpace = (keyword: string) => expectCompletion(`${DECLS}\nalternative "A" {\n  ${keyword} <|>\n}`, { typed: ' ' }).map((i) => i.label);
    expect(onSpace('observe')).toEqual(onSpace('given'));
    // Outside alternatives `observe` is not a statement.
    expectCompletion(`${DECLS}\noutcome o {\n  obs<|>\n}`, { excludes: ['observe'] });
  });

  it('works in the unclosed declaration being typed at the end of the file', () => {
    expectCompletion(`${DECLS}\noutcome fresh {\n  base 10%\n  <|>`, { includes: ['crisis', 'rapport', 'judged'] });
  });

  it('works in the middle of a file whose declaration is broken', () => {
    expectCompletion(`${DECLS}\noutcome fresh {\n  base\n  <|>\n}\nfactor later { probability 5% }`, { includes: ['crisis', 'later'] });
  });
});

describe('values', () => {
  it('offers phrases after probability, base and judged, with their ranges', () => {
    for (const line of ['factor f {\n  probability <|>\n}', 'outcome o {\n  base <|>\n}', 'outcome o {\n  judged <|>\n}']) {
      const items = expectCompletion(line, { includes: ['almost no chance', 'roughly even chance', 'highly probable'] });
      expect(items.find((i) => i.label === 'likely')!).toMatchObject({ kind: CompletionItemKind.Value, detail: '55%–80% (ICD 203)' });
    }
  });

  it('completes a multi-word phrase from its first words', () => {
    const at = marked('outcome o {\n  judged very l<|>\n}');
    const items = expectCompletion(at, { exactly: ['very unlikely', 'very likely'] });
    const edit = items[1]!.textEdit as TextEdit;
    expect(at.state.lines.offsetAt(edit.range.start)).toBe(at.text.indexOf('very'));
    expect(at.state.lines.offsetAt(edit.range.end)).toBe(at.offsets[0]);
  });

  it('offers phrases for a factor in an alternative, and base for an outcome', () => {
    expectCompletion(`${DECLS}\nalternative "A" {\n  rapport <|>\n}`, { includes: ['very likely'] });
    expectCompletion(`${DECLS}\nalternative "A" {\n  trade_up <|>\n}`, { exactly: ['base'] });
    expectCompletion(`${DECLS}\nalternative "A" {\n  trade_up base <|>\n}`, { includes: ['unlikely'] });
  });

  it('offers raises and lowers after a driver name, strengths after them', () => {
    expectCompletion(`${DECLS}\noutcome o {\n  crisis <|>\n}`, { exactly: ['raises', 'lowers'] });
    const strengths = expectCompletion(`${DECLS}\noutcome o {\n  crisis lowers <|>\n}`, { exactly: ['weakly', 'moderately', 'strongly', 'decisively', 'x3'] });
    expect(strengths[1]!.detail).toBe('multiplies the odds by 2 to 4');
    expect(strengths[4]!.insertTextFormat).toBe(InsertTextFormat.Snippet);
  });
});

describe('keywords and snippets', () => {
  it('offers the statements of each block, note and source in every one', () => {
    expectCompletion('factor f {\n  <|>\n}', { exactly: ['probability', 'resolved', 'note', 'source'] });
    expectCompletion('event e {\n  <|>\n}', { exactly: ['probability', 'resolved', 'note', 'source'] });
    expectCompletion('scenario "S" {\n  <|>\n}', { exactly: ['question', 'horizon', 'samples', 'seed', 'note', 'source'] });
    expectCompletion('alternative "A" {\n  <|>\n}', { exactly: ['given', 'observe', 'note', 'source'] });
    expectCompletion('outcome o {\n  <|>\n}', { exactly: ['base', 'judged', 'resolved', 'note', 'source'] });
    expectCompletion('scenario "S" {\n  horizon 2025-01-01 <|>\n}', { exactly: ['to'] });
  });

  it('offers exactly the statements the vocabulary lists for each block', () => {
    for (const d of DECLARATIONS) {
      const header = d.header === 'name' ? `${d.keyword} x` : `${d.keyword} "X"`;
      const { state, cursors } = marked(`${DECLS}\n${header} {\n  <|>\n}`);
      const offered = completion(state, cursors[0]!);
      const keywordsOffered = offered.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label);
      const leading = d.statements.map(leadingKeyword).filter((k): k is string => k !== null);
      expect(keywordsOffered, d.keyword).toEqual(leading);
      // Names exactly where a statement starts with one.
      const startsWithName = d.statements.some((s) => s.parts[0]!.kind === 'name');
      expect(offered.some((i) => i.label === 'crisis'), d.keyword).toBe(startsWithName);
    }
  });

  it('offers each declaration once at top level, as a snippet, and no second scenario', () => {
    const items = expectCompletion(`${EXAMPLE}\n<|>`, { exactly: ['import', 'factor', 'event', 'outcome', 'alternative'] });
    for (const s of items) expect(s.insertTextFormat).toBe(InsertTextFormat.Snippet);
    const outcome = items.find((s) => s.label === 'outcome')!;
    expect(newText(outcome)).toMatch(/^outcome \$\{1:name\} "\$\{2:label\}" \{\n\tbase \$\{3:20%\}\n\t\$\{4\|crisis,khan_popular,rapport,attack,democracy_push,trade_up,security_ties\|\}/);
    const fresh = expectCompletion(`${DECLS}\n<|>`, { exactly: ['scenario', 'import', 'factor', 'event', 'outcome', 'alternative'] });
    expect(newText(fresh[0])).toMatch(/^scenario "\$\{1:title\}" \{\n\tquestion/);
    expectCompletion('fa<|>', { includes: ['factor'] });
    // A broken scenario block is still the file's scenario.
    expectCompletion('scenario "S" {\n  samples\n}\n<|>', { excludes: ['scenario'] });
  });

  it('offers nothing while naming a declaration, in a comment or in a string', () => {
    expectCompletion('factor <|>', { exactly: [] });
    expectCompletion('factor f {\n  // prob<|>\n}', { exactly: [] });
    expectCompletion('factor f {\n  note "prob<|>\n}', { exactly: [] });
    expectCompletion('factor f "a <|>b" {\n}', { exactly: [] });
  });
});

describe('after a typed space', () => {
  it('pops strengths up after raises and lowers, phrases after a probability keyword, to after a date', () => {
    expectCompletion(`${DECLS}\noutcome o {\n  crisis raises <|>\n}`, { typed: ' ', exactly: ['weakly', 'moderately', 'strongly', 'decisively', 'x3'] });
    expectCompletion(`${DECLS}\noutcome o {\n  crisis lowers <|>\n}`, { typed: ' ', includes: ['strongly'] });
    expectCompletion(`${DECLS}\noutcome o {\n  crisis <|>\n}`, { typed: ' ', exactly: ['raises', 'lowers'] });
    expectCompletion('factor f {\n  probability <|>\n}', { typed: ' ', includes: ['likely'] });
    expectCompletion('outcome o {\n  judged very <|>\n}', { typed: ' ', exactly: ['very unlikely', 'very likely'] });
    expectCompletion('scenario "S" {\n  horizon 2025-01-01 <|>\n}', { typed: ' ', exactly: ['to'] });
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
      expectCompletion(text, { typed: ' ', exactly: [] });
    }
  });
});

// Go to definition, find references, rename and document symbols.
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError, SymbolKind } from 'vscode-languageserver';
import { definition, references } from '../../server/src/features/definition';
import { prepareRename, rename } from '../../server/src/features/rename';
import { documentSymbols } from '../../server/src/features/symbols';
import { applyEdits, marked, stateOf, TEST_URI } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const TEXT = [
  'factor <|>crisis "Crises" { probability likely }',
  'event attack { probability 10% }',
  'outcome push { base 20%; cri<|>sis raises weakly; attack lowers x2 }',
  'outcome ties { base 10%; push raises strongly; crisis<|> raises weakly }',
  'alternative "What if" { crisis 90%; given not <|>attack; push base 50% }',
].join('\n');

describe('definition and references', () => {
  it('goes from any use to the declaration', () => {
    const { state, cursors, text } = marked(TEXT);
    const target = { uri: TEST_URI, range: { start: state.lines.positionAt(text.indexOf('crisis')), end: state.lines.positionAt(text.indexOf('crisis') + 6) } };
    for (const cursor of cursors.slice(0, 3)) expect(definition(state, cursor)).toEqual(target);
    expect(definition(state, cursors[3]!)!.range.start).toEqual(state.lines.positionAt(text.indexOf('attack')));
  });

  it('finds every reference, with or without the declaration', () => {
    const { state, cursors, text } = marked(TEXT);
    const all = references(state, cursors[1]!, true).map((l) => state.lines.offsetAt(l.range.start));
    const expected = [...text.matchAll(/crisis/g)].map((m) => m.index!);
    expect(all).toEqual(expected);
    expect(references(state, cursors[1]!, false)).toHaveLength(expected.length - 1);
  });

  it('returns nothing away from names', () => {
    const { state, cursors } = marked('factor f { <|>probability 5% }');
    expect(definition(state, cursors[0]!)).toBeNull();
    expect(references(state, cursors[0]!, true)).toEqual([]);
  });

  it('follows names into and out of a declaration that does not parse', () => {
    const { state, cursors, text } = marked('factor a { probability 30% }\noutcome o { base; <|>a raises weakly }\noutcome p { base 5%; a raises x2 }');
    expect(state.document.errors.length).toBeGreaterThan(0);
    expect(state.lines.offsetAt(definition(state, cursors[0]!)!.range.start)).toBe(text.indexOf('a {'));
    expect(references(state, cursors[0]!, true)).toHaveLength(3);
  });
});

describe('rename', () => {
  it('prepares on a declared name and renames every occurrence', () => {
    const { state, cursors, text } = marked(TEXT);
    const range = prepareRename(state, cursors[1]!);
    expect(range).toEqual({ start: state.lines.positionAt(text.indexOf('crisis raises')), end: state.lines.positionAt(text.indexOf('crisis raises') + 6) });
    const edit = rename(state, cursors[1]!, 'turmoil');
    const renamed = applyEdits(text, edit.changes![TEST_URI]!);
    expect(renamed).toBe(text.replace(/crisis/g, 'turmoil'));
    const after = stateOf(renamed);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual(state.diagnostics.filter((d) => d.severity === 'error'));
  });

  it('does not prepare away from names or on an undeclared name', () => {
    const { state, cursors } = marked('factor f { <|>probability 5% }\noutcome o { base 5%; <|>ghost raises weakly }');
    expect(prepareRename(state, cursors[0]!)).toBeNull();
    expect(prepareRename(state, cursors[1]!)).toBeNull();
  });

  function refusal(newName: string): ResponseError<unknown> {
    const { state, cursors } = marked(TEXT);
    try {
      rename(state, cursors[0]!, newName);
    } catch (error) {
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidParams);
      return error as ResponseError<unknown>;
    }
    throw new Error(`renaming to ${newName} was not refused`);
  }

  it('refuses names that are not names, keywords and names in use', () => {
    expect(refusal('two words').message).toContain('is not a valid name');
    expect(refusal('9lives').message).toContain('start with a letter');
    expect(refusal('a-b').message).toContain('is not a valid name');
    expect(refusal('likely').message).toContain('is a word of the language');
    expect(refusal('base').message).toContain('is a word of the language');
    expect(refusal('attack').message).toBe('"attack" is already the name of an event (line 2); choose a name not used in this file.');
    expect(refusal('push').message).toContain('already the name of an outcome');
  });

  it('refuses a name already used without a declaration', () => {
    const { state, cursors } = marked('factor <|>f { probability 5% }\noutcome o { base 5%; f raises weakly; ghost raises x2 }');
    expect(() => rename(state, cursors[0]!, 'ghost')).toThrow(/already used on line 2/);
  });

  it('accepts Unicode names and renaming to the same name', () => {
    const { state, cursors, text } = marked(TEXT);
    expect(applyEdits(text, rename(state, cursors[0]!, 'crise_économique').changes![TEST_URI]!)).toContain('crise_économique raises weakly');
    expect(rename(state, cursors[0]!, 'crisis').changes![TEST_URI]).toEqual([]);
  });
});

describe('document symbols', () => {
  it('lists the scenario, variables with drivers, and alternatives with changes', () => {
    const state = stateOf(LANGUAGE_EXAMPLE);
    const symbols = documentSymbols(state);
    expect(symbols.map((s) => [s.name, s.kind])).toEqual([
      ['US–Pakistan relations, 2025', SymbolKind.Namespace],
      ['crisis', SymbolKind.Variable],
      ['khan_popular', SymbolKind.Variable],
      ['rapport', SymbolKind.Variable],
      ['attack', SymbolKind.Event],
      ['democracy_push', SymbolKind.Function],
      ['trade_up', SymbolKind.Function],
      ['security_ties', SymbolKind.Function],
      ['Khan released', SymbolKind.Object],
      ['Attack happens', SymbolKind.Object],
    ]);
    expect(symbols[1]!.detail).toBe("factor · Pakistan's political, constitutional and economic crises · probability almost certain");
    expect(symbols[7]!.children!.map((c) => `${c.name} ${c.detail}`)).toEqual(['attack raises x5..12', 'democracy_push lowers weakly']);
    expect(symbols[8]!.children!.map((c) => `${c.name} ${c.detail}`)).toEqual(['rapport 85%..95%', 'khan_popular almost certain']);
    expect(symbols[9]!.children!.map((c) => `${c.name} ${c.detail}`)).toEqual(['attack given']);
    for (const s of symbols) {
      const inRange = (inner: typeof s.range, outer: typeof s.range) =>
        state.lines.offsetAt(inner.start) >= state.lines.offsetAt(outer.start) && state.lines.offsetAt(inner.end) <= state.lines.offsetAt(outer.end);
      expect(inRange(s.selectionRange, s.range)).toBe(true);
      for (const c of s.children ?? []) expect(inRange(c.range, s.range)).toBe(true);
    }
  });

  it('never gives a symbol an empty name', () => {
    expect(documentSymbols(stateOf('alternative "" { }'))[0]!.name).toBe('(untitled)');
  });
});

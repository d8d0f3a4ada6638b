// Document symbols (server/src/features/symbols.ts): the outline of a file.
import { describe, expect, it } from 'vitest';
import { SymbolKind } from 'vscode-languageserver';
import { documentSymbols } from '../../server/src/features/symbols';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf } from './state';

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

  it('lists an alternative\'s observe lines with observe or observe not, as given lines', () => {
    const text = 'factor a { probability 5% }\nfactor b { probability 5% }\noutcome o { base 5%; a raises weakly; b raises weakly }\n' +
      'alternative "Seen" {\n  observe a\n  observe not o\n  given not b\n}\n';
    const state = stateOf(text);
    expect(state.diagnostics).toEqual([]);
    const [, , , seen] = documentSymbols(state);
    expect(seen!.children!.map((c) => `${c.name} ${c.detail}`)).toEqual(['a observe', 'o observe not', 'b given not']);
    expect(seen!.children![1]!.range).toEqual({ start: { line: 5, character: 2 }, end: { line: 5, character: 15 } });
  });

  it('never gives a symbol an empty name', () => {
    expect(documentSymbols(stateOf('alternative "" { }'))[0]!.name).toBe('(untitled)');
  });
});

// Syntax-tree nodes under a cursor (server/src/features/nodes.ts): the probabilities written in a
// file, which the phrase ↔ number rewrites act on.
import { describe, expect, it } from 'vitest';
import { probabilityExprAt, probabilityExprs, probabilityOf } from '../../server/src/features/nodes';
import { fixture } from '../fixture';
import { stateOf } from './state';

const TEXT = [
  'scenario "S" { samples 100 }',
  'factor f { probability likely; note "30%" }',
  'outcome o { base 20%..30%; f raises x2; judged very unlikely }',
  'alternative "A" { f 0.9; o base 10%; given f }',
].join('\n');

describe('probabilities in the tree', () => {
  it('yields every written probability with its statement and declaration, in file order', () => {
    const found = [...probabilityExprs(stateOf(TEXT))].map((p) => `${p.declaration.kind} ${p.statement.kind} ${p.expr.text}`);
    expect(found).toEqual([
      'factor probability likely',
      'outcome base 20%..30%',
      'outcome judged very unlikely',
      'alternative alt-set 0.9',
      'alternative alt-base 10%',
    ]);
  });

  it('has a probability only in probability, base, judged and the two alternative lines', () => {
    const kinds = stateOf(TEXT).document.declarations.flatMap((d) => d.statements)
      .map((s) => `${s.kind}:${probabilityOf(s) ? 'yes' : 'no'}`);
    expect(kinds).toEqual([
      'samples:no', 'probability:yes', 'note:no', 'base:yes', 'driver:no', 'judged:yes', 'alt-set:yes', 'alt-base:yes', 'alt-given:no',
    ]);
  });

  it('finds the probability a cursor or a selection touches, ends included', () => {
    const { text, offsets } = fixture('factor f { probability <|>lik<|>ely<|> <|>}\noutcome o { <|>base 5%; f raises weakly }');
    const state = stateOf(text);
    const at = (start: number, end = start) => probabilityExprAt(state, { start, end })?.expr.text;
    expect(offsets.slice(0, 3).map((o) => at(o))).toEqual(['likely', 'likely', 'likely']);
    expect(at(offsets[3]!)).toBeUndefined();
    expect(at(offsets[4]!)).toBeUndefined();
    // A selection from the keyword into the value.
    expect(at(offsets[4]!, text.indexOf('5%') + 1)).toBe('5%');
    expect(probabilityExprAt(state, { start: offsets[0]!, end: offsets[0]! })).toMatchObject({ declaration: { kind: 'factor' }, statement: { kind: 'probability' } });
  });
});

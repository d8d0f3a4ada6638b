import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { draftFromText, NameMaker, scenarioString } from '../../server/src/prose/draft';
import { forecast } from '../../server/src/engine/forecast';
import { isName } from '../../common/names';
import { KEYWORDS } from '../../server/src/syntax/vocabulary';
import { OPED } from './oped';

const draft = draftFromText(OPED, { sourceName: 'op-ed' });
const text = draft.text!;

/** The declarations of a draft: kind, name and the block's lines. */
function blocks(source: string) {
  return [...source.matchAll(/^(factor|outcome) (\S+) "(?:[^"\\]|\\.)*" \{\n([\s\S]*?)\n\}/gm)].map((m) => ({ kind: m[1]!, name: m[2]!, body: m[3]! }));
}

describe('scenario draft of the op-ed', () => {
  it('checks with no errors through the one analysis, the forecast included', () => {
    const analysis = analyzeSource({ text }, (model) => forecast(model, { maxWorlds: 0, bandMethod: 'none' }));
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The only diagnostics: the enumerated factors drive nothing yet (hints), and no judged call is contradicted.
    expect(new Set(analysis.diagnostics.map((d) => d.code))).toEqual(new Set(['unused']));
    expect(analysis.forecast!.outcomes.length).toBe(13);
  });

  it('is titled from the text and has an outcome per estimative sentence, the sentence as note and its paragraph as source', () => {
    expect(text).toContain('scenario "US-Pakistan relations in President Trump’s second term" {');
    const outcomes = blocks(text).filter((b) => b.kind === 'outcome');
    expect(outcomes.length).toBe(13);
    expect(draft.outcomes).toBe(13);
    const stabilize = outcomes.find((o) => o.body.includes('will likely take steps'))!;
    expect(stabilize.body).toContain('  judged likely');
    expect(stabilize.body).toContain('  note "Therefore, President Trump will likely take steps to help stabilize Pakistan politically."');
    expect(stabilize.body).toContain('  source "op-ed, paragraph 3"');
    const revive = outcomes.find((o) => o.body.includes('unlikely to revive'))!;
    expect(revive.body).toContain('  judged unlikely');
    expect(revive.body).toContain('source "op-ed, paragraph 6"');
  });

  it('asks for a phrase, in a TODO comment, for each hedge, and writes no judged line for a hedge alone', () => {
    const outcomes = blocks(text).filter((b) => b.kind === 'outcome');
    const backseat = outcomes.find((o) => o.body.includes('may take a backseat'))!;
    expect(backseat.body).toMatch(/\/\/ TODO: "may" is a hedge/);
    expect(backseat.body).not.toMatch(/^\s+judged /m);
    expect((text.match(/is a hedge with no defined probability/g) ?? []).length).toBe(11);
    expect(outcomes.filter((o) => o.body.includes('  judged ')).length).toBe(3);
  });

  it('makes a factor of each enumerated driver: the five of paragraph 2 and the two of paragraph 4', () => {
    const factors = blocks(text).filter((b) => b.kind === 'factor');
    expect(factors.length).toBe(7);
    expect(factors.filter((f) => f.body.includes('paragraph 2')).length).toBe(5);
    expect(factors.filter((f) => f.body.includes('paragraph 4')).length).toBe(2);
    expect(factors[0]!.body).toContain('note "First, the unprecedented political, constitutional, and economic crises in Pakistan."');
    expect(factors[0]!.body).toContain('// TODO');
  });

  it('gives valid, unique names that are not keywords', () => {
    const names = blocks(text).map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(isName(n)).toBe(true);
      expect(KEYWORDS.has(n)).toBe(false);
    }
  });
});

describe('drafts of other texts', () => {
  it('escapes quotes and backslashes, and keeps hostile text inert in strings', () => {
    expect(scenarioString('He said "likely" \\ } factor x {\nnext')).toBe('"He said \\"likely\\" \\\\ } factor x { next"');
    const hostile = draftFromText('Title\n\nThe "deal" } factor evil { may \\ happen.\nIt is likely that `x` */ grows.\n', { sourceName: 'a "b"' });
    const analysis = analyzeSource({ text: hostile.text! });
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hostile.outcomes).toBe(2);
  });

  it('names outcomes of the same words uniquely, in right-to-left and mixed scripts too', () => {
    const same = draftFromText('Trade may grow. Trade may grow. Trade may grow.', { sourceName: 't' });
    expect(blocks(same.text!).map((b) => b.name)).toEqual(['trade_grow', 'trade_grow_2', 'trade_grow_3']);
    const mixed = draftFromText('التجارة قد تنمو may grow. हिन्दी व्यापार may grow. 123 may come. Deal may come.', { sourceName: 't' });
    const analysis = analyzeSource({ text: mixed.text! });
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const b of blocks(mixed.text!)) expect(isName(b.name)).toBe(true);
    expect(blocks(mixed.text!).length).toBe(3);
  });

  it('says so for a text with no sentences, and drafts a scenario block with no judgments', () => {
    expect(draftFromText('   \n\n', { sourceName: 't' })).toMatchObject({ text: null, message: 'the text has no sentences to draft from' });
    const plain = draftFromText('The sky is blue. Water is wet.', { sourceName: 't' });
    expect(plain.outcomes).toBe(0);
    expect(analyzeSource({ text: plain.text! }).diagnostics).toEqual([]);
  });

  it('NameMaker never returns a keyword or an invalid name', () => {
    const maker = new NameMaker();
    expect(maker.make(['likely'], new Set(), 'judgment')).toBe('judgment');
    expect(maker.make(['9lives', '—'], new Set(), 'judgment')).toBe('lives');
    expect(maker.make([], new Set(), 'judgment')).toBe('judgment_2');
    // A fallback that is a keyword is never returned as it is.
    expect(maker.make([], new Set(), 'outcome')).toBe('outcome_2');
  });
});

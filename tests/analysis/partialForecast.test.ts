// A file with errors: what does not depend on a broken declaration is forecast anew, the rest keeps
// its last good numbers, marked with why (LANGUAGE.md semantics are unchanged for the forecast part).
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { completeWithEarlier } from '../../server/src/analysis/partialForecast';
import { forecast } from '../../server/src/engine/forecast';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { stateOf } from '../features/state';

const GOOD = [
  'factor a "A" { probability 40% }',
  'factor b "B" { probability 70% }',
  'outcome x "X" { base 20%; a raises strongly }',
  'outcome y "Y" { base 30%; b raises weakly }',
  'outcome z "Z" { base 50%; y raises moderately }',
  'alternative "A holds" { given a }',
  'alternative "B holds" { given b }',
  '',
].join('\n');

function forecastOf(text: string) {
  const analysis = analyzeSource({ text });
  return { analysis, forecast: forecast(analysis.scope.model) };
}

describe('the forecastable part of a file with errors', () => {
  it('is the whole model when the file has no errors', () => {
    const { analysis } = forecastOf(GOOD);
    expect(analysis.scope.excluded).toEqual([]);
    expect(analysis.scope.model).toBe(analysis.model);
  });

  it('leaves out a declaration with an error and everything downstream of it, with reasons', () => {
    const broken = GOOD.replace('probability 70%', 'probability 170%');
    const { analysis } = forecastOf(broken);
    expect(analysis.model.hasErrors).toBe(true);
    expect(analysis.scope.model.hasErrors).toBe(false);
    expect(analysis.scope.model.outcomes.map((o) => o.name)).toEqual(['x']);
    expect(analysis.scope.model.alternatives.map((a) => a.title)).toEqual(['A holds']);
    expect(analysis.scope.excluded).toEqual([
      { kind: 'factor', name: 'b', reason: 'line 2 has an error' },
      { kind: 'outcome', name: 'y', reason: 'depends on b, which has an error' },
      { kind: 'outcome', name: 'z', reason: 'depends on y, which has an error' },
      { kind: 'alternative', name: 'B holds', reason: 'it changes b, which has an error' },
    ]);
  });

  it('forecasts the rest exactly as the file without the broken part would be', () => {
    const broken = GOOD.replace('probability 70%', 'probability 170%');
    const partial = forecast(analyzeSource({ text: broken }).scope.model);
    const alone = forecast(analyzeSource({ text: 'factor a "A" { probability 40% }\noutcome x "X" { base 20%; a raises strongly }\nalternative "A holds" { given a }\n' }).model);
    expect(partial.outcomes[0]!.probability).toBe(alone.outcomes[0]!.probability);
    expect(partial.outcomes[0]!.band).toEqual(alone.outcomes[0]!.band);
  });

  it('treats a declaration that does not parse, and its dependents, as broken', () => {
    const broken = GOOD.replace('outcome y "Y" { base 30%; b raises weakly }', 'outcome y "Y" { base 30%; b raises }');
    const { analysis } = forecastOf(broken);
    expect(analysis.scope.model.outcomes.map((o) => o.name)).toEqual(['x']);
    expect(analysis.scope.excluded.filter((e) => e.kind === 'outcome')).toEqual([
      { kind: 'outcome', name: 'y', reason: 'its declaration on line 4 does not parse' },
      { kind: 'outcome', name: 'z', reason: 'depends on y, which has an error' },
    ]);
  });

  it('does not let an error in the scenario block or between declarations stop the forecast', () => {
    const text = `scenario "t" { samples 5 }\n${GOOD}\n}}}\n`;
    const { analysis } = forecastOf(text);
    expect(analysis.model.hasErrors).toBe(true);
    expect(analysis.scope.excluded).toEqual([]);
    expect(analysis.scope.model.outcomes.map((o) => o.name)).toEqual(['x', 'y', 'z']);
  });

  it('completes a partial forecast with the earlier numbers of what it left out, marked, in file order', () => {
    const earlier = forecastOf(GOOD).forecast;
    const broken = GOOD.replace('probability 70%', 'probability 170%');
    const { analysis, forecast: fresh } = forecastOf(broken);
    const merged = completeWithEarlier(fresh, analysis.scope, earlier);
    expect(merged.outcomes.map((o) => [o.name, o.stale ?? null])).toEqual([
      ['x', null],
      ['y', 'depends on b, which has an error'],
      ['z', 'depends on y, which has an error'],
    ]);
    expect(merged.outcomes[1]!.probability).toBe(earlier.outcomes[1]!.probability);
    expect(merged.inputs.map((i) => [i.name, i.stale ?? null])).toEqual([['a', null], ['b', 'line 2 has an error']]);
    expect(merged.alternatives.map((a) => a.name)).toEqual(['A holds', 'B holds']);
    expect(merged.alternatives[1]!.outcomes.every((o) => o.stale === 'it changes b, which has an error')).toBe(true);
    expect(merged.alternatives[0]!.outcomes.map((o) => o.stale ?? null)).toEqual([
      null, 'depends on b, which has an error', 'depends on y, which has an error',
    ]);
    expect(merged.excluded).toHaveLength(4);
  });

  it('lists what was left out without inventing numbers when there is no earlier forecast', () => {
    const broken = GOOD.replace('probability 70%', 'probability 170%');
    const { analysis, forecast: fresh } = forecastOf(broken);
    const merged = completeWithEarlier(fresh, analysis.scope, null);
    expect(merged.outcomes.map((o) => o.name)).toEqual(['x']);
    expect(merged.excluded!.map((e) => e.name)).toEqual(['b', 'y', 'z', 'B holds']);
  });
});

describe('declarations swallowed by broken braces', () => {
  it('keep their places and their last good numbers, marked as not parsing', () => {
    const earlier = forecastOf(GOOD).forecast;
    // An unclosed brace in y swallows z, written on the same line, into one stretch that does not
    // parse (a declaration at the start of a line is where the scan starts again).
    const broken = GOOD.replace('outcome y "Y" { base 30%; b raises weakly }\noutcome z', 'outcome y "Y" { base {{ 30%; b raises weakly } outcome z');
    const { analysis, forecast: fresh } = forecastOf(broken);
    expect(analysis.model.outcomes.map((o) => o.name)).toEqual(['x']);
    expect(analysis.scope.excluded).toEqual([
      { kind: 'outcome', name: 'y', reason: 'its declaration on line 4 does not parse' },
      { kind: 'outcome', name: 'z', reason: 'its declaration on line 4 does not parse' },
    ]);
    const merged = completeWithEarlier(fresh, analysis.scope, earlier);
    expect(merged.outcomes.map((o) => [o.name, o.stale ?? null])).toEqual([
      ['x', null],
      ['y', 'its declaration on line 4 does not parse'],
      ['z', 'its declaration on line 4 does not parse'],
    ]);
    expect(merged.alternatives.map((a) => a.name)).toEqual(['A holds', 'B holds']);
    expect(merged.alternatives[0]!.outcomes.map((o) => o.stale ?? null)).toEqual([
      null, 'its declaration on line 4 does not parse', 'its declaration on line 4 does not parse',
    ]);
  });
});

describe('what the editor shows for an outcome that keeps its last good numbers', () => {
  it('says so in its hover and its inlay hint’s tooltip (not its label), and not for the outcomes forecast anew', () => {
    const earlier = forecastOf(GOOD).forecast;
    const broken = GOOD.replace('probability 70%', 'probability 170%');
    const { analysis, forecast: fresh } = forecastOf(broken);
    const state = { ...stateOf(broken, { forecast: false }), forecast: completeWithEarlier(fresh, analysis.scope, earlier) };
    const at = (words: string) => state.lines.positionAt(broken.indexOf(words) + words.length - 1); // on the name
    const hoverText = (word: string) => JSON.stringify(hover(state, at(word)));
    expect(hoverText('outcome y')).toContain('Last good numbers, not forecast anew: depends on b, which has an error.');
    expect(hoverText('outcome x')).not.toContain('Last good numbers');
    const hints = inlayHints(state, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
    const labels = hints.map((h) => String(h.label));
    expect(labels).toHaveLength(3);
    for (const label of labels) expect(label).toMatch(/^≈ \S+% [a-z ]+$/);
    expect(JSON.stringify(hints[0]!.tooltip)).not.toContain('last good numbers');
    expect(JSON.stringify(hints[1]!.tooltip)).toContain('(last good numbers: depends on b, which has an error).');
  });
});

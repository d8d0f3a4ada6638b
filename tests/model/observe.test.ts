// `observe [not] NAME` in alternatives, on the language side: what resolution makes of it, the
// `alternative-conflict` check, and `observe-impossible`, found against the forecast.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { analyze } from '../../server/src/model/analyze';
import type { Diagnostic } from '../../server/src/model/diagnostics';
import { forecast } from '../../server/src/engine/forecast';
import { applyEdit, lineColumn, offsetOf } from './helpers';

const MODEL = `
factor rapport { probability 55%..75% }
factor crisis { probability likely }
event attack { probability 10%..25% }
outcome security_ties {
  base 10%
  attack raises x5..12
  rapport raises weakly
}
outcome pinned {
  base 0%
  crisis raises weakly
}
`;

const withAlternative = (body: string) => `${MODEL}alternative "A" {\n${body}\n}\n`;

function codes(text: string, code: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => d.code === code);
}

/** Line:column of a diagnostic's start, 1-based. */
function at(text: string, d: Diagnostic): string {
  const { line, column } = lineColumn(text, d.span.start);
  return `${line}:${column}`;
}

/** Every diagnostic of a text, checked against a forecast of its forecastable part (as the CLI does). */
function withForecast(text: string) {
  return analyzeSource({ text }, (model) => forecast(model));
}

describe('resolution', () => {
  it('makes `observe NAME` and `observe not NAME` evidence changes, in file order among the others', () => {
    const { model, diagnostics } = analyze(withAlternative('  rapport 80%\n  observe attack\n  given crisis\n  observe not security_ties'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.alternatives[0]!.changes.map((c) => [c.kind, c.name, 'value' in c ? c.value : null])).toEqual([
      ['set-probability', 'rapport', null],
      ['observe', 'attack', true],
      ['given', 'crisis', true],
      ['observe', 'security_ties', false],
    ]);
  });

  it('an unknown name is `alternative-target` with did you mean, as for `given`, and is left out', () => {
    const text = withAlternative('  observe atack');
    const [d] = codes(text, 'alternative-target');
    expect(d!.message).toContain("Did you mean 'attack'?");
    expect(d!.fixes!.map((f) => f.newText)).toEqual(['attack']);
    const name = offsetOf(text, 'atack');
    expect(d!.span).toEqual({ start: name, end: name + 'atack'.length });
    expect(analyze(text).model.alternatives[0]!.changes).toEqual([]);
  });

  it('any factor, event or outcome can be observed (outcomes too, unlike `NAME P`)', () => {
    const text = withAlternative('  observe securty_ties');
    expect(codes(text, 'alternative-target')[0]!.candidates).toEqual(['security_ties']);
  });
});

describe('alternative-conflict', () => {
  it('a name observed twice: at the second line, the first in the related information, a fix that removes it', () => {
    const text = withAlternative('  observe attack\n  rapport 70%\n  observe not attack');
    const [d, ...rest] = codes(text, 'alternative-conflict');
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    const second = offsetOf(text, 'observe not attack');
    expect(d!.span).toEqual({ start: second, end: second + 'observe not attack'.length });
    const first = offsetOf(text, 'observe attack');
    expect(d!.related).toEqual([{ span: { start: first, end: first + 'observe attack'.length }, message: "'attack' first appears here in this alternative" }]);
    expect(d!.message).toBe(`'attack' is already observed on line ${lineColumn(text, first).line} ('observe attack'): ` +
      'an alternative states each name once, so keep one of the two lines.');
    const fixed = applyEdit(text, d!.fixes![0]!);
    expect(fixed).not.toContain('observe not attack');
    expect(codes(fixed, 'alternative-conflict')).toEqual([]);
  });

  it('a name given and observed (either order) says the two do different things', () => {
    for (const body of ['  given attack\n  observe attack', '  observe attack\n  given not attack']) {
      const [d] = codes(withAlternative(body), 'alternative-conflict');
      expect(d!.message, body).toMatch(/^'attack' is already (given|observed) on line \d+ \('(given|observe) attack'\): `given` makes it so and `observe` sees it as evidence/);
    }
  });

  it('a name given twice, or set twice, conflicts too; a new probability and an observation of it do not', () => {
    expect(codes(withAlternative('  given crisis\n  given crisis'), 'alternative-conflict')).toHaveLength(1);
    const set = codes(withAlternative('  rapport 80%\n  rapport 90%'), 'alternative-conflict');
    expect(set[0]!.message).toMatch(/^'rapport' already gets a new value on line \d+ \('rapport 80%'\)/);
    expect(codes(withAlternative('  security_ties base 20%\n  security_ties base 30%'), 'alternative-conflict')).toHaveLength(1);
    expect(codes(withAlternative('  rapport 90%\n  observe rapport\n  given crisis\n  crisis 50%'), 'alternative-conflict')).toEqual([]);
  });

  it('the second line is left out of the model, and the alternative out of the forecast; the rest is forecast', () => {
    const text = withAlternative('  observe attack\n  observe attack') + 'alternative "B" {\n  given attack\n}\n';
    const analysis = withForecast(text);
    expect(analysis.model.alternatives[0]!.changes).toHaveLength(1);
    expect(analysis.scope.excluded).toMatchObject([{ kind: 'alternative', name: 'A' }]);
    expect(analysis.forecast!.outcomes.map((o) => o.name)).toEqual(['security_ties', 'pinned']);
    expect(analysis.forecast!.alternatives.map((a) => a.name)).toEqual(['B']);
  });

  it('an unknown name repeated is reported once per line by alternative-target, not as a conflict', () => {
    const text = withAlternative('  observe ghost\n  observe ghost');
    expect(codes(text, 'alternative-conflict')).toEqual([]);
    expect(codes(text, 'alternative-target')).toHaveLength(2);
  });

  it('500 observations of one name: one conflict per repeat, each at its own line', () => {
    const text = withAlternative(Array.from({ length: 500 }, () => '  observe attack').join('\n'));
    const found = codes(text, 'alternative-conflict');
    expect(found).toHaveLength(499);
    const firstLine = lineColumn(text, offsetOf(text, 'observe attack')).line;
    expect(found.map((d) => at(text, d))).toEqual(Array.from({ length: 499 }, (_, i) => `${firstLine + 1 + i}:3`));
    expect(new Set(found.map((d) => d.related![0]!.span.start))).toEqual(new Set([offsetOf(text, 'observe attack')]));
  });
});

describe('observe-impossible', () => {
  const impossibleOf = (text: string) => withForecast(text).diagnostics.filter((d) => d.code === 'observe-impossible');

  it('an outcome pinned at base 0% seen to hold: an error on the observation, linked to the base, from the forecast', () => {
    const text = withAlternative('  observe pinned') + 'alternative "Attack" {\n  given attack\n}\n';
    expect(codes(text, 'observe-impossible')).toEqual([]); // the checks alone cannot know
    const analysis = withForecast(text);
    const found = analysis.diagnostics.filter((d) => d.code === 'observe-impossible');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe('error');
    const line = offsetOf(text, 'observe pinned');
    expect(d.span).toEqual({ start: line, end: line + 'observe pinned'.length });
    expect(d.message).toBe("'observe pinned' cannot happen in this model: 'pinned' never holds (base 0% in its outcome), " +
      "so the observations have probability 0 and the alternative 'A' has no forecast. Remove this observation, " +
      'or change that base.');
    const base = offsetOf(text, 'base 0%') + 'base '.length;
    expect(d.related).toEqual([{ span: { start: base, end: base + 2 }, message: "the base that pins 'pinned'" }]);
    expect(applyEdit(text, d.fixes![0]!)).toBe(text.replace('  observe pinned\n', ''));
    // Everything else is still forecast: the baseline and the other alternative.
    expect(analysis.model.hasErrors).toBe(false);
    expect(analysis.forecast!.outcomes.map((o) => o.name)).toEqual(['security_ties', 'pinned']);
    const [impossible, attack] = analysis.forecast!.alternatives;
    expect(impossible).toMatchObject({ name: 'A', evidenceProbability: 0, outcomes: [] });
    expect(attack!.outcomes.find((o) => o.name === 'security_ties')!.probability).toBeGreaterThan(0.3);
  });

  it('an observation that the alternative\'s own new probability rules out: at that observation only', () => {
    // (`given not attack` with `observe attack` is alternative-conflict: one name given and observed.)
    const text = withAlternative('  attack 0%\n  observe rapport\n  observe attack');
    const found = impossibleOf(text);
    expect(found).toHaveLength(1);
    const start = offsetOf(text, 'observe attack');
    expect(found[0]!.span).toEqual({ start, end: start + 'observe attack'.length });
    expect(found[0]!.message).toContain("'attack' never holds (probability 0% in this alternative)");
    expect(found[0]!.related![0]!.span.start).toBe(offsetOf(text, 'attack 0%') + 'attack '.length);
  });

  it('a name pinned at 100% seen not to hold, and two such observations: one error at each', () => {
    const text = withAlternative('  crisis 100%\n  observe not crisis\n  observe rapport\n  observe pinned');
    const found = impossibleOf(text);
    expect(found.map((d) => text.slice(d.span.start, d.span.end))).toEqual(['observe not crisis', 'observe pinned']);
    expect(found[0]!.message).toContain("'crisis' always holds (probability 100% in this alternative)");
  });

  it('possible evidence, however improbable, is no error', () => {
    const text = withAlternative('  observe attack\n  observe not rapport\n  observe crisis');
    const analysis = withForecast(text);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.forecast!.alternatives[0]!.evidenceProbability).toBeGreaterThan(0);
  });

  it('a forecast of an earlier version that observed other things says nothing about these lines', () => {
    const earlier = withForecast(withAlternative('  observe pinned')).forecast!;
    expect(earlier.alternatives[0]!.evidenceProbability).toBe(0);
    const now = analyzeSource({ text: withAlternative('  observe crisis') }, earlier);
    expect(now.diagnostics.filter((d) => d.code === 'observe-impossible')).toEqual([]);
    const same = analyzeSource({ text: withAlternative('  observe  pinned') }, earlier);
    expect(same.diagnostics.filter((d) => d.code === 'observe-impossible')).toHaveLength(1);
  });

  it('observing every variable at once: no crash; the pinned outcome is the one impossible observation', () => {
    const all = ['rapport', 'crisis', 'attack', 'security_ties', 'pinned'];
    const text = withAlternative(all.map((n) => `  observe ${n}`).join('\n'));
    const found = impossibleOf(text);
    expect(found.map((d) => text.slice(d.span.start, d.span.end))).toEqual(['observe pinned']);
    // Without the pinned outcome the same evidence is possible: every input is then known.
    const possible = withForecast(withAlternative(all.filter((n) => n !== 'pinned').map((n) => `  observe ${n}`).join('\n')));
    expect(possible.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const inputs = possible.forecast!.alternatives[0]!.inputs;
    expect(inputs.map((i) => [i.name, i.probability])).toEqual([['rapport', 1], ['crisis', 1], ['attack', 1]]);
  });

  it('a forecast that says 0 with nothing pinned (P(E) below a double): one error over all the observe lines', () => {
    const text = withAlternative('  observe attack\n  given crisis\n  observe rapport');
    const real = withForecast(text).forecast!;
    expect(real.alternatives[0]!.evidenceProbability).toBeGreaterThan(0);
    // The forecast as it comes out when P(E) underflows (see the 500 observations below).
    const underflowed = { ...real, alternatives: [{ ...real.alternatives[0]!, evidenceProbability: 0, outcomes: [] }] };
    const found = analyzeSource({ text }, underflowed).diagnostics.filter((d) => d.code === 'observe-impossible');
    expect(found).toHaveLength(1);
    expect(found[0]!.span).toEqual({ start: offsetOf(text, 'observe attack'), end: offsetOf(text, 'observe rapport') + 'observe rapport'.length });
    expect(found[0]!.message).toBe("The observations 'observe attack' and 'observe rapport' are too improbable together for the " +
      "forecast to compute (their probability is below the smallest number it can hold), so the alternative 'A' has no " +
      'forecast. Observe fewer things in one alternative.');
  });
});

describe('500 observations in one alternative', () => {
  it('no crash; every diagnostic at the observe lines; the rest of the file forecast', () => {
    const n = 500;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`factor f${i} { probability 10% }`);
    for (let i = 0; i < n / 2; i++) lines.push(`outcome o${i} { base 20%; f${2 * i} raises weakly; f${2 * i + 1} raises weakly }`);
    lines.push('alternative "Everything seen" {', ...Array.from({ length: n }, (_, i) => `  observe f${i}`), '}');
    lines.push('alternative "One seen" {', '  observe f7', '}');
    const text = `${lines.join('\n')}\n`;
    const analysis = withForecast(text);
    expect(analysis.model.hasErrors).toBe(false);
    expect(analysis.model.alternatives[0]!.changes).toHaveLength(n);
    const [all, one] = analysis.forecast!.alternatives;
    expect(one!.evidenceProbability).toBeCloseTo(0.1, 10);
    expect(one!.outcomes).toHaveLength(n / 2);
    expect(analysis.forecast!.outcomes).toHaveLength(n / 2);
    // P(E) = 0.1^500 is below the smallest double: the forecast says 0, and the message says why.
    const found = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (all!.evidenceProbability === 0) {
      expect(found).toHaveLength(1);
      expect(found[0]!.span).toEqual({ start: offsetOf(text, '  observe f0') + 2, end: offsetOf(text, 'observe f499') + 'observe f499'.length });
      expect(found[0]!.message).toContain("'observe f0', 'observe f1', 'observe f2' and 497 more are too improbable together");
    } else {
      expect(found).toEqual([]);
    }
  });
});

describe('the op-ed sample', () => {
  it('observes re-engagement: evidence of a trigger event, reasoned backwards, with nothing to fix', () => {
    const text = readFileSync(new URL('../../samples/us-pakistan-2025.scenario', import.meta.url), 'utf8');
    const analysis = withForecast(text);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    const seen = analysis.forecast!.alternatives.find((a) => a.name === 'Washington re-engages on security')!;
    expect(seen.observed).toEqual([{ name: 'security_reengage', value: true }]);
    expect(seen.evidenceProbability).toBeCloseTo(analysis.forecast!.outcomes.find((o) => o.name === 'security_reengage')!.probability, 6);
    const trigger = seen.inputs.find((i) => i.name === 'trigger')!;
    expect(trigger.probability).toBeGreaterThan(0.5); // from 17.5%: only a trigger makes re-engagement likely
    expect(trigger.delta).toBeGreaterThan(30);
  });
});

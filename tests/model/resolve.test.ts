// Name resolution: what the engine receives. Only accepted values and lines get into the model.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import { readFixture } from './helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

describe('resolved model', () => {
  it('binds each name to its first declaration', () => {
    const { model } = analyze(readFixture('duplicate-name.scenario'));
    expect(model.variables.get('crisis')).toMatchObject({ kind: 'factor', label: "Pakistan's crises" });
    expect(model.inputs.map((v) => v.name)).toEqual(['crisis']);
    expect(model.order).toEqual(['crisis', 'trade_up']);
  });

  it('turns values into numbers and keeps the source text and span', () => {
    const text = LANGUAGE_EXAMPLE;
    const { model } = analyze(text);
    const security = model.variables.get('security_ties');
    expect(security).toMatchObject({
      kind: 'outcome',
      base: { low: 0.1, high: 0.1, text: '0.10' },
      judged: { low: 0.05, high: 0.2, phrase: 'very unlikely' },
      drivers: [
        { name: 'attack', direction: 'raises', strength: { low: 5, high: 12, text: 'x5..12' } },
        { name: 'democracy_push', direction: 'lowers', strength: { low: 1.25, high: 2, text: 'weakly' } },
      ],
    });
    const crisis = model.variables.get('crisis')!;
    expect(crisis.notes).toEqual(['Election-fraud allegations against the governing coalition.']);
    expect(crisis.sources).toEqual(['op-ed, paragraph 2']);
    if (crisis.kind === 'outcome') throw new Error('crisis is a factor');
    expect(text.slice(crisis.probability!.span.start, crisis.probability!.span.end)).toBe('almost certain');
    expect(model.alternatives[0]!.changes).toMatchObject([
      { kind: 'set-probability', name: 'rapport', probability: { low: 0.85, high: 0.95 } },
      { kind: 'set-probability', name: 'khan_popular', probability: { low: 0.95, high: 0.99, phrase: 'almost certain' } },
    ]);
  });

  it('orders drivers before what they drive, ties in file order', () => {
    const text = 'outcome late { base 50%; mid raises weakly }\nfactor b { probability 50% }\n' +
      'outcome mid { base 50%; a raises weakly; b raises weakly }\nfactor a { probability 50% }\n';
    expect(analyze(text).model.order).toEqual(['b', 'a', 'mid', 'late']);
  });

  it('in the example, puts democracy_push before security_ties', () => {
    const { model } = analyze(LANGUAGE_EXAMPLE);
    expect(model.order).toEqual([
      'crisis', 'khan_popular', 'rapport', 'attack', 'democracy_push', 'trade_up', 'security_ties',
    ]);
  });

  it('leaves invalid values out as null and sets hasErrors', () => {
    const text = 'factor f { probability may }\noutcome o { base 120%; judged 60%..40%; f raises weakly }\n';
    const { model } = analyze(text);
    expect(model.hasErrors).toBe(true);
    expect(model.variables.get('f')).toMatchObject({ probability: null });
    expect(model.variables.get('o')).toMatchObject({ base: null, judged: null });
  });

  it('uses the defaults when the scenario block gives none or an invalid one', () => {
    expect(analyze('scenario "t" { samples 10 }').model.settings).toMatchObject({ samples: 20000, seed: 1, title: 't' });
    expect(analyze('scenario "t" { samples 1000000; seed 0 }').model.settings).toMatchObject({ samples: 1000000, seed: 0 });
    expect(analyze('scenario "t" { samples 1000 }').model.settings.samples).toBe(1000);
    expect(analyze('scenario "t" { horizon 2026-01-01 to 2025-01-01 }').model.settings.horizon).toBeNull();
  });

  it('a syntax error in one declaration leaves the others resolved and checked', () => {
    const text = 'factor a { probability 50% }\nfactor broken { probability }\nfactor c { probability 150% }\n' +
      'outcome o { base 50%; a raises weakly; c raises weakly; broken raises weakly }\n';
    const { model, diagnostics } = analyze(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax', 'probability-bounds']);
    expect(model.inputs.map((v) => v.name)).toEqual(['a', 'c']);
    expect(model.outcomes[0]!.drivers.map((d) => d.name)).toEqual(['a', 'c']);
  });
});

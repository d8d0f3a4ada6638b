// Exact mode against values computed by hand (LANGUAGE.md's semantics), to 1e-9.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import type { Forecast, OutcomeForecast } from '../../common/forecast';
import { buildModel, logit } from './build';

const EPS = 1e-9;
const byName = (f: Forecast, name: string): OutcomeForecast => f.outcomes.find((o) => o.name === name)!;

describe('exact mode, points only', () => {
  it('one driver: P = p·P(O|d) + (1−p)·base', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] } },
    }));
    expect(f.method).toBe('exact');
    // odds 0.25 × 3 = 0.75 → 3/7 when a holds.
    expect(byName(f, 'o').probability).toBeCloseTo(0.3 * (3 / 7) + 0.7 * 0.2, 9);
    expect(Math.abs(byName(f, 'o').probability - (0.9 / 7 + 0.14))).toBeLessThan(EPS);
  });

  it('a lowering driver divides the odds', () => {
    const f = forecast(buildModel({
      factors: { a: 0.6 },
      outcomes: { o: { base: 0.5, drivers: [['a', 'lowers', 4]] } },
    }));
    // odds 1 / 4 → 0.2 when a holds.
    expect(Math.abs(byName(f, 'o').probability - (0.6 * 0.2 + 0.4 * 0.5))).toBeLessThan(EPS);
  });

  it('two drivers multiply the odds', () => {
    const f = forecast(buildModel({
      factors: { a: 0.5, b: 0.4 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 2], ['b', 'lowers', 2]] } },
    }));
    // both: odds 0.25 → 0.2; a only: 0.5 → 1/3; b only: 0.125 → 1/9; neither: 0.2.
    const expected = 0.5 * 0.4 * 0.2 + 0.5 * 0.6 * (1 / 3) + 0.5 * 0.4 * (1 / 9) + 0.5 * 0.6 * 0.2;
    expect(Math.abs(byName(f, 'o').probability - expected)).toBeLessThan(EPS);
  });

  it('a chain of outcomes', () => {
    const f = forecast(buildModel({
      factors: { a: 0.5 },
      outcomes: {
        o1: { base: 0.1, drivers: [['a', 'raises', 9]] },
        o2: { base: 0.25, drivers: [['o1', 'raises', 3]] },
      },
    }));
    // P(o1 | a) = 0.5, P(o2 | o1) = 0.5.
    expect(Math.abs(byName(f, 'o1').probability - 0.3)).toBeLessThan(EPS);
    expect(Math.abs(byName(f, 'o2').probability - (0.3 * 0.5 + 0.7 * 0.25))).toBeLessThan(EPS);
    // Swing of a on o2 through o1: (0.5·0.5 + 0.5·0.25) − (0.1·0.5 + 0.9·0.25) = 0.1.
    const swing = byName(f, 'o2');
    expect(swing.swing.map((s) => s.name)).toEqual(['o1', 'a']);
    expect(Math.abs(swing.swing[0]!.points - 25)).toBeLessThan(1e-7);
    expect(Math.abs(swing.swing[1]!.points - 10)).toBeLessThan(1e-7);
    // Worlds: the joint distribution of o1 and o2.
    const world = (o1: boolean, o2: boolean) =>
      f.worlds.find((w) => w.outcomes.o1 === o1 && w.outcomes.o2 === o2)!.probability;
    expect(Math.abs(world(false, false) - 0.7 * 0.75)).toBeLessThan(EPS);
    expect(Math.abs(world(false, true) - 0.7 * 0.25)).toBeLessThan(EPS);
    expect(Math.abs(world(true, true) - 0.15)).toBeLessThan(EPS);
    expect(Math.abs(world(true, false) - 0.15)).toBeLessThan(EPS);
    expect(f.worlds[0]!.outcomes).toEqual({ o1: false, o2: false });
    expect(f.worlds.reduce((s, w) => s + w.probability, 0)).toBeCloseTo(1, 12);
  });

  it('a diamond: both paths share their cause, so their effects are correlated', () => {
    const f = forecast(buildModel({
      factors: { a: 0.4 },
      outcomes: {
        o1: { base: 0.2, drivers: [['a', 'raises', 4]] },
        o2: { base: 0.5, drivers: [['a', 'lowers', 2]] },
        o3: { base: 0.1, drivers: [['o1', 'raises', 9], ['o2', 'raises', 3]] },
      },
    }));
    // P(o3 | o1, o2): odds 1/9 × 9^[o1] × 3^[o2] → 0.75, 0.5, 0.25, 0.1.
    const o3 = (o1: number, o2: number) => [[0.1, 0.25], [0.5, 0.75]][o1]![o2]!;
    const given = (p1: number, p2: number) =>
      p1 * p2 * o3(1, 1) + p1 * (1 - p2) * o3(1, 0) + (1 - p1) * p2 * o3(0, 1) + (1 - p1) * (1 - p2) * o3(0, 0);
    // a holds: P(o1) = 0.5, P(o2) = 1/3; a does not: 0.2 and 0.5.
    const expected = 0.4 * given(0.5, 1 / 3) + 0.6 * given(0.2, 0.5);
    expect(Math.abs(byName(f, 'o3').probability - expected)).toBeLessThan(EPS);
    // Treating o1 and o2 as independent would give another number: the engine does not.
    const independent = given(byName(f, 'o1').probability, byName(f, 'o2').probability);
    expect(Math.abs(independent - expected)).toBeGreaterThan(1e-3);
  });

  it('base 0% and 100% pin the outcome whatever its drivers do', () => {
    const f = forecast(buildModel({
      factors: { a: 0.7 },
      outcomes: {
        never: { base: 0, drivers: [['a', 'raises', 30]] },
        always: { base: 1, drivers: [['a', 'lowers', 30]] },
        child: { base: 0.5, drivers: [['never', 'raises', 5], ['always', 'lowers', 2]] },
      },
    }));
    expect(byName(f, 'never').probability).toBe(0);
    expect(byName(f, 'always').probability).toBe(1);
    // never is false and always is true: odds 1 / 2 → 1/3.
    expect(Math.abs(byName(f, 'child').probability - 1 / 3)).toBeLessThan(EPS);
    expect(byName(f, 'never').band).toEqual([0, 0]);
  });

  it('given and given not are interventions, with deltas from the baseline', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3 },
      outcomes: {
        o1: { base: 0.2, drivers: [['a', 'raises', 3]] },
        o2: { base: 0.25, drivers: [['o1', 'raises', 3]] },
      },
      alternatives: [
        { title: 'a holds', given: { a: true } },
        { title: 'a does not hold', given: { a: false } },
        { title: 'o1 forced', given: { o1: true } },
        { title: 'o1 ruled out', given: { o1: false } },
      ],
    }));
    const p1 = 0.3 * (3 / 7) + 0.7 * 0.2;
    const alt = (i: number, name: string) => f.alternatives[i]!.outcomes.find((o) => o.name === name)!;
    expect(Math.abs(alt(0, 'o1').probability - 3 / 7)).toBeLessThan(EPS);
    expect(Math.abs(alt(0, 'o1').delta! - 100 * (3 / 7 - p1))).toBeLessThan(1e-7);
    expect(Math.abs(alt(1, 'o1').probability - 0.2)).toBeLessThan(EPS);
    // do(o1): o2 sees o1 true (odds 1/3 × 3 = 1 → 0.5), and o1's own cause no longer matters.
    expect(Math.abs(alt(2, 'o2').probability - 0.5)).toBeLessThan(EPS);
    expect(alt(2, 'o1').probability).toBe(1);
    expect(alt(2, 'o2').swing.map((s) => s.name)).toEqual(['o1']);
    expect(Math.abs(alt(3, 'o2').probability - 0.25)).toBeLessThan(EPS);
    expect(f.alternatives.map((a) => a.name)).toEqual(['a holds', 'a does not hold', 'o1 forced', 'o1 ruled out']);
  });

  it('alternatives replace probabilities and bases', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] } },
      alternatives: [{ title: 'changed', set: { a: 0.9 }, base: { o: 0.5 } }],
    }));
    // base 0.5, K 3: 0.75 when a holds.
    const o = f.alternatives[0]!.outcomes[0]!;
    expect(Math.abs(o.probability - (0.9 * 0.75 + 0.1 * 0.5))).toBeLessThan(EPS);
    expect(f.alternatives[0]!.worlds.length).toBe(2);
  });

  it('the swing of a single driver is P(O | d) − P(O | not d), in points', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3, b: 0.8 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] }, p: { base: 0.5, drivers: [['b', 'lowers', 4]] } },
    }));
    expect(Math.abs(byName(f, 'o').swing[0]!.points - 100 * (3 / 7 - 0.2))).toBeLessThan(1e-7);
    expect(Math.abs(byName(f, 'p').swing[0]!.points - 100 * (0.2 - 0.5))).toBeLessThan(1e-7);
  });

  it('swings are sorted by absolute size and list every upstream variable', () => {
    const f = forecast(buildModel({
      factors: { small: 0.5, big: 0.5, none: 0.5 },
      outcomes: {
        o: { base: 0.5, drivers: [['small', 'raises', 1.5], ['big', 'lowers', 10], ['none', 'raises', 1]] },
      },
    }));
    const swing = byName(f, 'o').swing;
    expect(swing.map((s) => s.name)).toEqual(['big', 'small', 'none']);
    expect(swing[0]!.points).toBeLessThan(0);
    expect(swing[2]!.points).toBe(0);
  });
});

describe('exact mode with uncertain parameters', () => {
  it('a uniform probability counts as its mean; the band follows its spread', () => {
    const f = forecast(buildModel({
      factors: { a: [0.2, 0.6] },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] } },
    }));
    const o = byName(f, 'o');
    expect(Math.abs(o.probability - (0.4 * (3 / 7) + 0.6 * 0.2))).toBeLessThan(EPS);
    // P(O | p) = 0.2 + p·(3/7 − 0.2) with p uniform on [0.2, 0.6]: percentiles at p = 0.22 and 0.58.
    const at = (p: number) => 0.2 + p * (3 / 7 - 0.2);
    expect(Math.abs(o.band[0] - at(0.22))).toBeLessThan(0.005);
    expect(Math.abs(o.band[1] - at(0.58))).toBeLessThan(0.005);
    expect(f.inputs.find((i) => i.name === 'a')!.probability).toBeCloseTo(0.4, 12);
  });

  it('a phrase stands for its range', () => {
    const f = forecast(buildModel({
      factors: { a: 'likely' },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] } },
    }));
    expect(Math.abs(byName(f, 'o').probability - (0.675 * (3 / 7) + 0.325 * 0.2))).toBeLessThan(EPS);
  });

  it('a log-uniform multiplier: E[σ(logit b + t)] over t uniform on [ln 2, ln 8]', () => {
    const f = forecast(buildModel({
      factors: { a: 1 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', [2, 8]]] } },
    }));
    // ∫ σ(l + t) dt = ln(1 + e^(l + t)).
    const l = logit(0.2);
    const expected = (Math.log1p(Math.exp(l + Math.log(8))) - Math.log1p(Math.exp(l + Math.log(2)))) / Math.log(4);
    expect(Math.abs(byName(f, 'o').probability - expected)).toBeLessThan(EPS);
  });

  it('a uniform base: the mean of 3b / (1 + 2b) over b in [0.1, 0.3]', () => {
    const f = forecast(buildModel({
      factors: { a: 1 },
      outcomes: { o: { base: [0.1, 0.3], drivers: [['a', 'raises', 3]] } },
    }));
    // ∫ 3b/(1+2b) db = (3/2)(b − ln(1 + 2b)/2).
    const F = (b: number) => 1.5 * (b - Math.log(1 + 2 * b) / 2);
    expect(Math.abs(byName(f, 'o').probability - (F(0.3) - F(0.1)) / 0.2)).toBeLessThan(EPS);
  });

  it('several uncertain multipliers together (a reference integral by Simpson’s rule)', () => {
    const f = forecast(buildModel({
      factors: { a: 1, b: 1, c: 1 },
      outcomes: {
        two: { base: 0.3, drivers: [['a', 'raises', 'strongly'], ['b', 'lowers', 'moderately']] },
        three: {
          base: 0.3,
          drivers: [['a', 'raises', 'decisively'], ['b', 'lowers', 'strongly'], ['c', 'raises', 'weakly']],
        },
      },
    }));
    const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));
    // Innermost: the mean over t of σ(x + t), t uniform on [lo, hi], in closed form.
    const inner = (x: number, lo: number, hi: number) => (softplus(x + hi) - softplus(x + lo)) / (hi - lo);
    const simpson = (g: (t: number) => number, lo: number, hi: number, n = 400) => {
      const h = (hi - lo) / n;
      let s = g(lo) + g(hi);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * g(lo + i * h);
      return (s * h) / 3 / (hi - lo);
    };
    const l = logit(0.3);
    const two = simpson((t) => inner(l + t, -Math.log(4), -Math.log(2)), Math.log(4), Math.log(10));
    expect(Math.abs(byName(f, 'two').probability - two)).toBeLessThan(EPS);
    const three = simpson((t1) => simpson((t2) => inner(l + t1 - t2, Math.log(1.25), Math.log(2)),
      Math.log(4), Math.log(10), 200), Math.log(10), Math.log(30), 200);
    expect(Math.abs(byName(f, 'three').probability - three)).toBeLessThan(EPS);
  });

  it('five uncertain multipliers at once agree with a 4-D Simpson reference', () => {
    const words = ['decisively', 'strongly', 'moderately', 'weakly'] as const;
    const f = forecast(buildModel({
      factors: { a: 1, b: 1, c: 1, d: 1, e: 1 },
      outcomes: {
        five: {
          base: 0.2,
          drivers: [['a', 'raises', words[0]], ['b', 'lowers', words[1]], ['c', 'raises', words[2]],
            ['d', 'raises', words[3]], ['e', 'lowers', [2, 8]]],
        },
      },
    }));
    const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));
    const n = 40;
    const grid = (lo: number, hi: number) => Array.from({ length: n + 1 }, (_, i) => ({
      t: lo + ((hi - lo) * i) / n, w: (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) / (3 * n),
    }));
    const ln = Math.log;
    const ga = grid(ln(10), ln(30));
    const gb = grid(-ln(10), -ln(4));
    const gc = grid(ln(2), ln(4));
    const gd = grid(ln(1.25), ln(2));
    const [elo, ehi] = [-ln(8), -ln(2)];
    let reference = 0;
    const l = logit(0.2);
    for (const A of ga) for (const B of gb) for (const C of gc) for (const D of gd) {
      const x = l + A.t + B.t + C.t + D.t;
      reference += A.w * B.w * C.w * D.w * (softplus(x + ehi) - softplus(x + elo)) / (ehi - elo);
    }
    expect(Math.abs(byName(f, 'five').probability - reference)).toBeLessThan(1e-8);
  });

  it('nothing uncertain upstream: the band is the probability itself', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3, far: [0.1, 0.9] },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]] }, p: { base: 0.5, drivers: [['far', 'raises', 2]] } },
    }));
    const o = byName(f, 'o');
    expect(o.band).toEqual([o.probability, o.probability]);
    const p = byName(f, 'p');
    expect(p.band[0]).toBeLessThan(p.probability);
    expect(p.band[1]).toBeGreaterThan(p.probability);
  });
});

describe('phrases, judgments and what the forecast lists', () => {
  it('phrase and judged check', () => {
    const f = forecast(buildModel({
      factors: { a: 0.3 },
      outcomes: {
        o: { base: 0.2, drivers: [['a', 'raises', 3]], judged: 'likely' },
        p: { base: 0.3, judged: 0.27 },
        q: { base: 0.3, judged: [0.1, 0.2] },
      },
    }));
    const o = byName(f, 'o');
    expect(o.phrase).toBe('unlikely');
    expect(o.judged).toEqual({ text: 'likely', range: [0.55, 0.8], agrees: false });
    const p = byName(f, 'p');
    expect(p.judged!.range[0]).toBeCloseTo(0.22, 12);
    expect(p.judged!.range[1]).toBeCloseTo(0.32, 12);
    expect(p.judged!.agrees).toBe(true);
    expect(byName(f, 'q').judged!.agrees).toBe(false);
  });

  it('skips variables without a valid probability or base, and the driver lines naming them', () => {
    const model = buildModel({
      factors: { a: 0.3, broken: 0.5 },
      outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3], ['broken', 'raises', 10]] }, gone: { base: 0.5 } },
    });
    (model.variables.get('broken') as { probability: unknown }).probability = null;
    (model.variables.get('gone') as { base: unknown }).base = null;
    const f = forecast(model);
    expect(f.outcomes.map((o) => o.name)).toEqual(['o']);
    expect(Math.abs(f.outcomes[0]!.probability - (0.3 * (3 / 7) + 0.7 * 0.2))).toBeLessThan(EPS);
    expect(f.inputs.map((i) => i.name)).toEqual(['a']);
  });

  it('lists at most maxWorlds worlds, most probable first', () => {
    const f = forecast(buildModel({
      factors: { a: 0.5 },
      outcomes: Object.fromEntries(['p', 'q', 'r', 's'].map((n, i) => [n, { base: 0.1 + 0.2 * i, drivers: [['a', 'raises', 2]] }])),
    }), { maxWorlds: 3 });
    expect(f.worlds.length).toBe(3);
    expect(f.worlds[0]!.probability).toBeGreaterThanOrEqual(f.worlds[1]!.probability);
    expect(f.worlds[1]!.probability).toBeGreaterThanOrEqual(f.worlds[2]!.probability);
  });
});

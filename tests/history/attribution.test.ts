// Shapley attribution of a forecast's change: values checked by hand where two changes interact,
// the points of every outcome adding up to its delta (exact, sampled and Monte Carlo), dummies
// left out, and the sentence that explains a change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { diffVersions, type DiffResult } from '../../server/src/history/attribution';
import { describeChange, explainOutcome } from '../../server/src/history/explain';
import { shapley } from '../../server/src/history/shapley';
import { diffModels } from '../../server/src/history/changes';
import { mixedModel } from '../../server/src/history/mixed';
import { forecast } from '../../server/src/engine/forecast';
import { SAMPLE, smallModel } from './repo';

function diff(before: string, after: string, options = {}): DiffResult {
  const a = analyzeSource({ text: before });
  const b = analyzeSource({ text: after });
  expect(a.model.hasErrors).toBe(false);
  expect(b.model.hasErrors).toBe(false);
  return diffVersions(a, b, options);
}

function expectSumsToDelta(result: DiffResult, tolerance = 1e-9): void {
  for (const o of result.outcomes) {
    if (o.delta === null) continue;
    const sum = o.attribution.reduce((s, a) => s + a.points, 0);
    expect(Math.abs(sum - o.delta), `${o.name}: ${sum} vs ${o.delta}`).toBeLessThan(tolerance);
    expect(Math.abs(o.delta - 100 * (o.after! - o.before!))).toBeLessThan(1e-9);
  }
}

const sigmoidOdds = (odds: number) => odds / (1 + odds);
/** P(O) with one factor F (probability p) raising O's odds by K from base b. */
const oneDriver = (p: number, b: number, k: number) => p * sigmoidOdds((b / (1 - b)) * k) + (1 - p) * b;

describe('Shapley values', () => {
  it('two changes that interact, checked by hand: F 50% → 100% and the base 20% → 50%, F raises x9', () => {
    const model = (p: string, base: string) => `factor f { probability ${p} }\noutcome o { base ${base}\n  f raises x9 }\n`;
    const result = diff(model('50%', '20%'), model('100%', '50%'));
    const v0 = oneDriver(0.5, 0.2, 9);
    const vF = oneDriver(1, 0.2, 9);
    const vB = oneDriver(0.5, 0.5, 9);
    const vAll = oneDriver(1, 0.5, 9);
    // By hand: v0 = 0.44615…, vF = 0.69231…, vB = 0.7, vAll = 0.9.
    expect(vAll).toBeCloseTo(0.9, 12);
    expect(vB).toBeCloseTo(0.7, 12);
    const phiF = ((vF - v0) + (vAll - vB)) / 2; // 0.22308
    const phiB = ((vB - v0) + (vAll - vF)) / 2; // 0.23077
    const o = result.outcomes.find((x) => x.name === 'o')!;
    expect(result.attributionMethod).toBe('exact');
    expect(result.changes.map((c) => c.kind)).toEqual(['probability', 'base']);
    const share = (id: number) => o.attribution.find((a) => a.change === id)!.points;
    expect(share(1)).toBeCloseTo(100 * phiF, 9);
    expect(share(2)).toBeCloseTo(100 * phiB, 9);
    expect(share(1)).toBeCloseTo(22.308, 3);
    expect(share(2)).toBeCloseTo(23.077, 3);
    expect(o.delta).toBeCloseTo(100 * (0.9 - v0), 9);
    expectSumsToDelta(result);
  });

  it('a driver line added together with its factor\'s number: the line carries the whole move when the factor drives nothing else', () => {
    // rapport's probability changes and a new line uses it; before the line, rapport drives nothing.
    const before = 'factor r { probability 50% }\nfactor s { probability 50% }\noutcome o { base 20%\n  s raises x4 }\n';
    const after = 'factor r { probability 100% }\nfactor s { probability 50% }\noutcome o { base 20%\n  s raises x4\n  r raises x4 }\n';
    const result = diff(before, after);
    const o = result.outcomes[0]!;
    // v(∅) = v(prob) = 0.35 (r drives nothing); v(line) = P with r at 50%; v(all) with r at 100%.
    const p = (r: number) => r * (0.5 * sigmoidOdds(0.25 * 16) + 0.5 * sigmoidOdds(1)) + (1 - r) * 0.35;
    const vLine = p(0.5);
    const vAll = p(1);
    const phiProb = ((0 - 0) + (vAll - vLine)) / 2;
    const phiLine = ((vLine - 0.35) + (vAll - 0.35)) / 2;
    expect(o.attribution.find((a) => a.change === 1)!.points).toBeCloseTo(100 * phiProb, 9);
    expect(o.attribution.find((a) => a.change === 2)!.points).toBeCloseTo(100 * phiLine, 9);
    expectSumsToDelta(result);
  });

  it('the generic game: efficiency and symmetry, exact and sampled', () => {
    // v(S) = (Σ S)² over players worth 1..12: symmetric in equal players, interacting.
    const worth = [1, 1, 2, 3, 5, 8, 1, 2, 3, 4, 5, 6];
    const value = (members: number[]) => Float64Array.of(members.reduce((s, i) => s + worth[i]!, 0) ** 2);
    const total = worth.reduce((s, w) => s + w, 0) ** 2;
    for (const n of [4, 12]) {
      const game = shapley(n, value, 7);
      expect(game.method).toBe(n <= 10 ? 'exact' : 'sampled');
      const sum = game.values.reduce((s, v) => s + v[0]!, 0);
      const full = worth.slice(0, n).reduce((s, w) => s + w, 0) ** 2;
      expect(Math.abs(sum - full)).toBeLessThan(1e-9);
      if (n === 12) expect(full).toBe(total);
    }
    // For v = (Σ w)², φ_i = w_i · Σ w exactly (a quadratic game): check the exact method.
    const exact = shapley(4, value, 7);
    const sum4 = 1 + 1 + 2 + 3;
    exact.values.forEach((v, i) => expect(v[0]).toBeCloseTo(worth[i]! * sum4, 12));
  });
});

describe('attribution on real models', () => {
  const variants = [
    ['probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says'],
    ['probability 10%..25%', 'probability 30%'],
    ['base 20%', 'base 35%'],
    ['raises moderately', 'raises strongly'],
    ['lowers weakly', 'lowers moderately'],
    ['probability unlikely', 'probability likely'],
    ['probability very likely', 'probability 70%'],
    ['probability almost certain', 'probability 90%'],
  ] as const;

  it('on the op-ed sample, every outcome\'s points add up to its delta (to 1e-9) for any set of changes', () => {
    const usable = variants.filter(([from]) => SAMPLE.includes(from));
    expect(usable.length).toBeGreaterThanOrEqual(6);
    fc.assert(fc.property(fc.subarray(usable as unknown as [string, string][], { minLength: 1, maxLength: 5 }), (picked) => {
      let after = SAMPLE;
      for (const [from, to] of picked) after = after.replace(from, to);
      const result = diff(SAMPLE, after);
      expect(result.attributionMethod).toBe('exact');
      expectSumsToDelta(result);
    }), { numRuns: 12, seed: 11 });
  });

  it('per-outcome games on cut-down models give the Shapley values of the whole game on whole mixed models', () => {
    const after = SAMPLE.replace('probability 10%..25%', 'probability 30%').replace('probability unlikely', 'probability 40%')
      .replace('base 50%', 'base 40%').replace('trigger raises decisively', 'trigger raises strongly');
    const a = analyzeSource({ text: SAMPLE });
    const b = analyzeSource({ text: after });
    const result = diffVersions(a, b);
    const d = diffModels(a, b);
    const players = d.changes.filter((c) => d.edits.has(c.id));
    expect(players).toHaveLength(4);
    const names = b.model.outcomes.map((o) => o.name);
    const whole = shapley(players.length, (members) => {
      const f = forecast(mixedModel(d, members.map((i) => d.edits.get(players[i]!.id)!)), { bandMethod: 'none', maxWorlds: 0 });
      return Float64Array.from(names, (n) => f.outcomes.find((o) => o.name === n)!.probability);
    }, 1);
    names.forEach((name, k) => {
      const o = result.outcomes.find((x) => x.name === name)!;
      players.forEach((c, i) => {
        const points = o.attribution.find((x) => x.change === c.id)?.points ?? 0;
        expect(Math.abs(points - 100 * whole.values[i]![k]!), `${name} #${c.id}`).toBeLessThan(1e-9);
      });
    });
    expect(result.forecasts).toBeLessThan(16);
  });

  it('above ten changes the orders are sampled, and the points still add up to the delta', () => {
    const before = Array.from({ length: 12 }, (_, i) => `factor f${i} { probability ${10 + i}% }`).join('\n')
      + `\noutcome o { base 30%\n${Array.from({ length: 12 }, (_, i) => `  f${i} ${i % 2 ? 'lowers' : 'raises'} x${2 + (i % 3)}`).join('\n')} }\n`;
    const after = before.replace(/probability (\d+)%/g, (_, n: string) => `probability ${Number(n) + 30}%`);
    const result = diff(before, after, { sampledForecasts: 120 });
    expect(result.changes.filter((c) => c.attributed)).toHaveLength(12);
    expect(result.attributionMethod).toBe('sampled');
    expectSumsToDelta(result);
    const again = diff(before, after, { sampledForecasts: 120 });
    expect(again.outcomes).toEqual(result.outcomes); // seeded: the same orders every run
  });

  it('a Monte Carlo model replays the same streams: the points add up to the delta', () => {
    const dense = (p: string) => [
      'scenario "Dense" { samples 2000\n seed 5 }',
      ...Array.from({ length: 30 }, (_, i) => `factor f${i} { probability ${i === 0 ? p : `${20 + i}%`} }`),
      `outcome a { base 30%\n${Array.from({ length: 30 }, (_, i) => `  f${i} raises x1.5`).join('\n')} }`,
      `outcome b { base 40%\n${Array.from({ length: 30 }, (_, i) => `  f${i} lowers x1.3`).join('\n')}\n  a raises x2 }`,
    ].join('\n');
    const result = diff(dense('20%'), dense('60%').replace('outcome b { base 40%', 'outcome b { base 45%'));
    expect(result.method.after).toBe('monte-carlo');
    expectSumsToDelta(result);
  });

  it('a change that reaches no compared outcome gets no share and does not count as a player', () => {
    const before = `${smallModel()}factor idle { probability 30% }\n`;
    const after = `${smallModel({ rapport: '70%' })}factor idle { probability 60% }\n`;
    const result = diff(before, after);
    expect(result.changes.map((c) => [c.kind, c.name])).toEqual([['probability', 'rapport'], ['probability', 'idle']]);
    expect(result.forecasts).toBe(2); // only rapport plays: v(∅) and v(all)
    expect(result.outcomes[0]!.attribution.map((a) => a.change)).toEqual([1]);
  });

  it('reformatting and renaming move nothing: no delta, no shares', () => {
    const after = SAMPLE.replace(/^(factor |\s+)rapport\b/gm, '$1leader_rapport').split('\n').map((l) => l.trimStart()).join('\n');
    const result = diff(SAMPLE, after);
    expect(result.changes.map((c) => c.kind)).toEqual(['rename']);
    expect(result.outcomes.every((o) => o.delta === 0 && o.attribution.length === 0)).toBe(true);
  });
});

describe('the change in words', () => {
  it('says where the outcome went, its phrase, and the change that moved it most with its points', () => {
    const before = smallModel({ rapport: 'likely' });
    const after = smallModel({ rapport: '40%', attack: '9%' });
    const result = diff(before, after);
    const ties = result.outcomes[0]!;
    const sentence = explainOutcome(ties, result.changes)!;
    expect(sentence).toMatch(/^Security re-engagement fell from \d+% to \d+% \((very unlikely|unlikely)[^)]*\), mainly because `rapport` was lowered from likely to 40% \(−\d\.\d points\)\.$/);
    expect(describeChange(result.changes[1]!)).toBe('`attack` was lowered from 10% to 9%');
  });

  it('the example of the issue, built by hand', () => {
    const sentence = explainOutcome(
      { name: 'security_ties', label: 'Security re-engagement', before: 0.17, after: 0.12, delta: -5, attribution: [{ change: 1, points: -3.1 }, { change: 2, points: -1.9 }] },
      [
        { id: 1, kind: 'probability', name: 'rapport', before: 'likely', after: '40%', line: 45, side: 'after', attributed: true },
        { id: 2, kind: 'driver-added', name: 'attack', outcome: 'security_ties', before: null, after: 'raises weakly', line: 80, side: 'after', attributed: true },
      ],
    );
    expect(sentence).toBe('Security re-engagement fell from 17% to 12% (very unlikely), mainly because `rapport` was lowered from likely to 40% (−3.1 points).');
  });

  it('names several reasons when none dominates, and what worked against the move', () => {
    const changes = [1, 2, 3].map((id) => ({ id, kind: 'probability' as const, name: `f${id}`, before: '20%', after: id === 3 ? '10%' : '30%', line: id, side: 'after' as const, attributed: true }));
    const sentence = explainOutcome(
      { name: 'o', label: 'O <b>', before: 0.3, after: 0.4, delta: 10, attribution: [{ change: 1, points: 6 }, { change: 2, points: 5 }, { change: 3, points: -1 }] },
      changes, { markdown: true },
    );
    expect(sentence).toBe('O \\<b> rose from 30% to 40% (unlikely), because `f1` was raised from 20% to 30% (+6.0 points) and `f2` was raised from 20% to 30% (+5.0 points), partly offset by `f3` was lowered from 20% to 10% (−1.0 points).');
  });
});

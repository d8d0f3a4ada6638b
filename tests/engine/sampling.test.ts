// The Monte Carlo loop's special paths: outcomes with more drivers than an averaged table is kept
// for (their θ is drawn per sample), tables of 5–12 drivers (the general loop), worlds of more
// than 30 outcomes (hashed), and the block generator of uniforms.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { MAX_TABLE_DRIVERS } from '../../server/src/engine/tables';
import { seededStream, UniformBlocks } from '../../server/src/engine/random';
import { buildModel, type ModelSpec, type OutcomeSpec } from './build';

describe('Monte Carlo paths against exact', () => {
  it('an outcome with more drivers than a table is kept for, and one with six', () => {
    const factors: ModelSpec['factors'] = {};
    const wideDrivers: NonNullable<OutcomeSpec['drivers']> = [];
    const strengths = ['moderately', 2, [1.5, 3], 'weakly'] as const;
    for (let i = 0; i <= MAX_TABLE_DRIVERS; i++) {
      factors[`f${i}`] = i % 3 === 0 ? 'unlikely' : 0.2 + 0.05 * i;
      wideDrivers.push([`f${i}`, i % 4 === 3 ? 'lowers' : 'raises', strengths[i % 4]! as never]);
    }
    const spec: ModelSpec = {
      factors,
      outcomes: {
        wide: { base: [0.02, 0.1], drivers: wideDrivers },
        six: {
          base: 0.3,
          drivers: [['wide', 'raises', 'strongly'], ['f0', 'lowers', 'moderately'], ['f1', 'raises', 3],
            ['f2', 'raises', [2, 4]], ['f3', 'lowers', 'weakly'], ['f4', 'raises', 'decisively']],
        },
      },
      alternatives: [{ title: 'f1 holds', given: { f1: true } }, { title: 'wide base', base: { wide: [0.2, 0.3] } }],
    };
    const model = buildModel(spec);
    const exact = forecast(model);
    expect(exact.method).toBe('exact');
    for (const swingMethod of ['auto', 'sampled'] as const) {
      const mc = forecast(model, { exactLimit: 0, swingMethod });
      expect(mc.method).toBe('monte-carlo');
      const pairs = [[exact.outcomes, mc.outcomes], ...exact.alternatives.map((a, i) => [a.outcomes, mc.alternatives[i]!.outcomes])];
      for (const [e, m] of pairs) {
        e!.forEach((o, i) => {
          expect(Math.abs(m![i]!.probability - o.probability), `${o.name} P`).toBeLessThan(0.01);
          for (const s of o.swing) {
            const t = m![i]!.swing.find((x) => x.name === s.name)!;
            expect(Math.abs(t.points - s.points), `${o.name} swing ${s.name}`).toBeLessThan(2);
          }
        });
      }
      // The wide outcome's alternative base moves it, and only what it drives.
      expect(mc.alternatives[1]!.outcomes.find((o) => o.name === 'wide')!.delta).toBeGreaterThan(5);
    }
  });

  it('worlds of more than 30 outcomes are counted by their pattern', () => {
    const outcomes: Record<string, OutcomeSpec> = {};
    for (let i = 0; i < 32; i++) outcomes[`o${i}`] = { base: 0.97 };
    const f = forecast(buildModel({ outcomes }), { exactLimit: 0, maxWorlds: 5 });
    expect(f.method).toBe('monte-carlo');
    expect(f.worlds).toHaveLength(5);
    const [top, ...rest] = f.worlds;
    expect(Object.values(top!.outcomes).every((v) => v)).toBe(true);
    expect(Math.abs(top!.probability - 0.97 ** 32)).toBeLessThan(0.01);
    for (const w of rest) {
      expect(Object.values(w.outcomes).filter((v) => !v)).toHaveLength(1);
      expect(Math.abs(w.probability - 0.03 * 0.97 ** 31)).toBeLessThan(0.004);
    }
  });
});

describe('UniformBlocks', () => {
  it('continues the generator’s own sequence, block after block', () => {
    const reference = seededStream(42, 0);
    const blocks = new UniformBlocks(seededStream(42, 0));
    const out = new Float64Array(7);
    for (let block = 0; block < 3; block++) {
      blocks.fill(out, block + 5);
      for (let i = 0; i < block + 5; i++) expect(out[i]).toBe((reference.next() >>> 0) * 2 ** -32);
    }
  });
});

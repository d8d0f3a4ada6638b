// Monte Carlo worlds sampled by frontier.wat (worldKernel.ts, what monteCarlo runs when it wants no
// swings) give, to the last bit, what the JavaScript loop gives sample by sample: drawPadded from
// the same stream, the same sums and squares, the same worlds counted; an early stop (`enough`)
// stops at the same sample. Models with 16 outcomes or fewer (dense counting), up to 30 (keys)
// and beyond (hashed), sample counts that are not whole blocks.
import { describe, expect, it } from 'vitest';
import { compileModel, type CompiledModel } from '../../server/src/engine/compile';
import { monteCarlo } from '../../server/src/engine/montecarlo';
import { seededStream, UniformBlocks } from '../../server/src/engine/random';
import { drawPadded, SampleTables } from '../../server/src/engine/worldDraw';
import { WorldCounter } from '../../server/src/engine/worlds';
import { buildModel, type ModelSpec, randomModel } from './build';

/** The samples as montecarlo.ts drew them one at a time in JavaScript. */
function reference(c: CompiledModel, samples: number, seed: number, maxWorlds: number, enough: ((s: number, largest: number) => boolean) | null) {
  const tables = new SampleTables(c);
  const uniforms = new UniformBlocks(seededStream(seed, 0));
  const n = c.n;
  const x = new Uint8Array(n + 1);
  const u = new Float64Array(n);
  const conditional = new Float64Array(n);
  const sum = new Float64Array(n);
  const squares = new Float64Array(c.outcomes.length);
  const worlds = new WorldCounter(c);
  let s = 0;
  for (; s < samples; s++) {
    if (s > 0 && s % 512 === 0 && enough?.(s, worlds.largest)) break;
    uniforms.fill(u, n);
    drawPadded(n, tables.width, tables.table, tables.tableStart, tables.padded!, u, conditional, sum, x);
    worlds.add(x, s);
    c.outcomes.forEach((v, i) => (squares[i]! += conditional[v]! * conditional[v]!));
  }
  const probability = Array.from(c.outcomes, (v) => sum[v]! / s);
  const standardError = probability.map((mean, i) =>
    Math.sqrt(Math.max(0, (squares[i]! - s * mean * mean) / Math.max(1, s - 1)) / s));
  return { probability, standardError, worlds: worlds.top(maxWorlds, s) };
}

function expectSame(spec: ModelSpec, samples: number, seed: number, enough: ((s: number, largest: number) => boolean) | null = null): void {
  const c = compileModel(buildModel(spec));
  expect(new SampleTables(c).padded).not.toBeNull();
  const expected = reference(c, samples, seed, 40, enough);
  const got = monteCarlo(c, c, samples, 0, 0, seededStream(seed, 0), seededStream(seed, 3), 40, () => {}, new Map(), enough);
  expect(Array.from(got.probability)).toEqual(expected.probability);
  expect(Array.from(got.standardError)).toEqual(expected.standardError);
  expect(got.worlds.map((w) => [Array.from(w.values), w.probability])).toEqual(expected.worlds.map((w) => [Array.from(w.values), w.probability]));
}

/** A chain of `outcomes` outcomes over three factors, each driven by the one before. */
function chain(outcomes: number): ModelSpec {
  const spec: ModelSpec = { factors: { a: 0.4, b: [0.2, 0.6], c: 'likely' }, outcomes: {} };
  for (let i = 0; i < outcomes; i++) {
    spec.outcomes![`o${i}`] = {
      base: [0.1, 0.5],
      drivers: [[i === 0 ? 'a' : `o${i - 1}`, 'raises', 'strongly'], [i % 2 ? 'b' : 'c', 'lowers', [2, 4]]],
    };
  }
  return spec;
}

describe('Monte Carlo worlds in WebAssembly', () => {
  it('equal the JavaScript samples bit for bit: sums, standard errors and worlds, on random models', () => {
    for (let seed = 1; seed <= 8; seed++) expectSame(randomModel(seed, 4 + (seed % 3), 5 + seed), 1_000 + 37 * seed, seed);
  });

  it('count worlds of many outcomes the same way (keys up to 30 outcomes, hashes beyond)', () => {
    expectSame(chain(24), 2_500, 3);
    expectSame(chain(40), 1_800, 4);
  });

  it('stop early at the same sample when told enough', () => {
    let asked = 0;
    const enough = (s: number) => {
      asked++;
      return s >= 1_536;
    };
    expectSame(chain(12), 5_000, 6, enough);
    expect(asked).toBeGreaterThan(0);
  });
});

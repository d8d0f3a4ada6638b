// A batch of band draws run by frontier.wat (bandKernel.ts) gives, to the last bit, what the
// JavaScript pieces give draw by draw: Latin hypercubes (tables.ts), θ and its tables (theta.ts,
// DrawnTables), a pass (runPlan). Models with ranged inputs, bases and strengths, alternatives
// whose ranges the baseline lacks (the extra stream), narrower passes (a subset of the tables),
// pinned and extreme parameters (tables by logits), and batches longer than one chunk.
import { describe, expect, it } from 'vitest';
import { BandBatch } from '../../server/src/engine/bandKernel';
import { BAND_END_HALF_WIDTH, BAND_HIGH, BAND_LOW, quantileOf, select } from '../../server/src/engine/bands';
import { compileModel, type CompiledModel } from '../../server/src/engine/compile';
import { buildPlan, frontierBuffer, neededBy, type Plan, runPlan } from '../../server/src/engine/frontier';
import { seededStream, UniformBlocks } from '../../server/src/engine/random';
import { DrawnTables, LatinHypercube, type TableDraws } from '../../server/src/engine/tables';
import { buildModel, type ModelSpec, randomModel } from './build';

/** The draws as bands made them before the kernel: one JavaScript draw and pass at a time. */
function reference(c: CompiledModel, plan: Plan, tables: DrawnTables, draws: TableDraws, outcomes: number[], batch: number,
  main: UniformBlocks, extra: UniformBlocks): Float64Array[] {
  const hypercube = new LatinHypercube(main, batch, draws.mainDimensions);
  const extraHypercube = new LatinHypercube(extra, batch, draws.extraDimensions);
  const mainRow = new Float64Array(draws.mainDimensions);
  const extraRow = new Float64Array(draws.extraDimensions);
  const marginals = new Float64Array(c.n);
  const buffer = frontierBuffer(plan);
  const out = outcomes.map(() => new Float64Array(batch));
  for (let d = 0; d < batch; d++) {
    draws.draw(hypercube.row(d, mainRow), extraHypercube.row(d, extraRow));
    runPlan(plan, tables.tables, marginals, buffer);
    outcomes.forEach((v, i) => (out[i]![d] = marginals[v]!));
  }
  return out;
}

/** Both ways on the same streams, twice in a row (the second batch continues the streams). */
function expectSame(c: CompiledModel, baseline: CompiledModel, narrow: boolean, batch: number, seed: number): number {
  const whole = buildPlan(c, false)!;
  const outcomes = Array.from(c.outcomes).filter((v) => c.uncertain[v] === 1);
  if (outcomes.length === 0) return 0;
  const some = narrow ? outcomes.filter((_, i) => i % 2 === 0) : outcomes;
  const needed = neededBy(c, some.map((v) => c.outcomes.indexOf(v)));
  const plan = narrow ? buildPlan(c, false, whole.maxWidth, needed.map((x, v) => x & c.isOutcome[v]!))! : whole;
  const streams = () => [new UniformBlocks(seededStream(seed, 1)), new UniformBlocks(seededStream(seed, 4))] as const;
  const [jsMain, jsExtra] = streams();
  const [wasmMain, wasmExtra] = streams();
  const jsTables = new DrawnTables(c, baseline);
  const wasmTables = new DrawnTables(c, baseline);
  const jsDraws = narrow ? jsTables.subset(needed) : jsTables;
  const wasmDraws = narrow ? wasmTables.subset(needed) : wasmTables;
  let compared = 0;
  for (let round = 0; round < 2; round++) {
    const expected = reference(c, plan, jsTables, jsDraws, some, batch, jsMain, jsExtra);
    const got = some.map(() => new Float64Array(batch + 3));
    new BandBatch(c, plan, wasmTables, wasmDraws, some, batch).run(wasmMain, wasmExtra, got, 3, () => {});
    some.forEach((_, i) => {
      for (let d = 0; d < batch; d++) expect(Object.is(got[i]![3 + d], expected[i]![d])).toBe(true);
    });
    compared += some.length * batch;
  }
  return compared;
}

describe('band draws in WebAssembly', () => {
  it('equal the JavaScript draws and passes bit for bit, on random models, whole and narrower passes', () => {
    let compared = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const spec = randomModel(seed, 4 + (seed % 4), 6 + (seed % 9));
      // Ranges on strengths and bases too, so every kind of uniform is drawn.
      for (const [name, o] of Object.entries(spec.outcomes!)) {
        if (Number(name.slice(1)) % 3 === 0) o.base = [0.1, 0.4];
        for (const d of o.drivers ?? []) if (typeof d[2] === 'number') d[2] = [d[2], d[2] + 2];
      }
      const model = buildModel(spec);
      const c = compileModel(model);
      compared += expectSame(c, c, seed % 2 === 0, 70 + seed * 9, seed);
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('draw an alternative\'s own ranges from the extra stream, as the JavaScript draws do', () => {
    const spec: ModelSpec = {
      factors: { a: [0.2, 0.5], b: 0.4, c: 'likely' },
      outcomes: {
        x: { base: 0.2, drivers: [['a', 'raises', [2, 4]], ['b', 'lowers', 3]] },
        y: { base: [0.1, 0.3], drivers: [['x', 'raises', 'strongly'], ['c', 'raises', 2]] },
      },
      alternatives: [{ title: 'wider', set: { b: [0.1, 0.9] }, base: { x: [0.05, 0.6] } }],
    };
    const model = buildModel(spec);
    const baseline = compileModel(model);
    const alternative = compileModel(model, model.alternatives[0]);
    expect(new DrawnTables(alternative, baseline).extraDimensions).toBeGreaterThan(0);
    expect(expectSame(alternative, baseline, false, 130, 5)).toBe(2 * 2 * 130);
  });

  it('fill tables by logits where odds would leave a double\'s range, and keep pinned bases', () => {
    const spec: ModelSpec = {
      factors: { a: [0.1, 0.9], b: 0.5 },
      outcomes: {
        x: { base: [0.3, 0.6], drivers: [['a', 'raises', [1e200, 1e250]], ['b', 'lowers', [2, 3]]] },
        y: { base: 1, drivers: [['a', 'lowers', [2, 9]]] },
        z: { base: [0.001, 0.999], drivers: [['x', 'raises', [1e100, 1e120]], ['y', 'raises', [1.5, 2]]] },
      },
    };
    const c = compileModel(buildModel(spec));
    expect(expectSame(c, c, false, 65, 9)).toBeGreaterThan(0);
  });

  it('take the band ends as quickselect does: the same quantiles and the same verdict on settled ends', () => {
    // The definition the kernel follows: both ends' order statistics around them, within the half-width.
    const settled = (draws: Float64Array) => {
      const copy = Float64Array.from(draws);
      const n = copy.length;
      for (const q of [BAND_LOW, BAND_HIGH]) {
        const center = (n - 1) * q;
        const spread = 1.96 * Math.sqrt(n * q * (1 - q));
        const low = select(copy, Math.max(0, Math.floor(center - spread)));
        const high = select(copy, Math.min(n - 1, Math.ceil(center + spread)));
        if ((high - low) / 2 > BAND_END_HALF_WIDTH) return false;
      }
      return true;
    };
    const c = compileModel(buildModel(randomModel(3, 5, 8)));
    const plan = buildPlan(c, false)!;
    const tables = new DrawnTables(c);
    const outcome = c.outcomes[0]!;
    const kernel = new BandBatch(c, plan, tables, tables, [outcome], 2, 3_000);
    let state = 5;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const verdicts = new Set<boolean>();
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(next() * 2_999);
      const spread = trial % 3 === 0 ? 0.01 : trial % 3 === 1 ? 0.2 : 0.6;
      // Ties too: some draws repeat (rounded), some are constant.
      const values = Float64Array.from({ length: n }, () => (trial % 7 === 0 ? 0.3 : Math.round((0.4 + spread * (next() - 0.5)) * 500) / 500));
      const expected = settled(values);
      verdicts.add(expected);
      expect(kernel.endsSettled(values, BAND_LOW, BAND_HIGH, BAND_END_HALF_WIDTH)).toBe(expected);
      const copy = Float64Array.from(values);
      const ends = [quantileOf(copy, BAND_LOW), quantileOf(copy, BAND_HIGH)];
      const got = kernel.quantiles(values, BAND_LOW, BAND_HIGH);
      expect(Object.is(got[0], ends[0]) && Object.is(got[1], ends[1])).toBe(true);
    }
    expect(verdicts).toEqual(new Set([true, false]));
  });
});

// Models for the forecast target, written as .scenario text (so they go through parse, checks and
// the forecast as a user's file does): factors and events with points, ranges, phrases and the
// extremes (0%, 100%, 0.0001%), outcomes over an acyclic driver graph with words, multipliers and
// ranges of them (up to ×1,000,000), pinned bases, judged calls, and alternatives that set, fix
// and observe (evidence that may be impossible). A dense shape (one outcome with up to 24 drivers)
// reaches the wide tables and Monte Carlo. tests/engine/build.ts's randomModel is the other shape.
import fc from 'fast-check';
import { PHRASES, STRENGTHS } from '../../server/src/syntax/vocabulary';

const percent = (p: number): string => `${Number((p * 100).toPrecision(6))}%`;

/** A probability as written: a point, a range, a phrase, or an extreme. */
export const probabilityText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((p) => Number(p.toFixed(4)).toString()) },
  { weight: 3, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b]) => `${percent(Math.min(a, b))}..${percent(Math.max(a, b))}`) },
  { weight: 4, arbitrary: fc.constantFrom(...PHRASES.flatMap((p) => p.forms)) },
  { weight: 1, arbitrary: fc.constantFrom('0%', '100%', '0.0001%', '99.9999%', '0%..100%', '100%..100%', '0.5..0.5') },
);

/** A strength: a word, a multiplier, or a range of multipliers (log-uniform). */
export const strengthText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STRENGTHS.map((s) => s.word)) },
  { weight: 2, arbitrary: fc.double({ min: 1, max: 50, noNaN: true }).map((k) => `x${Number(k.toFixed(3))}`) },
  { weight: 2, arbitrary: fc.tuple(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }))
    .map(([a, b]) => `x${Number(Math.min(a, b).toFixed(2))}..${Number(Math.max(a, b).toFixed(2))}`) },
  { weight: 1, arbitrary: fc.constantFrom('x1', 'x1..1', 'x1000000', 'x1..1000000', 'x999999.999') },
);

export interface ModelShape {
  inputs: { event: boolean; probability: string }[];
  outcomes: { base: string; drivers: { from: number; lowers: boolean; strength: string }[]; judged: string | null }[];
  alternatives: { changes: { kind: 'set' | 'base' | 'given' | 'given not' | 'observe' | 'observe not'; target: number; probability: string }[] }[];
  samples: number;
  seed: number;
}

const driver = fc.record({ from: fc.nat(), lowers: fc.boolean(), strength: strengthText });
const change = fc.record({
  kind: fc.constantFrom('set', 'base', 'given', 'given not', 'observe', 'observe not') as fc.Arbitrary<ModelShape['alternatives'][number]['changes'][number]['kind']>,
  target: fc.nat(),
  probability: probabilityText,
});

function shape(maxInputs: number, maxOutcomes: number, maxDrivers: number): fc.Arbitrary<ModelShape> {
  return fc.record({
    inputs: fc.array(fc.record({ event: fc.boolean(), probability: probabilityText }), { maxLength: maxInputs }),
    outcomes: fc.array(fc.record({
      base: probabilityText,
      drivers: fc.array(driver, { maxLength: maxDrivers }),
      judged: fc.option(probabilityText, { freq: 3 }),
    }), { minLength: 1, maxLength: maxOutcomes }),
    alternatives: fc.array(fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 4 }) }), { maxLength: 3 }),
    samples: fc.constantFrom(1_000, 2_000, 5_000),
    seed: fc.nat(),
  });
}

/** Most models are small (exact); some are dense (one outcome with many drivers). */
export const modelShape: fc.Arbitrary<ModelShape> = fc.oneof(
  { weight: 8, arbitrary: shape(10, 6, 4) },
  { weight: 2, arbitrary: shape(24, 12, 6) },
  { weight: 1, arbitrary: shape(24, 2, 24) },
);

/** The shape written as a .scenario file. Drivers of outcome i are inputs or outcomes before it. */
export function modelText(model: ModelShape): string {
  const names = model.inputs.map((input, i) => `${input.event ? 'e' : 'f'}${i}`);
  const out = ['scenario "Fuzzed model" {', `  samples ${model.samples}`, `  seed ${model.seed}`, '}'];
  model.inputs.forEach((input, i) => out.push(`${input.event ? 'event' : 'factor'} ${names[i]} { probability ${input.probability} }`));
  model.outcomes.forEach((outcome, i) => {
    const pool = [...names, ...model.outcomes.slice(0, i).map((_, j) => `o${j}`)];
    out.push(`outcome o${i} {`, `  base ${outcome.base}`);
    const seen = new Set<string>();
    for (const d of outcome.drivers) {
      if (pool.length === 0) break;
      const name = pool[d.from % pool.length]!;
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(`  ${name} ${d.lowers ? 'lowers' : 'raises'} ${d.strength}`);
    }
    if (outcome.judged !== null) out.push(`  judged ${outcome.judged}`);
    out.push('}');
  });
  const all = [...names, ...model.outcomes.map((_, i) => `o${i}`)];
  model.alternatives.forEach((alternative, a) => {
    out.push(`alternative "alternative ${a}" {`);
    const used = new Set<string>();
    for (const c of alternative.changes) {
      const name = all[c.target % all.length]!;
      // One change per name: an alternative that names one twice is an error, not a forecast.
      if (used.has(name)) continue;
      used.add(name);
      const isOutcome = name.startsWith('o');
      if (c.kind === 'set') out.push(isOutcome ? `  ${name} base ${c.probability}` : `  ${name} ${c.probability}`);
      else if (c.kind === 'base') out.push(isOutcome ? `  ${name} base ${c.probability}` : `  given ${name}`);
      else out.push(`  ${c.kind} ${name}`);
    }
    out.push('}');
  });
  return `${out.join('\n')}\n`;
}

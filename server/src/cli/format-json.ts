// The machine contract of `scenario forecast --format json` (LANGUAGE.md): fields in the order the
// contract lists them, probabilities as fractions rounded to 6 decimals and points to 4 (the
// engine's full precision is noise beyond that, and rounding keeps the output stable), one
// trailing newline. `timing: false` leaves out elapsedMs so that two runs are byte-identical.
import type { AlternativeForecast, Forecast, OutcomeForecast, World } from '../../../common/forecast';

export interface JsonOptions {
  timing: boolean;
}

export function round(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const r = Math.round(x * factor) / factor;
  return r === 0 ? 0 : r; // no "-0"
}

const p6 = (p: number) => round(p, 6);
const pts = (x: number) => round(x, 4);

function outcome(o: OutcomeForecast): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: o.name,
    label: o.label,
    probability: p6(o.probability),
    band: [p6(o.band[0]), p6(o.band[1])],
    phrase: o.phrase,
    judged: o.judged
      ? { text: o.judged.text, range: [p6(o.judged.range[0]), p6(o.judged.range[1])], agrees: o.judged.agrees }
      : null,
    swing: o.swing.map((s) => ({ name: s.name, points: pts(s.points) })),
  };
  if (o.delta !== undefined) out.delta = pts(o.delta);
  return out;
}

function world(w: World): Record<string, unknown> {
  return { outcomes: { ...w.outcomes }, probability: p6(w.probability) };
}

function alternative(a: AlternativeForecast): Record<string, unknown> {
  return { name: a.name, outcomes: a.outcomes.map(outcome), worlds: a.worlds.map(world) };
}

export function forecastJson(f: Forecast, options: JsonOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: f.file ?? null,
    title: f.title,
    question: f.question,
    horizon: f.horizon,
    samples: f.samples,
    seed: f.seed,
    method: f.method,
    outcomes: f.outcomes.map(outcome),
    inputs: f.inputs.map((i) => ({
      name: i.name, kind: i.kind, label: i.label, probability: p6(i.probability),
      range: [p6(i.range[0]), p6(i.range[1])], text: i.text, notes: i.notes, sources: i.sources,
    })),
    worlds: f.worlds.map(world),
    alternatives: f.alternatives.map(alternative),
  };
  if (options.timing) out.elapsedMs = f.elapsedMs;
  return out;
}

export function formatJson(f: Forecast, options: JsonOptions): string {
  return `${JSON.stringify(forecastJson(f, options), null, 2)}\n`;
}

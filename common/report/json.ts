// The machine contract of `scenario forecast --format json` (LANGUAGE.md), from the report's raw
// numbers: fields in the order the contract lists them, probabilities as fractions rounded to 6
// decimals and points to 4 (the engine's full precision is noise beyond that, and rounding keeps
// the output stable; P(E) keeps 6 significant digits instead, so that rare evidence never reads
// as impossible), one trailing newline. `timing: false` leaves out elapsedMs so that two runs
// are byte-identical. An outcome an alternative observes also has `"observed": true | false` (the
// contract lists its fields "at least"; the alternative's `observed` array says the same).
import { round } from '../text/numbers';
import type { Report, ReportAlternative, ReportOutcome, ReportWorld } from './report';

export interface JsonOptions {
  timing: boolean;
}

const p6 = (p: number) => round(p, 6);
/**
 * P(E) to 6 significant digits: rare evidence (hundreds of improbable observations, down to the
 * smallest double) is still possible, and 0 is kept for evidence the model rules out.
 */
const evidence6 = (p: number) => (p > 0 && Number.isFinite(p) ? Number(p.toPrecision(6)) : p6(p));
const pts = (x: number) => round(x, 4);

function outcome(o: ReportOutcome): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: o.name,
    label: o.label,
    probability: p6(o.probability.value),
    standardError: o.standardError ? p6(o.standardError.value) : null,
    band: [p6(o.band.low), p6(o.band.high)],
    phrase: o.phrase,
    judged: o.judged
      ? { text: o.judged.text, range: [p6(o.judged.range[0]), p6(o.judged.range[1])], agrees: o.judged.agrees }
      : null,
    swing: o.drivers.map((d) => ({
      name: d.name, points: pts(d.points.value), ifTrue: p6(d.ifTrue.value), ifFalse: p6(d.ifFalse.value),
    })),
    signposts: o.signposts.map((s) => ({
      name: s.name, probability: p6(s.probability.value), ifTrue: p6(s.ifTrue.value), ifFalse: p6(s.ifFalse.value),
      expectedShift: pts(s.expectedShift.value),
    })),
    linchpins: o.linchpins.map((l) => ({
      name: l.name, current: p6(l.current.value), holdsFrom: p6(l.holdsFrom.value), holdsTo: p6(l.holdsTo.value), phrase: l.phrase,
    })),
  };
  if (o.delta !== null) out.delta = pts(o.delta.value);
  // An outcome the alternative observes: what was seen (the contract's fields keep the engine's numbers).
  if (o.observed) out.observed = o.observed.value;
  if (o.resolution) out.resolved = { value: o.resolution.value, date: o.resolution.date, brier: p6(o.resolution.brier) };
  // Only for imported declarations (LANGUAGE.md, Forecast JSON).
  if (o.origin !== null) out.origin = o.origin;
  return out;
}

function world(w: ReportWorld): Record<string, unknown> {
  return { outcomes: { ...w.outcomes }, probability: p6(w.probability.value) };
}

function alternative(a: ReportAlternative): Record<string, unknown> {
  return {
    name: a.name,
    observed: a.evidence ? a.evidence.observed.map((o) => ({ name: o.name, value: o.value })) : [],
    evidenceProbability: a.evidence ? evidence6(a.evidence.probability.value) : 1,
    inputs: a.inputs.map((i) => ({ name: i.name, probability: p6(i.probability.value), delta: pts(i.delta.value) })),
    outcomes: a.outcomes.map(outcome),
    worlds: a.worlds.list.map(world),
  };
}

function reportJson(report: Report, options: JsonOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: report.file,
    title: report.title,
    question: report.question,
    horizon: report.horizon ? { from: report.horizon.from, to: report.horizon.to } : null,
    samples: report.settings.samples,
    seed: report.settings.seed,
    method: report.method.kind,
    worldsMethod: report.method.worlds,
    outcomes: report.outcomes.map(outcome),
    inputs: report.inputs.map((i) => ({
      name: i.name, kind: i.kind, label: i.label, probability: p6(i.probability.value),
      range: [p6(i.range[0]), p6(i.range[1])], text: i.text, notes: i.notes, sources: i.sources,
      ...(i.origin !== null ? { origin: i.origin } : {}),
    })),
    worlds: report.worlds.list.map(world),
    alternatives: report.alternatives.map(alternative),
    keyJudgments: report.keyJudgments.map((k) => ({ outcome: k.outcome, text: k.text })),
  };
  if (options.timing) out.elapsedMs = report.elapsed.ms;
  return out;
}

export function renderJson(report: Report, options: JsonOptions): string {
  return `${JSON.stringify(reportJson(report, options), null, 2)}\n`;
}

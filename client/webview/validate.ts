// Validates every message the page receives (and the state it restores): each field is type
// checked, and a clean copy with only the known fields is returned. Anything unexpected → null,
// and the page ignores it.
import { DECLARED_NAME, MAX_PAGE_ERRORS, type PageError, type PageState, type ToPage } from '../../common/pageMessages';
import type {
  AlternativeForecast, Forecast, ForecastExclusion, InputForecast, JudgedCheck, OutcomeForecast, ResolvedAs, Swing, World,
} from '../../common/forecast';

const MAX_TEXT = 100_000;
export const MAX_URI = 4096;
const MAX_ITEMS = 100_000;

/** What a check throws; each page's parse catches it and ignores the message. */
export class Invalid extends Error {}
export function fail(): never {
  throw new Invalid('invalid message');
}

export function record(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail();
  return v as Record<string, unknown>;
}
export function text(v: unknown, max = MAX_TEXT): string {
  if (typeof v !== 'string' || v.length > max) fail();
  return v;
}
export function nullableText(v: unknown): string | null {
  return v === null ? null : text(v);
}
export function nullable<T>(v: unknown, item: (x: unknown) => T): T | null {
  return v === null ? null : item(v);
}
/** A day as the language writes it: 2025-11-02. */
export function isoDate(v: unknown): string {
  const s = text(v, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) fail();
  return s;
}
export function finite(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail();
  return v;
}
export function probability(v: unknown): number {
  const p = finite(v);
  if (p < 0 || p > 1) fail();
  return p;
}
export function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') fail();
  return v;
}
export function list<T>(v: unknown, item: (x: unknown) => T): T[] {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) fail();
  return v.map(item);
}
function probabilityPair(v: unknown): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) fail();
  const low = probability(v[0]);
  const high = probability(v[1]);
  if (low > high) fail();
  return [low, high];
}
export function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) fail();
  return v as T;
}

function swing(v: unknown): Swing {
  const s = record(v);
  return { name: text(s.name), points: finite(s.points), ifTrue: probability(s.ifTrue), ifFalse: probability(s.ifFalse) };
}

function signpost(v: unknown): OutcomeForecast['signposts'][number] {
  const s = record(v);
  return {
    name: text(s.name), probability: probability(s.probability), ifTrue: probability(s.ifTrue), ifFalse: probability(s.ifFalse),
    expectedShift: finite(s.expectedShift),
  };
}

function linchpin(v: unknown): OutcomeForecast['linchpins'][number] {
  const l = record(v);
  return {
    name: text(l.name), current: probability(l.current), holdsFrom: probability(l.holdsFrom), holdsTo: probability(l.holdsTo),
    phrase: text(l.phrase),
  };
}

function judged(v: unknown): JudgedCheck | null {
  if (v === null) return null;
  const j = record(v);
  return { text: text(j.text), range: probabilityPair(j.range), agrees: bool(j.agrees) };
}

function resolvedAs(v: unknown): ResolvedAs {
  const r = record(v);
  return { value: bool(r.value), date: isoDate(r.date) };
}

function outcome(v: unknown): OutcomeForecast {
  const o = record(v);
  const clean: OutcomeForecast = {
    name: text(o.name),
    label: text(o.label),
    probability: probability(o.probability),
    standardError: o.standardError === null ? null : probability(o.standardError),
    band: probabilityPair(o.band),
    phrase: text(o.phrase),
    judged: judged(o.judged),
    swing: list(o.swing, swing),
    signposts: o.signposts === undefined ? [] : list(o.signposts, signpost),
    linchpins: o.linchpins === undefined ? [] : list(o.linchpins, linchpin),
  };
  if (o.delta !== undefined) clean.delta = finite(o.delta);
  if (o.stale !== undefined) clean.stale = text(o.stale);
  if (o.resolved !== undefined) clean.resolved = resolvedAs(o.resolved);
  if (o.origin !== undefined) clean.origin = text(o.origin);
  return clean;
}

function world(v: unknown): World {
  const w = record(v);
  const outcomes = record(w.outcomes);
  const entries = Object.keys(outcomes).map((k): [string, boolean] => [text(k), bool(outcomes[k])]);
  if (entries.length > MAX_ITEMS) fail();
  return { outcomes: Object.fromEntries(entries), probability: probability(w.probability) };
}

function input(v: unknown): InputForecast {
  const i = record(v);
  const clean: InputForecast = {
    name: text(i.name),
    kind: oneOf(i.kind, ['factor', 'event'] as const),
    label: text(i.label),
    probability: probability(i.probability),
    range: probabilityPair(i.range),
    text: text(i.text),
    notes: list(i.notes, (n) => text(n)),
    sources: list(i.sources, (s) => text(s)),
  };
  if (i.stale !== undefined) clean.stale = text(i.stale);
  if (i.resolved !== undefined) clean.resolved = resolvedAs(i.resolved);
  if (i.origin !== undefined) clean.origin = text(i.origin);
  return clean;
}

function exclusion(v: unknown): ForecastExclusion {
  const e = record(v);
  return { kind: oneOf(e.kind, ['factor', 'event', 'outcome', 'alternative'] as const), name: text(e.name), reason: text(e.reason) };
}

function assumption(v: unknown): AlternativeForecast['assumptions'][number] {
  const a = record(v);
  return { name: text(a.name), text: text(a.text) };
}

function observation(v: unknown): AlternativeForecast['observed'][number] {
  const o = record(v);
  return { name: text(o.name), value: bool(o.value) };
}

function alternativeInput(v: unknown): AlternativeForecast['inputs'][number] {
  const i = record(v);
  return { name: text(i.name), probability: probability(i.probability), delta: finite(i.delta) };
}

function alternative(v: unknown): AlternativeForecast {
  const a = record(v);
  return {
    name: text(a.name),
    assumptions: list(a.assumptions, assumption),
    observed: list(a.observed, observation),
    evidenceProbability: probability(a.evidenceProbability),
    inputs: list(a.inputs, alternativeInput),
    outcomes: list(a.outcomes, outcome),
    worlds: list(a.worlds, world),
  };
}

function horizon(v: unknown): Forecast['horizon'] {
  if (v === null) return null;
  const h = record(v);
  return { from: text(h.from), to: text(h.to) };
}

/** A forecast, checked field by field; throws Invalid. */
function forecast(v: unknown): Forecast {
  const f = record(v);
  const samples = finite(f.samples);
  if (!Number.isInteger(samples) || samples < 0) fail();
  const elapsedMs = finite(f.elapsedMs);
  if (elapsedMs < 0) fail();
  const clean: Forecast = {
    title: text(f.title),
    question: nullableText(f.question),
    horizon: horizon(f.horizon),
    samples,
    seed: finite(f.seed),
    method: oneOf(f.method, ['exact', 'monte-carlo'] as const),
    worldsMethod: oneOf(f.worldsMethod, ['exact', 'monte-carlo'] as const),
    outcomes: list(f.outcomes, outcome),
    inputs: list(f.inputs, input),
    worlds: list(f.worlds, world),
    alternatives: list(f.alternatives, alternative),
    elapsedMs,
  };
  if (f.file !== undefined) clean.file = text(f.file);
  if (f.excluded !== undefined) clean.excluded = list(f.excluded, exclusion);
  return clean;
}

export function whole(v: unknown): number {
  const n = finite(v);
  if (!Number.isInteger(n) || n < 0) fail();
  return n;
}

function pageError(v: unknown): PageError {
  const e = record(v);
  return { line: whole(e.line), character: whole(e.character), code: nullableText(e.code), message: text(e.message) };
}

function toPage(value: unknown): ToPage {
  const m = record(value);
  switch (m.type) {
    case 'forecast': {
      const version = finite(m.version);
      if (!Number.isInteger(version)) fail();
      const message: ToPage = {
        type: 'forecast',
        uri: text(m.uri, MAX_URI),
        fileName: text(m.fileName),
        version,
        forecast: m.forecast === null ? null : forecast(m.forecast),
        stale: bool(m.stale),
        notice: nullableText(m.notice),
      };
      if (m.locked !== undefined) message.locked = bool(m.locked);
      return message;
    }
    case 'theme':
      return { type: 'theme', kind: oneOf(m.kind, ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const) };
    case 'progress':
      return { type: 'progress', uri: text(m.uri, MAX_URI), version: whole(m.version), text: text(m.text, 1000), elapsedMs: finite(m.elapsedMs) };
    case 'errors': {
      const errors = list(m.errors, pageError);
      if (errors.length > MAX_PAGE_ERRORS) fail();
      const total = whole(m.total);
      if (total < errors.length) fail();
      return { type: 'errors', uri: text(m.uri, MAX_URI), errors, total };
    }
    case 'cursor': {
      const name = m.name === null ? null : text(m.name);
      if (name !== null && !DECLARED_NAME.test(name)) fail();
      return { type: 'cursor', uri: text(m.uri, MAX_URI), name };
    }
    default:
      return fail();
  }
}

/** A message from the extension, validated; null for anything unknown or malformed. */
export function parseToPage(value: unknown): ToPage | null {
  try {
    return toPage(value);
  } catch {
    return null;
  }
}

/** The state saved by an earlier page (vscode.getState), validated; null when absent or odd. */
export function parsePageState(value: unknown): PageState | null {
  try {
    const s = record(value);
    return {
      uri: text(s.uri, MAX_URI),
      selectedOutcome: nullableText(s.selectedOutcome),
      locked: bool(s.locked),
    };
  } catch {
    return null;
  }
}

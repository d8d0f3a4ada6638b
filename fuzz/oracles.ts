// What must hold for every input (docs/fuzzing.md lists them). Each oracle throws an Error that
// says what failed; the campaign turns it into a finding with a minimised input.
import type { Forecast, OutcomeForecast, World } from '../common/forecast';
import type { Diagnostic } from '../server/src/model/diagnostics';
import { SEVERITY } from '../server/src/model/diagnostics';
import type { ScenarioDocument, Span } from '../server/src/syntax/ast';

/** The diagnostic codes of the project, from their one definition. */
export const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(SEVERITY));

export class OracleFailure extends Error {}

export function expectThat(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new OracleFailure(message());
}

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** Every span in a syntax tree, found by walking it (any object that is exactly {start, end}). */
export function treeSpans(doc: ScenarioDocument): Span[] {
  const spans: Span[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number') spans.push(record as unknown as Span);
      else for (const key of keys) walk(record[key]);
    }
  };
  walk(doc.declarations);
  walk(doc.errors);
  walk(doc.comments);
  return spans;
}

/** Ranges inside the document, known codes, severities as defined, sorted by position. */
export function checkDiagnostics(text: string, diagnostics: readonly Diagnostic[]): void {
  let last = 0;
  for (const d of diagnostics) {
    expectThat(KNOWN_CODES.has(d.code), () => `unknown diagnostic code ${JSON.stringify(d.code)}`);
    expectThat(SEVERITY[d.code] === d.severity || d.code === 'judgment', () => `${d.code} has severity ${d.severity}, not ${SEVERITY[d.code]}`);
    expectThat(inside(d.span, text.length), () => `${d.code} span ${JSON.stringify(d.span)} outside the text (${text.length})`);
    for (const r of d.related ?? []) {
      if (!r.elsewhere) expectThat(inside(r.span, text.length), () => `${d.code} related span ${JSON.stringify(r.span)} outside the text`);
    }
    for (const f of d.fixes ?? []) expectThat(inside(f.span, text.length), () => `${d.code} fix span ${JSON.stringify(f.span)} outside the text`);
    expectThat(typeof d.message === 'string' && d.message.length > 0, () => `${d.code} without a message`);
    expectThat(d.span.start >= last, () => `diagnostics out of order at ${d.code} ${JSON.stringify(d.span)}`);
    last = d.span.start;
  }
}

export function checkTree(doc: ScenarioDocument): void {
  for (const span of treeSpans(doc)) {
    expectThat(inside(span, doc.text.length), () => `tree span ${JSON.stringify(span)} outside the text (${doc.text.length})`);
  }
  for (const e of doc.errors) {
    expectThat(e.skipped.start <= e.span.start && e.span.end <= e.skipped.end, () => `syntax error span ${JSON.stringify(e.span)} outside its skipped stretch ${JSON.stringify(e.skipped)}`);
  }
}

const isProbability = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;

function checkOutcome(o: OutcomeForecast, where: string): void {
  const at = `${where} outcome ${o.name}`;
  expectThat(isProbability(o.probability), () => `${at}: probability ${o.probability}`);
  expectThat(isProbability(o.band[0]) && isProbability(o.band[1]), () => `${at}: band ${JSON.stringify(o.band)}`);
  expectThat(o.band[0] <= o.probability && o.probability <= o.band[1], () => `${at}: band ${JSON.stringify(o.band)} does not hold P ${o.probability}`);
  expectThat(o.standardError === null || (Number.isFinite(o.standardError) && o.standardError >= 0), () => `${at}: standard error ${o.standardError}`);
  if (o.delta !== undefined) expectThat(Number.isFinite(o.delta) && Math.abs(o.delta) <= 100, () => `${at}: delta ${o.delta} points`);
  for (const s of o.swing) {
    expectThat(Number.isFinite(s.points) && Math.abs(s.points) <= 100, () => `${at}: swing of ${s.name} ${s.points} points`);
    expectThat(isProbability(s.ifTrue) && isProbability(s.ifFalse), () => `${at}: swing of ${s.name} ends ${s.ifTrue}, ${s.ifFalse}`);
  }
  for (const s of o.signposts) {
    expectThat([s.probability, s.ifTrue, s.ifFalse].every(isProbability), () => `${at}: signpost ${s.name} ${JSON.stringify(s)}`);
    expectThat(Number.isFinite(s.expectedShift) && s.expectedShift >= 0 && s.expectedShift <= 100, () => `${at}: signpost ${s.name} shift ${s.expectedShift}`);
  }
  for (const l of o.linchpins) {
    expectThat([l.current, l.holdsFrom, l.holdsTo].every(isProbability) && l.holdsFrom <= l.holdsTo, () => `${at}: linchpin ${JSON.stringify(l)}`);
  }
}

function checkWorlds(worlds: readonly World[], where: string): void {
  let sum = 0;
  for (const w of worlds) {
    expectThat(isProbability(w.probability), () => `${where} world probability ${w.probability}`);
    sum += w.probability;
  }
  expectThat(sum <= 1 + 1e-9, () => `${where} world probabilities sum to ${sum}`);
}

/** Every probability finite and in [0, 1], band low ≤ P ≤ band high, in the baseline and each alternative. */
export function checkForecast(f: Forecast): void {
  for (const o of f.outcomes) checkOutcome(o, 'baseline');
  for (const input of f.inputs) {
    expectThat(isProbability(input.probability), () => `input ${input.name}: probability ${input.probability}`);
  }
  checkWorlds(f.worlds, 'baseline');
  for (const a of f.alternatives) {
    const where = `alternative "${a.name}"`;
    expectThat(isProbability(a.evidenceProbability), () => `${where}: P(evidence) ${a.evidenceProbability}`);
    for (const o of a.outcomes) checkOutcome(o, where);
    for (const input of a.inputs) {
      expectThat(isProbability(input.probability) && Number.isFinite(input.delta), () => `${where} input ${input.name}: ${JSON.stringify(input)}`);
    }
    checkWorlds(a.worlds, where);
  }
}

/** A forecast as plain data without its timing, to compare two runs. */
export function forecastData(f: Forecast): string {
  return JSON.stringify({ ...f, elapsedMs: 0 });
}

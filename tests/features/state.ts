// Builds the DocumentState the server would hold for a text: parse → analyze → forecast (with the
// judgment checks), so every feature can be tested as the pure function it is.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/model/analyze';
import { forecast } from '../../server/src/engine/forecast';
import { judgmentDiagnostics } from '../../server/src/engine/judgment';
import { LineIndex } from '../../server/src/syntax/lines';
import type { DocumentState } from '../../server/src/features/context';
import type { Forecast } from '../../common/forecast';
import { fixture } from '../server/harness';

export const TEST_URI = 'untitled:features-test.scenario';
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'features');

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export interface StateOptions {
  /** Compute a forecast when the model has no errors (default true). */
  forecast?: boolean;
  /** Use this forecast instead (e.g. an older version's), marked stale. */
  staleForecast?: Forecast;
}

export function stateOf(text: string, options: StateOptions = {}): DocumentState {
  const { document, model, diagnostics } = analyze(text);
  let computed: Forecast | null = null;
  const all = [...diagnostics];
  if (options.staleForecast) {
    computed = options.staleForecast;
  } else if (options.forecast !== false && !model.hasErrors) {
    computed = forecast(model);
    all.push(...judgmentDiagnostics(model, computed));
  }
  return {
    uri: TEST_URI,
    version: 1,
    text,
    lines: new LineIndex(text),
    document,
    model,
    diagnostics: all,
    forecast: computed,
    forecastStale: Boolean(options.staleForecast),
  };
}

/** A state from a text with `<|>` cursor markers, and the cursors' positions and offsets. */
export function marked(text: string, options: StateOptions = {}) {
  const f = fixture(text);
  return { state: stateOf(f.text, options), cursors: f.cursors, offsets: f.offsets, text: f.text };
}

/** Applies LSP-style edits (ranges in the original text) and returns the new text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

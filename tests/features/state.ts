// Builds the DocumentState the server would hold for a text: parse → analyze → forecast (with the
// judgment checks), so every feature can be tested as the pure function it is.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { completeWithEarlier } from '../../server/src/analysis/partialForecast';
import { forecast } from '../../server/src/engine/forecast';
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
  /** Compute a forecast of the part without errors, as the server does (default true). */
  forecast?: boolean;
  /** Use this forecast instead (e.g. an older version's), marked stale. */
  staleForecast?: Forecast;
}

export function stateOf(text: string, options: StateOptions = {}): DocumentState {
  const judgeWith = options.staleForecast ?? (options.forecast === false ? null : (model: Parameters<typeof forecast>[0]) => forecast(model));
  const analysis = analyzeSource({ text }, judgeWith);
  return {
    uri: TEST_URI,
    version: 1,
    text,
    lines: new LineIndex(text),
    document: analysis.document,
    model: analysis.model,
    scope: analysis.scope,
    order: analysis.order,
    diagnostics: analysis.diagnostics,
    // As the server stores it: a forecast of the part without errors lists what it left out.
    forecast: analysis.forecast && !options.staleForecast
      ? completeWithEarlier(analysis.forecast, analysis.scope.excluded, null, analysis.order)
      : analysis.forecast,
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

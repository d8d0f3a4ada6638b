// Builds the DocumentState the server would hold for a text: parse → analyze → forecast (with the
// judgment checks), so every feature can be tested as the pure function it is. Texts, cursors and
// edits are tests/fixture.ts; the one-line checks on a state are ./expect.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { completeWithEarlier } from '../../server/src/analysis/partialForecast';
import { forecast } from '../../server/src/engine/forecast';
import { LineIndex } from '../../server/src/syntax/lines';
import type { Position } from 'vscode-languageserver';
import type { DocumentState } from '../../server/src/features/context';
import type { Forecast } from '../../common/forecast';
import { fixture } from '../fixture';

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
    diagnostics: analysis.diagnostics,
    // As the server stores it: a forecast of the part without errors lists what it left out.
    forecast: analysis.forecast && !options.staleForecast
      ? completeWithEarlier(analysis.forecast, analysis.scope, null)
      : analysis.forecast,
    forecastStale: Boolean(options.staleForecast),
  };
}

/** A state from a text with `<|>` cursor markers, and the cursors' positions and offsets. */
export function marked(text: string, options: StateOptions = {}): Marked {
  const f = fixture(text);
  return { state: stateOf(f.text, options), cursors: f.cursors, offsets: f.offsets, text: f.text };
}

export interface Marked {
  state: DocumentState;
  /** The `<|>` cursors in order, as LSP positions. */
  cursors: Position[];
  offsets: number[];
  /** The text without its markers. */
  text: string;
}

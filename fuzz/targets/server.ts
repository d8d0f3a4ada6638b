// The language server through the real protocol (tests/server/harness.ts starts dist/server.js):
// a document is opened, edited step by step, and after each edit the editor's requests are sent
// at random places (sometimes places that do not exist). Oracles: every request is answered
// (within a generous liveness limit) without an error; every range in an answer and in the
// diagnostics lies inside the document; known codes only; forecasts obey the forecast target's
// oracles; the last version's diagnostics equal a fresh open of the same text; the server never
// exits; its CPU per edit and its peak RSS stay within budgets.
import fc from 'fast-check';
import { ResponseError } from 'vscode-jsonrpc';
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { ForecastRequest } from '../../common/protocol';
import { type DiagnosticCode, FORECAST_CODES } from '../../server/src/model/diagnostics';
import { type TestServer, startServer } from '../../tests/server/harness';
import type { Target } from '../campaign';
import { type Edit, campaignEdit, offsets, startingTexts } from '../generators/edits';
import { factorsFile, realisticFile } from '../largeFiles.mjs';
import { procCpuMs, procStatusMb } from '../proc.mjs';
import { MAX_DOCUMENT_CHARS } from '../../server/src/syntax/assemble';
import { KNOWN_CODES, OracleFailure, checkForecast, expectThat } from '../oracles';

/** The server's budget (issue 15): within 300 MB on any file it accepts. */
export const SERVER_PEAK_RSS_BUDGET_MB = 300;
/** A request not answered in this long counts as not answered (liveness, not speed). */
const ANSWER_LIMIT_MS = 60_000;

const REQUESTS = [
  'hover', 'completion', 'definition', 'references', 'semanticTokens', 'documentSymbol', 'foldingRange', 'formatting',
  'codeAction', 'inlayHint', 'codeLens', 'prepareRename', 'rename', 'forecast',
] as const;
type RequestKind = (typeof REQUESTS)[number];

export interface ServerStep {
  edit: Edit;
  requests: { kind: RequestKind; at: number; nowhere: boolean }[];
}

export interface ServerSequence {
  start: number;
  steps: ServerStep[];
}



/** The small starting texts, then two large ones (rarer: each edit of them costs much more). */
const STARTING_TEXTS = [
  ...startingTexts(),
  { name: 'realisticFile(5000) of fuzz/largeFiles.mjs', text: realisticFile(5_000) },
  { name: 'factorsFile(MAX_DOCUMENT_CHARS) of fuzz/largeFiles.mjs', text: factorsFile(MAX_DOCUMENT_CHARS) },
];
const SMALL_STARTS = STARTING_TEXTS.length - 2;

const sequence: fc.Arbitrary<ServerSequence> = fc.record({
  start: fc.oneof({ weight: 30, arbitrary: fc.nat(SMALL_STARTS - 1) }, { weight: 1, arbitrary: fc.integer({ min: SMALL_STARTS, max: SMALL_STARTS + 1 }) }),
  steps: fc.array(fc.record({
    edit: campaignEdit,
    requests: fc.array(fc.record({
      kind: fc.constantFrom(...REQUESTS),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      // One request in twenty asks about a place that does not exist (a line past the end).
      nowhere: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    }), { maxLength: 4 }),
  }), { minLength: 1, maxLength: 16 }),
});

let server: TestServer | null = null;
let opened = 0;
let peakRssMb = 0;
let restarts = 0;

/** The server process's CPU time so far, in ms; 0 where /proc is not there. */
function serverCpuMs(): number {
  return server ? procCpuMs(server.pid) ?? 0 : 0;
}

/** A rename the server refuses (not a name there) is answered with InvalidParams and its reason. */
const REFUSED = -32602;

async function answer<R>(what: string, promise: Promise<R>, refusable = false): Promise<R | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OracleFailure(`no answer to ${what} in ${ANSWER_LIMIT_MS / 1000} s`)), ANSWER_LIMIT_MS);
      }),
    ]);
  } catch (error) {
    if (error instanceof OracleFailure) throw error;
    if (refusable && error instanceof ResponseError && error.code === REFUSED && error.message.length > 0) return null;
    throw new OracleFailure(`${what} was answered with an error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A handler that threw is answered with an empty result and logged ("hover failed: …"): a finding. */
function checkLogs(s: TestServer, from: number, what: string): void {
  const failed = s.logs.slice(from).find((m) => / failed: /.test(m));
  expectThat(failed === undefined, () => `${what}: the server logged an exception: ${failed!.slice(0, 600)}`);
}

/** Every {range} / {start, end} / {position} found in a value lies inside the document. */
function checkRanges(what: string, value: unknown, lines: readonly string[], uri: string): void {
  const validPosition = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 &&
    p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  const walk = (v: unknown, otherFile: boolean): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x, otherFile);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const record = v as Record<string, unknown>;
    const elsewhere = otherFile || (typeof record.uri === 'string' && record.uri !== uri);
    if (!elsewhere && isPosition(record.start) && isPosition(record.end)) {
      const range = record as unknown as Range;
      expectThat(validPosition(range.start) && validPosition(range.end), () => `${what}: range ${JSON.stringify(range)} outside the document (${lines.length} lines)`);
    }
    if (!elsewhere && isPosition(record.position)) {
      expectThat(validPosition(record.position), () => `${what}: position ${JSON.stringify(record.position)} outside the document`);
    }
    for (const [key, x] of Object.entries(record)) {
      // WorkspaceEdit.changes is keyed by URI.
      if (key === 'changes' && x && typeof x === 'object' && !Array.isArray(x)) {
        for (const [target, edits] of Object.entries(x as Record<string, unknown>)) walk(edits, elsewhere || target !== uri);
      } else walk(x, elsewhere);
    }
  };
  walk(value, false);
}

function isPosition(v: unknown): v is Position {
  return !!v && typeof v === 'object' && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function checkPublished(what: string, diagnostics: readonly Diagnostic[], text: string, uri: string): void {
  diagnostics.forEach((d, i) => {
    // The one exception: past MAX_PUBLISHED_DIAGNOSTICS, a last note (no code) says how many more there are.
    const capNote = d.code === undefined && i === diagnostics.length - 1 && d.severity === 3 && /more problems/.test(String(d.message));
    expectThat(capNote || KNOWN_CODES.has(String(d.code)), () => `${what}: unknown diagnostic code ${JSON.stringify(d.code)}: ${String(d.message).slice(0, 200)}`);
  });
  checkRanges(what, diagnostics, linesOf(text), uri);
}

/** Semantic tokens decoded: each inside its line. */
function checkTokens(data: readonly number[], lines: readonly string[]): void {
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const length = data[i + 2]!;
    expectThat(line < lines.length && character + length <= lines[line]!.length, () => `semantic token at ${line}:${character} (+${length}) outside the document`);
  }
}

async function request(s: TestServer, uri: string, kind: RequestKind, position: Position): Promise<unknown> {
  const whole: Range = { start: { line: 0, character: 0 }, end: s.positionAt(uri, s.text(uri).length) };
  switch (kind) {
    case 'hover': return s.hover(uri, position);
    case 'completion': return s.completion(uri, position);
    case 'definition': return s.definition(uri, position);
    case 'references': return s.references(uri, position);
    case 'semanticTokens': return s.semanticTokens(uri);
    case 'documentSymbol': return s.documentSymbols(uri);
    case 'foldingRange': return s.foldingRanges(uri);
    case 'formatting': return s.format(uri);
    case 'codeAction': return s.codeActions(uri, { start: position, end: position }, s.latestPublish(uri)?.diagnostics ?? []);
    case 'inlayHint': return s.inlayHints(uri, whole);
    case 'codeLens': return s.codeLenses(uri);
    case 'prepareRename': return s.prepareRename(uri, position);
    case 'rename': return s.rename(uri, position, 'renamed_x');
    case 'forecast': return s.forecast(uri);
  }
}

async function ensureServer(): Promise<TestServer> {
  if (server && server.exited === null) return server;
  if (server) restarts++;
  server = await startServer();
  return server;
}

export const serverTarget: Target<ServerSequence> = {
  name: 'server',
  unit: 'server edits',
  arbitrary: sequence,
  full: 5_000,
  short: 600,
  batch: 25,
  units: (input) => input.steps.length,
  async start() {
    await ensureServer();
  },
  async stop() {
    await server?.stop();
    server = null;
  },
  async run({ start, steps }) {
    const s = await ensureServer();
    const logsBefore = s.logs.length;
    const uri = s.open(`fuzz-server-${++opened}.scenario`, STARTING_TEXTS[start]!.text);
    let freshUri: string | null = null;
    try {
      let last: number | null = null;
      for (const [index, step] of steps.entries()) {
        const { start: from, end } = offsets(s.text(uri), step.edit, last);
        last = from;
        s.edit(uri, from, end, step.edit.text);
        const text = s.text(uri);
        const lines = linesOf(text);
        const answers = step.requests.map(async (r) => {
          const position = r.nowhere ? { line: lines.length + 1_000, character: 1_000_000 } : s.positionAt(uri, Math.floor(r.at * (text.length + 1)));
          const what = `${r.kind} after edit ${index + 1}`;
          const result = await answer(what, request(s, uri, r.kind, position), r.kind === 'rename' || r.kind === 'prepareRename');
          if (r.kind === 'semanticTokens') checkTokens((result as { data: number[] } | null)?.data ?? [], lines);
          else if (r.kind === 'forecast') {
            const f = (result as ForecastRequest.Result | null)?.forecast;
            if (f) checkForecast(f);
          } else checkRanges(what, result, lines, uri);
        });
        await Promise.all(answers);
        expectThat(s.exited === null, () => `the server exited (${s.exited}) after edit ${index + 1}`);
        checkLogs(s, logsBefore, `edit ${index + 1}`);
      }
      const text = s.text(uri);
      const incremental = (await answer('the diagnostics of the last version', s.waitForVersion(uri, s.version(uri), ANSWER_LIMIT_MS)))!;
      checkPublished('diagnostics', incremental, text, uri);
      freshUri = s.open(`fuzz-server-${opened}-fresh.scenario`, text);
      const fresh = (await answer('the diagnostics of a fresh open', s.waitForVersion(freshUri, 1, ANSWER_LIMIT_MS)))!;
      checkLogs(s, logsBefore, 'the diagnostics');
      // `judgment` and `observe-impossible` come with a forecast, which a fresh open does not have yet.
      const normalise = (value: Diagnostic[], from: string) =>
        value.filter((d) => !FORECAST_CODES.has(d.code as DiagnosticCode)).map((d) => JSON.stringify(d).split(from).join('URI'));
      const [a, b] = [normalise(incremental, uri), normalise(fresh, freshUri)];
      const differs = a.findIndex((d, i) => d !== b[i]);
      expectThat(differs < 0 && a.length === b.length, () =>
        `the diagnostics after the edits differ from those of a fresh open of the same text: ${a[differs] ?? '(none)'} vs ${b[differs < 0 ? a.length : differs] ?? '(none)'}`);
    } finally {
      if (s.exited === null) {
        s.close(uri);
        if (freshUri) s.close(freshUri);
      }
    }
    expectThat(s.exited === null, () => `the server exited (${s.exited})`);
    // The harness keeps every message it got; the campaign needs only this sequence's.
    s.publishes.length = 0;
    s.forecasts.length = 0;
    s.logs.length = 0;
    s.refreshes.length = 0;
    const peak = procStatusMb(s.pid, 'VmHWM') ?? 0;
    peakRssMb = Math.max(peakRssMb, peak);
    expectThat(peak <= SERVER_PEAK_RSS_BUDGET_MB, () => `the server's peak RSS is ${peak.toFixed(0)} MB, over ${SERVER_PEAK_RSS_BUDGET_MB} MB`);
  },
  show: (input) => JSON.stringify({ start: STARTING_TEXTS[input.start]!.name, steps: input.steps }),
  size: (input) => STARTING_TEXTS[input.start]!.text.length,
  cpuMs: serverCpuMs,
  // The server's CPU for the whole sequence, forecasts included: 3 s per edit and 5 s more.
  cpuBudgetMs: (input) => 5_000 + 3_000 * input.steps.length,
  report: () => ({ serverPeakRssMb: Math.round(peakRssMb), serverRestarts: restarts }),
};

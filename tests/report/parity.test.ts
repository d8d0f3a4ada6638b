// The preview's copy and save commands give byte for byte what `scenario forecast --format …` and
// `scenario report` print for the same forecast: the CLI through runForecast and runReport, the
// extension through the pure functions its commands call (client/src/preview/exportForecast.ts),
// on the forecast as the language server sends it (a JSON copy). The clock is held still, so both
// runs take "0 ms" and the JSON's elapsedMs agrees too.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const relativePaths = new Map<string, string>();
vi.mock('vscode', () => ({
  workspace: { asRelativePath: (uri: { path: string }) => relativePaths.get(uri.path) ?? uri.path },
}));
// The engine's and the CLI's clock, held still.
vi.mock('../../server/src/util/clock', () => ({ monotonicMs: () => 1000 }));

const { exportFileName, exportText, serialize } = await import('../../client/src/preview/exportForecast');
const { runForecast } = await import('../../server/src/cli/forecast');
const { runReport } = await import('../../server/src/cli/report');
const { forecast } = await import('../../server/src/engine/forecast');
const { analyze } = await import('../../server/src/model/analyze');


/** The forecast the extension holds: the engine's, through the protocol's JSON. */
function asSent(file: string) {
  const result = forecast(analyze(readFileSync(file, 'utf8')).model);
  return JSON.parse(JSON.stringify(result)) as typeof result;
}

describe.each([
  ['samples/us-pakistan-2025.scenario', 'exact'],
  ['samples/election.scenario', 'exact'],
  ['tests/fixtures/dense.scenario', 'monte-carlo'],
])('%s', (file, method) => {
  const sent = asSent(file);

  it(`is forecast ${method}`, () => {
    expect(sent.method).toBe(method);
    expect(sent.elapsedMs).toBe(0);
  });

  it.each(['markdown', 'csv', 'json'] as const)('--format %s equals the export', (format) => {
    const cli = runForecast(file, { format });
    expect(cli.exitCode).toBe(0);
    expect(cli.output.length).toBeGreaterThan(500);
    expect(exportText(sent, format, file)).toBe(cli.output);
  });

  it('Save Forecast Report (HTML) equals scenario report; its Markdown is Copy as Markdown', () => {
    const html = runReport(file, { format: 'html' });
    expect(html.exitCode).toBe(0);
    expect(html.output).toContain('<section id="key-judgments">');
    expect(exportText(sent, 'html', file)).toBe(html.output);
    expect(runReport(file, { format: 'markdown' }).output).toBe(exportText(sent, 'markdown', file));
  });

  it('the JSON names the file and includes elapsedMs, as the CLI’s default does', () => {
    const json = JSON.parse(exportText(sent, 'json', file));
    expect(json.file).toBe(file);
    expect(json.elapsedMs).toBe(0);
  });

  it('the commands export the shown result with its workspace-relative file name', () => {
    const uri = { path: `/home/analyst/project/${file}`, scheme: 'file' };
    relativePaths.set(uri.path, file);
    const name = exportFileName(uri as never);
    expect(name).toBe(file);
    const result = { uri: `file://${uri.path}`, version: 1, forecast: sent, stale: false, notice: null };
    expect(serialize(result, 'json', uri as never)).toBe(runForecast(file, { format: 'json' }).output);
    expect(() => serialize({ ...result, forecast: null }, 'csv', uri as never)).toThrow('no forecast');
  });
});

it('a Monte Carlo forecast differs from its exact rounding only where the samples say so', () => {
  const md = runForecast('tests/fixtures/dense.scenario', { format: 'markdown' }).output;
  expect(md).toContain('Method: Monte Carlo, 20,000 samples, seed 5');
  // At 20,000 samples no outcome between 1% and 99% can carry a decimal.
  const cells = [...md.matchAll(/\| (\d+(?:\.\d)?)% \|/g)].map((m) => m[1]!);
  expect(cells.length).toBeGreaterThan(10);
  for (const c of cells) if (Number(c) >= 1 && Number(c) <= 99) expect(c).toMatch(/^\d+$/);
});

// The editor and the command line analyse a document the same way (analysis/analyzeSource): the
// same size limit and message, and a client that cannot be asked to refresh inlay hints still
// gets the hints of the version it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/check';
import { forecast } from '../../server/src/engine/forecast';
import { DEFAULT_CAPABILITIES, startServer, type TestServer } from './harness';
import { SAMPLE } from './models';

let server: TestServer;
let noRefresh: TestServer;
beforeAll(async () => {
  server = await startServer();
  const { inlayHint: _dropped, ...workspace } = DEFAULT_CAPABILITIES.workspace!;
  noRefresh = await startServer({ capabilities: { ...DEFAULT_CAPABILITIES, workspace } });
});
afterAll(async () => {
  await server?.stop();
  await noRefresh?.stop();
});

describe('one analysis for the editor and the command line', () => {
  it('refuses a 1.5 MB file in both, with the same message at the same place', async () => {
    let big = '';
    for (let i = 0; big.length < 1_500_000; i++) big += `factor f${i} "A factor" { probability 50% }\n`;
    const cli = JSON.parse(runCheck(['big.scenario'], 'json', () => big).output) as { message: string; line: number; column: number }[];
    expect(cli).toHaveLength(1);
    expect(cli[0]!.message).toMatch(/^this file is too large to check \(1,500,\d{3} characters; the limit is 300,000 characters, which keeps the editor's memory bounded\)/);
    const uri = server.open('big.scenario', big);
    const editor = await server.waitForVersion(uri, 1);
    expect(editor.map((d) => [d.message, d.range.start.line + 1, d.range.start.character + 1]))
      .toEqual([[cli[0]!.message, cli[0]!.line, cli[0]!.column]]);
    server.close(uri);
  });

  it('gives the same diagnostics, judgment included, for a file with an error', async () => {
    // attack has an error (security_ties depends on it); democracy_push's call is contradicted.
    const text = SAMPLE.replace('judged likely', 'judged almost no chance').replace('probability 10%..25%', 'probability 10%..125%');
    const cli = JSON.parse(runCheck(['same.scenario'], 'json', () => text, (model) => forecast(model)).output) as
      { code: string; line: number; column: number }[];
    const uri = server.open('same.scenario', text);
    await server.forecast(uri);
    const editor = await server.waitForDiagnostics(uri, (ds) => ds.length === cli.length);
    expect(editor.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]))
      .toEqual(cli.map((r) => [r.code, r.line, r.column]));
    expect(cli.map((r) => r.code)).toEqual(['probability-bounds', 'judgment']);
  });
});

describe('inlay hints for a client without refresh support', () => {
  it('answers right after opening with the forecast, not with nothing', async () => {
    const uri = noRefresh.open('hints.scenario', SAMPLE);
    const hints = await noRefresh.inlayHints(uri);
    expect(hints!.map((h) => String(h.label))).toHaveLength(3);
    for (const h of hints!) expect(String(h.label)).toMatch(/^≈ \d+(\.\d)?% /);
    expect(noRefresh.refreshes).not.toContain('workspace/inlayHint/refresh');
  });

  it('answers right after an edit with the forecast of the edited version', async () => {
    const uri = noRefresh.open('edited.scenario', SAMPLE);
    await noRefresh.inlayHints(uri);
    noRefresh.replace(uri, 'base 20%', 'base 90%');
    const hints = await noRefresh.inlayHints(uri);
    const labels = hints!.map((h) => String(h.label));
    expect(labels.some((l) => l.includes('earlier version'))).toBe(false);
    const result = await noRefresh.forecast(uri);
    expect(result.version).toBe(2);
    const first = result.forecast!.outcomes[0]!;
    expect(labels[0]).toContain(first.phrase);
  });
});

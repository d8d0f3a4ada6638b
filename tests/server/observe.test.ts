// `observe` lines through the protocol: the conflict and impossible-evidence diagnostics as the
// editor receives them (and as `scenario check` prints them), the rest of the file still forecast,
// hover and completion on the statement, and the server still serving after 500 observations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver';
import { runCheck } from '../../server/src/cli/check';
import { forecast } from '../../server/src/engine/forecast';
import { offsetAt } from '../fixture';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  expect(server.exited).toBeNull();
  await server?.stop();
});

const TEXT = `factor rapport "Rapport" {
  probability 55%..75%
}

event attack "An attack" {
  probability 10%..25%
}

outcome security_ties "Security ties" {
  base 10%
  attack raises x5..12
  rapport raises weakly
}

outcome ruled_out "Never happens" {
  base 0%
  attack raises weakly
}

alternative "Ties seen" {
  observe security_ties
}

alternative "Ruled out seen" {
  observe ruled_out
}

alternative "Twice" {
  observe attack
  given attack
}
`;

const labels = (items: CompletionItem[] | CompletionList | null) => (Array.isArray(items) ? items : items?.items ?? []).map((i) => i.label);

describe('observe through the protocol', () => {
  it('publishes alternative-conflict at once and observe-impossible with the forecast, as scenario check prints them', async () => {
    const uri = server.open('observe.scenario', TEXT);
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'observe-impossible'));
    const shown = diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    expect(shown).toEqual(['observe-impossible@25:3', 'alternative-conflict@30:3']);
    for (const d of diagnostics) expect(d.severity).toBe(DiagnosticSeverity.Error);
    const conflict = diagnostics[1]!;
    expect(conflict.relatedInformation![0]!.location.range.start).toEqual({ line: 28, character: 2 });

    const cli = JSON.parse(runCheck(['observe.scenario'], 'json', () => TEXT, (model) => forecast(model)).output) as
      { code: string; line: number; column: number; message: string }[];
    expect(cli.map((r) => `${r.code}@${r.line}:${r.column}`)).toEqual(shown);
    expect(cli.map((r) => r.message)).toEqual(diagnostics.map((d) => d.message));

    // Everything else is forecast: the baseline and the alternative whose evidence is possible.
    const result = await server.forecast(uri);
    expect(result.forecast!.outcomes.map((o) => o.name)).toEqual(['security_ties', 'ruled_out']);
    const byName = new Map(result.forecast!.alternatives.map((a) => [a.name, a]));
    const ties = byName.get('Ties seen')!;
    expect(ties.observed).toEqual([{ name: 'security_ties', value: true }]);
    expect(ties.evidenceProbability).toBeGreaterThan(0);
    expect(ties.inputs.find((i) => i.name === 'attack')!.delta).toBeGreaterThan(0); // seeing the effect raises its cause
    expect(byName.get('Ruled out seen')).toMatchObject({ evidenceProbability: 0, outcomes: [] });
    // The alternative with the conflict waits for the fix (it has no earlier numbers to keep).
    expect(byName.has('Twice')).toBe(false);
    expect(result.forecast!.excluded).toEqual([{ kind: 'alternative', name: 'Twice', reason: 'line 30 has an error' }]);
  });

  it('fixing the impossible observation removes its error once the new forecast is in', async () => {
    const uri = server.open('observe-fix.scenario', TEXT);
    await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'observe-impossible'));
    server.replace(uri, 'observe ruled_out', 'observe not ruled_out');
    const version = server.version(uri);
    await server.waitForForecast(uri, (r) => r.version === version && !r.stale);
    const after = await server.waitForVersion(uri, version);
    expect(after.map((d) => d.code)).toEqual(['alternative-conflict']);
  });

  it('explains observe on hover and completes it and the names after it', async () => {
    const uri = server.open('observe-hover.scenario', TEXT);
    await server.waitForVersion(uri, 1);
    const at = (needle: string, delta = 0) => server.positionAt(uri, TEXT.indexOf(needle) + delta);
    const hover = await server.hover(uri, at('observe security_ties', 2));
    expect((hover!.contents as MarkupContent).value).toContain('evidence, reasoning backwards as well as forwards');
    const name = await server.hover(uri, at('observe security_ties', 'observe '.length + 1));
    expect((name!.contents as MarkupContent).value).toContain('Security ties');

    server.replace(uri, '  observe attack\n', '  observe attack\n  observe \n');
    const line = server.text(uri).indexOf('  observe \n') + '  observe '.length;
    expect(labels(await server.completion(uri, server.positionAt(uri, line)))).toEqual(expect.arrayContaining(['not', 'rapport', 'ruled_out']));
    const refs = await server.references(uri, at('observe security_ties', 'observe '.length + 1));
    expect(refs!.map((r) => offsetAt(TEXT, r.range.start))).toContain(TEXT.indexOf('security_ties\n}'));
  });

  it('500 observations in one alternative: diagnostics at the right lines, and the server keeps serving', async () => {
    const n = 500;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`factor f${i} { probability 50% }`);
    for (let i = 0; i < n / 2; i++) lines.push(`outcome o${i} { base 20%; f${2 * i} raises weakly; f${2 * i + 1} raises weakly }`);
    lines.push('alternative "Everything seen" {', ...Array.from({ length: n }, (_, i) => `  observe f${i}`), `  observe f${n - 1}`, '}');
    const text = `${lines.join('\n')}\n`;
    const uri = server.open('observe-500.scenario', text);
    const diagnostics = await server.waitForVersion(uri, 1);
    // The one repeat is the one error, at its own line (the last observe line).
    expect(diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`)).toEqual([`alternative-conflict@${lines.length - 1}`]);
    // Removing it: the alternative is forecast (P(E) = 2^-500, still a double), nothing is wrong.
    server.replace(uri, `  observe f${n - 1}\n}`, '}');
    const version = server.version(uri);
    const result = await server.waitForForecast(uri, (r) => r.version === version && !r.stale);
    const seen = result.forecast!.alternatives[0]!;
    expect(seen.evidenceProbability).toBeGreaterThan(0);
    expect(seen.inputs.every((i) => i.probability === 1)).toBe(true);
    expect(await server.waitForVersion(uri, version)).toEqual([]);
    const hover = await server.hover(uri, server.positionAt(uri, text.indexOf('observe f250') + 1));
    expect((hover!.contents as MarkupContent).value).toContain('observe');
  });
});

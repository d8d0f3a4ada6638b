// The server never dies: huge and pathological documents get a diagnostic, malformed requests get
// an answer, and afterwards every document still gets its diagnostics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { SAMPLE } from './models';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  expect(server.exited).toBeNull();
  await server?.stop();
});

/** The server still checks a fresh document correctly. */
async function stillAnswers(): Promise<void> {
  const uri = server.open(`alive-${Date.now()}-${Math.floor(performance.now())}.scenario`, 'factor lonely {\n  probability 20%\n}\n');
  const diagnostics = await server.waitForVersion(uri, 1);
  expect(diagnostics.map((d) => d.code)).toEqual(['unused']);
  server.close(uri);
}

describe('pathological documents', () => {
  it('gives a 5 MB document one diagnostic and keeps answering', async () => {
    const block = SAMPLE.replace(/scenario "[^]*?\n}\n/, '');
    let huge = '';
    for (let i = 0; huge.length < 5_000_000; i++) huge += block.replace(/\b(crisis|khan_popular|rapport|attack|democracy_push|trade_up|security_ties)\b/g, `$1_${i}`);
    const uri = server.open('huge.scenario', huge);
    const diagnostics = await server.waitForVersion(uri, 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe(DiagnosticSeverity.Error);
    expect(diagnostics[0]!.message).toMatch(/too large/);
    expect(diagnostics[0]!.range.start.line).toBe(0);
    expect(await server.hover(uri, { line: 10, character: 9 })).toBeNull();
    expect((await server.forecast(uri)).forecast).toBeNull();

    server.edit(uri, 0, 0, '// edited\n');
    expect((await server.waitForVersion(uri, 2))[0]!.message).toMatch(/too large/);
    await stillAnswers();

    // Back under the limit, the document is parsed and checked again.
    server.replaceAll(uri, SAMPLE);
    const small = await server.waitForVersion(uri, 3);
    expect(small.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    server.close(uri);
  });

  it.each([
    ['deeply nested braces', `factor a {\n  probability ${'{'.repeat(50_000)}\n}\n`],
    ['20,000 unclosed declarations', 'outcome o {\n'.repeat(20_000)],
    ['a 300,000-character line', `factor a "${'x'.repeat(300_000)}" {\n  probability 20%\n}\n`],
    ['an unterminated string', `factor a "${'never closed '.repeat(10_000)}`],
    ['control characters and lone surrogates', `factor a\u0000 { probability \ud800 }\u0007\n${'\u0000'.repeat(10_000)}`],
    ['100,000 stray closing braces', '}\n'.repeat(100_000)],
    ['numbers with thousands of digits', `factor a {\n  probability ${'9'.repeat(20_000)}%\n}\n`],
  ])('survives %s', async (name, text) => {
    const uri = server.open(`pathological-${name.replace(/\W+/g, '-')}.scenario`, text);
    const diagnostics = await server.waitForVersion(uri, 1);
    expect(diagnostics.length).toBeGreaterThanOrEqual(1);
    expect(diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);
    // Every feature request gets an answer on it.
    await server.hover(uri, { line: 0, character: 3 });
    await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5 } });
    server.edit(uri, 0, 0, '\n');
    await server.waitForVersion(uri, 2);
    server.close(uri);
    await stillAnswers();
  });

  it('caps the diagnostics it publishes and says how many are left out', async () => {
    const uri = server.open('many-problems.scenario', 'factor f {\n'.repeat(5_000));
    const diagnostics = await server.waitForVersion(uri, 1);
    expect(diagnostics).toHaveLength(1_001);
    expect(diagnostics[1_000]!.message).toMatch(/^\d+ more problems/);
    server.close(uri);
  });
});

describe('malformed requests', () => {
  it('answers requests about documents that are not open', async () => {
    const uri = 'file:///not/open.scenario';
    expect(await server.hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(await server.request('textDocument/documentSymbol', { textDocument: { uri } })).toBeNull();
  });

  it('answers positions outside the document', async () => {
    const uri = server.open('positions.scenario', SAMPLE);
    await server.waitForVersion(uri, 1);
    for (const position of [{ line: 10_000, character: 0 }, { line: 0, character: 10_000 }, { line: -1, character: -5 }]) {
      await server.hover(uri, position);
      await server.request('textDocument/completion', { textDocument: { uri }, position });
      await server.request('textDocument/definition', { textDocument: { uri }, position });
    }
    await stillAnswers();
  });

  it('answers requests with missing or wrong parameters', async () => {
    const answers = await Promise.allSettled([
      server.request('textDocument/hover', {}),
      server.request('textDocument/hover', { textDocument: null, position: 'here' }),
      server.request('scenario/forecast', {}),
      server.request('scenario/forecast', { uri: 42 }),
      server.request('textDocument/definition', { textDocument: { uri: 7 } }),
    ]);
    expect(answers).toHaveLength(5);
    await server.connection.sendNotification('textDocument/didOpen', {});
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///x' }, contentChanges: 'nonsense' });
    await stillAnswers();
  });

  it('rejects an unknown method without dying', async () => {
    await expect(server.request('scenario/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    await stillAnswers();
  });
});

// Drafts in prose, bad input (issue 13), through the real protocol: a 5 MB text, a binary file, a
// file with no sentences, right-to-left and mixed scripts, a sentence of 10,000 words. Each gets a
// diagnostic or nothing, and the server keeps answering. Also which features the server offers a
// draft: with dynamic registration (as VS Code does) everything but hover and quick fixes is
// registered for .scenario files only, so a Markdown file gets no formatter or completion from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Range, Registration } from 'vscode-languageserver';
import { SAMPLE } from './models';
import { DEFAULT_CAPABILITIES, startServer, type TestServer } from './harness';

const HEAD = '<!-- scenario: model.scenario -->\n';
const MODEL = 'outcome trade_up "US–Pakistan trade grows" {\n  base 70%\n}\n';

let server: TestServer;
let folder: string;
let scenario: string;
let count = 0;

/** Opens a Markdown draft in the folder (next to model.scenario) and returns its URI. */
function draft(text: string, languageId = 'markdown'): string {
  return server.open(pathToFileURL(join(folder, `bad-${++count}.md`)).href, text, 1, languageId);
}

const textOf = (uri: string, d: { range: Range }) => server.document(uri).getText(d.range);

/** The server still answers: a hover on a .scenario file explains its factor. */
async function stillServing(): Promise<void> {
  expect(server.exited).toBeNull();
  const hover = await server.hover(scenario, server.positionAt(scenario, server.text(scenario).indexOf('rapport raises') + 2));
  expect(JSON.stringify(hover)).toContain('rapport');
}

beforeAll(async () => {
  server = await startServer();
  folder = mkdtempSync(join(tmpdir(), 'scenario-prose-bad-'));
  writeFileSync(join(folder, 'model.scenario'), MODEL);
  void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: pathToFileURL(folder).href, name: basename(folder) }], removed: [] },
  });
  scenario = server.open('prose-bad-input.scenario', SAMPLE);
  await server.waitForVersion(scenario, 1);
});

afterAll(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('bad input in a draft', () => {
  it('a 5 MB text: one warning that it is too large to check, on its first line', async () => {
    const sentence = 'The US may adopt a new approach toward Pakistan this year. ';
    const uri = draft(HEAD + sentence.repeat(Math.ceil(5_000_000 / sentence.length)));
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/too large to check \(5\.0 million characters; at most 2 million\)/);
    expect(ds[0]!.range.start).toEqual({ line: 0, character: 0 });
    expect(await server.hover(uri, { line: 1, character: 10 })).toBeNull();
    // An edit is taken (and refused again) without reading the text.
    const version = server.edit(uri, HEAD.length, HEAD.length, 'It may rain. ');
    expect((await server.waitForVersion(uri, version))[0]!.message).toMatch(/too large/);
    await stillServing();
    server.close(uri);
  });

  it('a binary file that names a model: one warning, no checks', async () => {
    const uri = draft(`${HEAD}\u0000\u0001PK\u0003\u0004 may \u0000\u00ff`.repeat(50));
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(ds.map((d) => d.message)).toEqual(['This draft is not checked: this looks like a binary file, not prose.']);
    await stillServing();
    server.close(uri);
  });

  it('a binary file that names no model: nothing at all', async () => {
    const uri = draft('\u0000\u0001PK\u0003\u0004 may \u0000'.repeat(50));
    const barrier = draft(`${HEAD}It may rain.\n`);
    await server.waitForDiagnostics(barrier, (d) => d.length === 1); // handled after the binary file
    expect(server.publishes.some((p) => p.uri === uri)).toBe(false);
    server.close(uri);
    server.close(barrier);
  });

  it('a file with no sentences: no diagnostics', async () => {
    const uri = draft(`${HEAD}\n\n   \n---\n\n***\n\n|  |  |\n`);
    expect(await server.waitForDiagnostics(uri)).toEqual([]);
    const empty = draft(HEAD);
    expect(await server.waitForDiagnostics(empty)).toEqual([]);
    await stillServing();
  });

  it('right-to-left and mixed scripts: the English hedge is found, Arabic and Hebrew cost nothing', async () => {
    const arabic = 'من المرجح أن تتحسن العلاقات الاقتصادية بين الولايات المتحدة وباكستان.';
    const hebrew = 'ייתכן שהיחסים ישתפרו בשנה הבאה.';
    const mixed = `${HEAD}${arabic} ${hebrew}\n\nThe US may adopt a new approach (\u202Eتغيير\u202C) toward 巴基斯坦, \`trade_up\` included.\n`;
    const uri = draft(mixed);
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(ds.map((d) => [d.code, textOf(uri, d)])).toEqual([['prose-hedge', 'may']]);
    const only = draft(`${HEAD}${arabic}\n${hebrew}\n`);
    expect(await server.waitForDiagnostics(only)).toEqual([]);
    // A mention among them still has its hover, once the model is read from disk (the hedge
    // needs no model, so its diagnostic can come first on a loaded machine).
    let hover = null;
    for (let tries = 0; tries < 100 && !JSON.stringify(hover).includes('trade_up'); tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      hover = await server.hover(uri, server.positionAt(uri, mixed.indexOf('trade_up')));
    }
    expect(JSON.stringify(hover)).toContain('trade_up');
    await stillServing();
  });

  it('a sentence of 10,000 words: the hedges of its first 400 words, and the server keeps serving', async () => {
    const words = Array.from({ length: 10_000 }, (_, i) => (i % 100 === 50 ? 'may' : 'word'));
    const uri = draft(`${HEAD}${words.join(' ')}.\n`);
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(ds.map((d) => d.code)).toEqual(['prose-hedge', 'prose-hedge', 'prose-hedge', 'prose-hedge']);
    await stillServing();
    // Typing in it re-reads that paragraph only, and is answered.
    const version = server.edit(uri, HEAD.length, HEAD.length, 'It could rain. ');
    expect(await server.waitForVersion(uri, version)).toHaveLength(5);
    await stillServing();
  });
});

describe('what the server offers a Markdown file', () => {
  it('registers every feature but hover and quick fixes for .scenario files only when it can register dynamically', async () => {
    const textDocument = Object.fromEntries(['completion', 'definition', 'references', 'rename', 'documentSymbol', 'formatting', 'codeLens']
      .map((f) => [f, { ...(DEFAULT_CAPABILITIES.textDocument as Record<string, object>)[f], dynamicRegistration: true }]));
    const dynamic = await startServer({ capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, ...textDocument } } });
    try {
      const registered: Registration[] = [];
      dynamic.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
        registered.push(...p.registrations);
        return null;
      });
      const capabilities = dynamic.initializeResult!.capabilities;
      for (const provider of ['completionProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider',
        'documentFormattingProvider', 'codeLensProvider'] as const) {
        expect(capabilities[provider], provider).toBeUndefined();
      }
      expect(capabilities.hoverProvider).toBe(true);
      expect(capabilities.codeActionProvider).toBeTruthy();
      for (const provider of ['semanticTokensProvider', 'foldingRangeProvider', 'inlayHintProvider'] as const) {
        const selector = (capabilities[provider] as { documentSelector: { language: string }[] }).documentSelector;
        expect(selector.map((f) => f.language), provider).toEqual(['scenario', 'scenario']);
      }
      const uri = dynamic.open('registrations.scenario', SAMPLE);
      await dynamic.waitForVersion(uri, 1);
      // The registrations were sent on `initialized`, before the diagnostics of this document.
      const methods = registered.map((r) => r.method);
      expect(methods).toEqual(expect.arrayContaining(['textDocument/completion', 'textDocument/definition', 'textDocument/references',
        'textDocument/rename', 'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/codeLens']));
      for (const r of registered.filter((x) => x.method.startsWith('textDocument/'))) {
        const selector = (r.registerOptions as { documentSelector: { language: string }[] }).documentSelector;
        expect(selector.every((f) => f.language === 'scenario'), r.method).toBe(true);
      }
    } finally {
      await dynamic.stop();
    }
  });
});

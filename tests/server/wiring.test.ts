// server.ts wiring: every advertised capability is routed to its feature and answered through the
// protocol on a real document, with the document's latest edit visible to the very next request.
// (The features' own behaviour is tested in tests/features.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocumentSyncKind } from 'vscode-languageserver';
import { SAMPLE } from './models';
import { fixture } from '../fixture';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const MARKED = SAMPLE
  .replace('factor rapport "Trump', 'factor <|>rapport "Trump')
  .replace('  rapport raises moderately', '  rapp<|>ort raises moderately')
  .replace('  attack raises x5..12', '  <|>');
const { text, cursors } = fixture(MARKED);
const [declaration, use, blank] = cursors as [typeof cursors[0], typeof cursors[0], typeof cursors[0]];

describe('capabilities', () => {
  it('advertises incremental sync and every feature', () => {
    const capabilities = server.initializeResult!.capabilities;
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
    for (const provider of ['hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider', 'renameProvider',
      'documentSymbolProvider', 'semanticTokensProvider', 'foldingRangeProvider', 'documentFormattingProvider',
      'codeActionProvider', 'inlayHintProvider', 'codeLensProvider'] as const) {
      expect(capabilities[provider], provider).toBeTruthy();
    }
  });

  it('routes each request to its feature', async () => {
    const uri = server.open('wiring.scenario', text);
    await server.waitForVersion(uri, 1);

    const hover = await server.hover(uri, use);
    expect(JSON.stringify(hover)).toContain('Trump and Khan keep a positive relationship');

    const definition = await server.definition(uri, use);
    const target = Array.isArray(definition) ? definition[0] : definition;
    expect(target?.range.start).toEqual(declaration);

    const references = await server.references(uri, declaration, true);
    expect(references!.length).toBeGreaterThanOrEqual(3); // declaration, driver line, alternative

    expect(await server.prepareRename(uri, use)).toBeTruthy();
    const edit = await server.rename(uri, use, 'relationship');
    expect(JSON.stringify(edit)).toContain('relationship');

    const completion = await server.completion(uri, blank);
    const items = Array.isArray(completion) ? completion : completion!.items;
    expect(items.map((i) => i.label)).toContain('attack');

    const symbols = await server.documentSymbols(uri);
    expect(symbols!.map((s) => s.name)).toEqual(expect.arrayContaining(['crisis', 'rapport', 'democracy_push']));

    const tokens = await server.semanticTokens(uri);
    expect(tokens!.data.length % 5).toBe(0);
    expect(tokens!.data.length).toBeGreaterThan(0);

    expect((await server.foldingRanges(uri))!.length).toBeGreaterThanOrEqual(8);
    expect(Array.isArray(await server.format(uri))).toBe(true);
    expect((await server.codeLenses(uri))!.length).toBeGreaterThanOrEqual(1);
  });

  it('passes a refused rename to the client as an error, not an empty answer', async () => {
    const uri = server.open('rename-refused.scenario', text);
    await server.waitForVersion(uri, 1);
    await expect(server.rename(uri, use, 'crisis')).rejects.toMatchObject({ message: expect.stringContaining('crisis') });
    await expect(server.rename(uri, use, 'likely')).rejects.toBeTruthy();
  });

  it('answers quick fixes from the published diagnostics', async () => {
    const uri = server.open('actions.scenario', text.replace('  crisis raises weakly', '  crisiss raises weakly'));
    const diagnostics = await server.waitForVersion(uri, 1);
    const unknown = diagnostics.find((d) => d.code === 'unknown-name')!;
    const actions = await server.codeActions(uri, unknown.range, [unknown]);
    expect(JSON.stringify(actions)).toContain('"newText":"crisis"');
  });

  it('shows inlay hints with the forecast once it is in', async () => {
    const uri = server.open('hints.scenario', text);
    await server.forecast(uri);
    const hints = await server.inlayHints(uri);
    expect(hints!.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(hints)).toMatch(/%/);
  });

  it('answers a request right after an edit from the edited text', async () => {
    const uri = server.open('fresh-state.scenario', text);
    await server.waitForVersion(uri, 1);
    server.replace(uri, '"Trump and Khan keep a positive relationship"', '"A freshly edited label"');
    const hover = await server.hover(uri, use); // no wait: the edit must already count
    expect(JSON.stringify(hover)).toContain('A freshly edited label');
  });
});

describe('transports', () => {
  it('speaks node IPC as well (the VS Code extension starts it that way)', async () => {
    const ipc = await startServer({ transport: 'ipc' });
    try {
      const uri = ipc.open('ipc.scenario', 'factor lonely {\n  probability 20%\n}\n');
      expect((await ipc.waitForVersion(uri, 1)).map((d) => d.code)).toEqual(['unused']);
      expect((await ipc.forecast(uri)).notice).toBeNull();
    } finally {
      await ipc.stop();
    }
  });
});

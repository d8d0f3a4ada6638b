// Imports in the language server, through the real protocol (LANGUAGE.md, Imports): a file's
// imports are read from open editors first, then the disk; when an imported file changes in an
// editor, is closed, or changes on disk, every open file that imports it is checked again.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'scenario-lsp-imports-')));
const write = (relative: string, text: string) => {
  mkdirSync(dirname(join(root, relative)), { recursive: true });
  writeFileSync(join(root, relative), text);
};
const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;

const LIB = 'factor crisis {\n  probability almost certain\n}\n\nfactor rapport {\n  probability likely\n}\n';
const Q = 'import "lib/base.scenario"\n\noutcome push {\n  base 20%\n  crisis raises moderately\n  rapport raises weakly\n}\n';

let server: TestServer;
beforeAll(async () => {
  write('lib/base.scenario', LIB);
  write('q.scenario', Q);
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

const codes = (uri: string) => server.latestPublish(uri)?.diagnostics.map((d) => d.code);

describe('imports in the editor', () => {
  it('reads an import from the disk: the importing file checks clean and is forecast with the imported factors', async () => {
    const q = server.open(uriOf('q.scenario'), Q);
    expect(await server.waitForVersion(q)).toEqual([]);
    const { forecast } = await server.waitForForecast(q, (r) => r.forecast !== null);
    expect(forecast!.outcomes.map((o) => o.name)).toEqual(['push']);
    expect(forecast!.inputs.map((i) => [i.name, i.origin])).toEqual([['crisis', 'lib/base.scenario'], ['rapport', 'lib/base.scenario']]);
    expect(forecast!.outcomes[0]!.origin).toBeUndefined();
  });

  it('reads an open editor before the disk, and checks the importer again as the library is edited', async () => {
    const q = uriOf('q.scenario');
    const lib = server.open(uriOf('lib/base.scenario'), LIB);
    await server.waitForVersion(lib);
    server.replace(lib, 'factor rapport', 'factor rapport_gone');
    const diagnostics = await server.waitForDiagnostics(q, (ds) => ds.some((d) => d.code === 'unknown-name'));
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['unknown-name', 5]]);
    // Closing the library's editor: the disk's version is read again.
    server.close(lib);
    await server.waitForDiagnostics(q, (ds) => ds.length === 0);
  });

  it('checks the importer again when the library changes on disk (the client\'s file watcher)', async () => {
    const q = uriOf('q.scenario');
    write('lib/base.scenario', `${LIB}\nfactor broken {\n  probability maybe\n}\n`);
    server.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('lib/base.scenario'), type: 2 }] });
    const diagnostics = await server.waitForDiagnostics(q, (ds) => ds.some((d) => d.code === 'import-errors'));
    const [error] = diagnostics;
    expect(error!.range.start).toEqual({ line: 0, character: 7 });
    // Related information points into the library, where the error is.
    expect(error!.relatedInformation![0]!.location.uri).toBe(uriOf('lib/base.scenario'));
    expect(error!.relatedInformation![0]!.location.range.start.line).toBe(9);
    write('lib/base.scenario', LIB);
    server.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('lib/base.scenario'), type: 2 }] });
    await server.waitForDiagnostics(q, (ds) => ds.length === 0);
  });

  it('an unsaved file cannot read its imports, and says so', async () => {
    const untitled = server.open('untitled:Untitled-1', Q);
    await server.waitForVersion(untitled);
    expect(codes(untitled)).toEqual(['import-not-found']);
    expect(server.latestPublish(untitled)!.diagnostics[0]!.message).toMatch(/^Imports are not read here/);
  });
});

describe('editor features across files', () => {
  const Q2 = 'import "lib/base.scenario"\n\noutcome trade {\n  base 30%\n  crisis raises weakly\n}\n';
  beforeAll(() => write('q2.scenario', Q2));

  it('goes to the declaration in the imported file, and hovers name it', async () => {
    const q = uriOf('q.scenario');
    const at = server.text(q).indexOf('crisis raises');
    const location = await server.definition(q, server.positionAt(q, at));
    expect(location).toEqual({ uri: uriOf('lib/base.scenario'), range: { start: { line: 0, character: 7 }, end: { line: 0, character: 13 } } });
    const hover = await server.hover(q, server.positionAt(q, at));
    expect(JSON.stringify(hover?.contents)).toMatch(/Declared in\* lib\/base\.scenario/);
  });

  it('completes imported names in a driver line, marked with their file', async () => {
    const q = uriOf('q.scenario');
    server.replace(q, 'outcome push {', 'outcome other {\n  base 10%\n  \n}\n\noutcome push {');
    await server.waitForVersion(q);
    const at = server.text(q).indexOf('  \n') + 2;
    const items = await server.completion(q, server.positionAt(q, at));
    const list = Array.isArray(items) ? items : items?.items ?? [];
    expect(list.filter((i) => ['crisis', 'rapport'].includes(i.label)).map((i) => [i.label, i.labelDetails?.description])).toEqual([
      ['crisis', 'factor · lib/base.scenario'], ['rapport', 'factor · lib/base.scenario'],
    ]);
    server.replace(q, 'outcome other {\n  base 10%\n  \n}\n\n', '');
    await server.waitForVersion(q);
  });

  it('links an import path to its file', async () => {
    const q = uriOf('q.scenario');
    const links = await server.request<{ range: unknown; target: string }[]>('textDocument/documentLink', { textDocument: { uri: q } });
    expect(links).toEqual([{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 25 } }, target: uriOf('lib/base.scenario'), tooltip: 'Open lib/base.scenario' }]);
  });

  it('finds references in every file that imports the name, open or not, and renames them all', async () => {
    const q = uriOf('q.scenario');
    const at = server.positionAt(q, server.text(q).indexOf('crisis raises'));
    const refs = (await server.references(q, at, true)) ?? [];
    expect(refs.map((r) => `${r.uri.slice(pathToFileURL(root).href.length + 1)}:${r.range.start.line}`).sort()).toEqual([
      'lib/base.scenario:0', 'q.scenario:4', 'q2.scenario:4',
    ]);
    const edit = await server.rename(q, at, 'unrest');
    const changes = (edit as { changes: Record<string, { newText: string }[]> }).changes;
    expect(Object.keys(changes).map((u) => u.slice(pathToFileURL(root).href.length + 1)).sort()).toEqual(['lib/base.scenario', 'q.scenario', 'q2.scenario']);
    expect(Object.values(changes).flat().every((e) => e.newText === 'unrest')).toBe(true);
    // A name taken in one of those files is refused before anything is edited.
    await expect(server.rename(q, at, 'rapport')).rejects.toThrow(/already/);
  });

  it('lists the workspace\'s factors, events and outcomes as symbols', async () => {
    const symbols = await server.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'crisis' });
    expect(symbols.filter((s) => s.location.uri === uriOf('lib/base.scenario')).map((s) => s.name)).toEqual(['crisis']);
  });
});

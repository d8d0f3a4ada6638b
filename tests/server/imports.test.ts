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
    expect(forecast!.inputs.map((i) => i.name)).toEqual(['crisis', 'rapport']);
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

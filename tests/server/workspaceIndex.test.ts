// The workspace index through the real protocol (issue 14): the first request that reads the whole
// workspace reports work-done progress (the request's own workDoneToken, else a progress the
// server creates), a library's factor that only its importers use is not `unused` (the index is
// read in the background for it), and a workspace with more files than the index reads says so
// once.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES, startServer, type TestServer } from './harness';
import { EditorImports } from '../../server/src/analysis/editorImports';
import { WorkspaceIndex } from '../../server/src/session/workspaceIndex';

const LIB = 'factor crisis {\n  probability almost certain\n}\n\nfactor rapport {\n  probability likely\n}\n\nfactor spare {\n  probability 50%\n}\n';
const question = (n: number, uses: string) =>
  `import "../lib/base.scenario"\n\noutcome o${n} {\n  base 20%\n  ${uses} raises moderately\n}\n`;
const CAPABILITIES = { ...DEFAULT_CAPABILITIES, window: { workDoneProgress: true } };

const made: string[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A workspace folder: the library, `questions` files importing it (the first uses crisis, the others rapport). */
function workspace(questions: number): { root: string; uri: (relative: string) => string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'scenario-lsp-index-')));
  made.push(root);
  const write = (relative: string, text: string) => {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  };
  write('lib/base.scenario', LIB);
  for (let n = 0; n < questions; n++) write(`q/q${String(n).padStart(4, '0')}.scenario`, question(n, n === 0 ? 'crisis' : 'rapport'));
  return { root, uri: (relative) => pathToFileURL(join(root, relative)).href };
}

async function serverIn(root: string): Promise<TestServer> {
  const server = await startServer({ workspaceFolders: [root], capabilities: CAPABILITIES });
  servers.push(server);
  return server;
}

const kinds = (server: TestServer, token: string | number) => server.workDone.filter((p) => p.token === token).map((p) => p.value.kind);

describe('the workspace index', () => {
  it('reports progress on the request\'s own token while the first workspace-wide request reads the files, and none later', async () => {
    // Enough files that reading them takes longer than the 150 ms after which progress shows,
    // even on a fast machine (400 did not, on a quiet one).
    const { root, uri } = workspace(1_500);
    const server = await serverIn(root);
    const symbols = await server.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'crisis', workDoneToken: 'first' });
    expect(symbols.map((s) => s.location.uri)).toEqual([uri('lib/base.scenario')]);
    const first = kinds(server, 'first');
    expect(first[0]).toBe('begin');
    expect(first.at(-1)).toBe('end');
    const begin = server.workDone.find((p) => p.token === 'first')!.value;
    expect(begin.title).toBe('Scenario: reading the workspace');
    expect(begin.message).toMatch(/^[\d,]+ of 1,501 \.scenario files$/);
    // The request brought its own token: the server created none.
    expect(server.progressTokens).toEqual([]);
    // Read once: the next request reads nothing new and reports no progress.
    const started = performance.now();
    await server.request('workspace/symbol', { query: 'rapport', workDoneToken: 'second' });
    const secondMs = performance.now() - started;
    expect(kinds(server, 'second')).toEqual([]);
    console.log(`workspace index of 1,501 files: second workspace/symbol ${secondMs.toFixed(0)} ms`);
  });

  it('a library opened alone: factors only its importers use are not unused (the index read in the background, with progress)', async () => {
    const { root, uri } = workspace(1_000);
    const server = await serverIn(root);
    const lib = server.open(uri('lib/base.scenario'), LIB);
    const unused = (ds: { code?: unknown; range: { start: { line: number } } }[]) => ds.filter((d) => d.code === 'unused').map((d) => d.range.start.line);
    // At first every factor is unused (nothing read yet); once the index is read only `spare` is.
    const diagnostics = await server.waitForDiagnostics(lib, (ds) => unused(ds).length === 1);
    expect(unused(diagnostics)).toEqual([8]);
    // The progress the server created for it, begun and ended.
    expect(server.progressTokens.length).toBe(1);
    const token = server.progressTokens[0]!;
    await server.waitFor(() => kinds(server, token).at(-1) === 'end' || undefined, 'the end of the progress');
    expect(kinds(server, token)[0]).toBe('begin');
  });

  it('an open importer counts as edited: using `spare` there clears its hint in the library, and dropping it brings the hint back', async () => {
    const { root, uri } = workspace(3);
    const server = await serverIn(root);
    const lib = server.open(uri('lib/base.scenario'), LIB);
    const unusedLines = (ds: { code?: unknown; range: { start: { line: number } } }[]) => ds.filter((d) => d.code === 'unused').map((d) => d.range.start.line);
    await server.waitForDiagnostics(lib, (ds) => unusedLines(ds).join() === '8');
    const q = server.open(uri('q/q0001.scenario'), question(1, 'rapport'));
    await server.waitForVersion(q);
    server.replace(q, 'rapport raises', 'spare raises');
    await server.waitForDiagnostics(lib, (ds) => unusedLines(ds).length === 0);
    // The edit is not saved: once the editor is closed, the disk's text counts again.
    server.close(q);
    await server.waitForDiagnostics(lib, (ds) => unusedLines(ds).join() === '8');
  });

  it('says once that a workspace holds more files than the index reads', async () => {
    const { root } = workspace(2_001);
    const server = await serverIn(root);
    await server.request('workspace/symbol', { query: 'crisis' });
    await server.request('workspace/symbol', { query: 'crisis' });
    const warnings = server.messages.filter((m) => m.type === 2);
    expect(warnings.length).toBe(1);
    expect(warnings[0]!.message).toMatch(/^The workspace holds 2,002 \.scenario files: references, rename, workspace symbols and unused hints read the first 2,000 \(in path order\) and not the other 2/);
    expect(server.logs.some((l) => l.includes('The workspace holds 2,002 .scenario files'))).toBe(true);
    // No request brought a token: the server created a progress for the first reading.
    expect(server.progressTokens.length).toBe(1);
  }, 60_000);
});

describe('what a reading analyses', () => {
  it('for the hints, only the files that import something; for a workspace-wide request, every file', async () => {
    const { root } = workspace(2);
    const standalone = Array.from({ length: 5 }, (_, n) => join(root, 'solo', `s${n}.scenario`));
    mkdirSync(join(root, 'solo'));
    // `import` in a note is no import declaration: the scan knows strings.
    for (const file of standalone) writeFileSync(file, 'factor a {\n  probability 40%\n  note "import nothing"\n}\n');
    const imports = new EditorImports(() => root);
    const analysed: string[] = [];
    let indexed = () => {};
    const read = new Promise<void>((resolve) => (indexed = resolve));
    const index = new WorkspaceIndex({
      list: () => imports.workspaceList([root]),
      read: (file) => {
        analysed.push(file.slice(root.length + 1));
        return imports.indexed(file);
      },
      imports: (file) => imports.imports(file),
      progress: async () => null,
      warn: () => {},
      log: () => {},
      indexed: () => indexed(),
    });
    index.want();
    await read;
    expect(analysed).toEqual(['q/q0000.scenario', 'q/q0001.scenario']);
    // What the importers use of the library is known from those two alone.
    expect([...index.drivenElsewhere(join(root, 'lib', 'base.scenario'), new Set())].sort()).toEqual(['crisis', 'rapport']);
    analysed.length = 0;
    const all = await index.files();
    expect(all.length).toBe(8);
    expect(analysed.length).toBe(8);
  });
});

// Completion inside an import's path, through the real protocol (issue 14): the .scenario files
// and folders relative to the file, inside the workspace folder and never outside it (symbolic
// links judged by where they lead), not the file itself nor a file already imported; a quote, a
// slash and the space after `import` ask for it, and ask for nothing elsewhere.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { fixture } from '../fixture';
import { startServer, type TestServer } from './harness';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'scenario-lsp-paths-')));
const root = join(base, 'ws');
const outside = join(base, 'outside');
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;
const FACTOR = 'factor f {\n  probability 50%\n}\n';

let server: TestServer;
beforeAll(async () => {
  write(join(root, 'lib/base.scenario'), FACTOR);
  write(join(root, 'lib/other.scenario'), FACTOR);
  write(join(root, 'lib/notes.txt'), 'not a model');
  write(join(root, 'lib/.hidden/x.scenario'), FACTOR);
  write(join(root, 'lib/sub/deep.scenario'), FACTOR);
  write(join(root, 'top.scenario'), FACTOR);
  write(join(outside, 'secret.scenario'), FACTOR);
  symlinkSync(join(outside, 'secret.scenario'), join(root, 'lib/escape.scenario'));
  symlinkSync(outside, join(root, 'lib/away'));
  symlinkSync(join(root, 'lib/other.scenario'), join(root, 'lib/alias.scenario'));
  server = await startServer({ workspaceFolders: [root] });
});
afterAll(async () => {
  await server.stop();
  rmSync(base, { recursive: true, force: true });
});

const list = (items: CompletionItem[] | { items: CompletionItem[] } | null) => (Array.isArray(items) ? items : items?.items ?? []);

/** Opens `text` (with a `<|>` cursor) as the file `relative` and asks for completion there. */
async function complete(relative: string, text: string, trigger?: string): Promise<CompletionItem[]> {
  const { text: source, cursors } = fixture(text);
  const uri = server.open(uriOf(relative), source);
  await server.waitForVersion(uri);
  const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
  const items = list(await server.request('textDocument/completion', { textDocument: { uri }, position: cursors[0]!, context }));
  server.close(uri);
  return items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion of import paths', () => {
  it('offers the folder\'s .scenario files and folders, not the imported file, other files, hidden ones or links out of the root', async () => {
    const items = await complete('q.scenario', 'import "lib/base.scenario"\nimport "lib/<|>"\n', '/');
    expect(labels(items)).toEqual(['alias.scenario', 'other.scenario', 'sub/']);
    const other = items.find((i) => i.label === 'other.scenario')!;
    expect(other.kind).toBe(17); // File
    expect(other.detail).toBe('lib/other.scenario');
    expect(other.textEdit).toEqual({ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, newText: 'other.scenario' });
    const sub = items.find((i) => i.label === 'sub/')!;
    expect(sub.kind).toBe(19); // Folder
    expect(sub.command?.command).toBe('editor.action.triggerSuggest');
  });

  it('replaces the segment at the cursor and closes an open quote', async () => {
    const typed = (await complete('q.scenario', 'import "lib/ot<|>her.scen"\n')).find((i) => i.label === 'other.scenario');
    expect(typed!.textEdit).toEqual({ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 22 } }, newText: 'other.scenario' });
    const open = await complete('q.scenario', 'import "lib/<|>\n');
    expect(open.find((i) => i.label === 'base.scenario')!.textEdit!.newText).toBe('base.scenario"');
  });

  it('never offers this file itself; from the root\'s top, the folders and the files beside it', async () => {
    const items = await complete('top.scenario', 'import "<|>"\n', '"');
    expect(labels(items)).toEqual(['lib/']);
    expect(labels(await complete('q.scenario', 'import "<|>"\n', '"'))).toEqual(['lib/', 'top.scenario']);
  });

  it('goes up with ../ inside the root, never above it', async () => {
    const up = await complete('lib/sub/deep2.scenario', 'import "../<|>"\n', '/');
    expect(labels(up)).toEqual(['alias.scenario', 'base.scenario', 'other.scenario', 'sub/']);
    expect(labels(await complete('lib/sub/deep2.scenario', 'import "../../<|>"\n', '/'))).toEqual(['lib/', 'top.scenario']);
    expect(await complete('lib/sub/deep2.scenario', 'import "../../../<|>"\n', '/')).toEqual([]);
    expect(await complete('q.scenario', 'import "../<|>"\n', '/')).toEqual([]);
    expect(await complete('q.scenario', 'import "/<|>"\n', '/')).toEqual([]);
  });

  it('after `import ` offers them with their quotes', async () => {
    const items = await complete('q.scenario', 'import <|>\n', ' ');
    expect(items.map((i) => i.textEdit!.newText)).toEqual(['"lib/', '"top.scenario"']);
  });

  it('a quote or a slash elsewhere asks for nothing; an unsaved document gets no paths', async () => {
    expect(await complete('q.scenario', 'factor f "a<|>" {\n  probability 50%\n}\n', '"')).toEqual([]);
    expect(await complete('q.scenario', 'factor f {\n  probability 50%\n}\n/<|>\n', '/')).toEqual([]);
    const { text, cursors } = fixture('import "<|>"\n');
    const untitled = server.open('untitled:Untitled-3', text);
    await server.waitForVersion(untitled);
    expect(list(await server.request('textDocument/completion', { textDocument: { uri: untitled }, position: cursors[0]!, context: { triggerKind: 2, triggerCharacter: '"' } }))).toEqual([]);
  });

  it('lists the trigger characters', () => {
    expect(server.initializeResult!.capabilities.completionProvider?.triggerCharacters ?? []).toEqual(expect.arrayContaining([' ', '"', '/']));
  });
});

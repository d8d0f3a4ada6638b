// The workspace listing of analysis/editorImports.ts: listed once and reused, listed again after a
// file event, and, without one, once it is older than MAX_LISTING_AGE_MS (events can come late).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorImports, MAX_LISTING_AGE_MS } from '../../server/src/analysis/editorImports';
import { diskImportHost } from '../../server/src/model/imports/diskHost';
import type { ImportHost } from '../../server/src/model/imports/host';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'scenario-listing-'));
  folders.push(root);
  mkdirSync(join(root, 'lib'));
  writeFileSync(join(root, 'question.scenario'), 'factor a { probability 50% }\n');
  return root;
}

const names = (listed: { files: readonly string[] }, root: string) => listed.files.map((f) => f.slice(root.length + 1));

describe('workspace listing', () => {
  it('is reused while young, and made again once older than MAX_LISTING_AGE_MS without any file event', () => {
    const root = workspace();
    let clock = 1_000;
    const imports = new EditorImports(() => root, undefined, () => clock);
    expect(names(imports.workspaceList([root]), root)).toEqual(['question.scenario']);
    // A library written to disk; its file event has not come.
    writeFileSync(join(root, 'lib', 'base.scenario'), 'factor b { probability 40% }\n');
    clock += MAX_LISTING_AGE_MS;
    expect(names(imports.workspaceList([root]), root)).toEqual(['question.scenario']);
    clock += 1;
    const listed = imports.workspaceList([root]);
    expect(names(listed, root)).toEqual(['lib/base.scenario', 'question.scenario']);
    expect(listed.total).toBe(2);
  });

  it('is made again at once after a file event (a file closed or changed on disk)', () => {
    const root = workspace();
    const imports = new EditorImports(() => root, undefined, () => 0);
    imports.workspaceList([root]);
    writeFileSync(join(root, 'lib', 'base.scenario'), 'factor b { probability 40% }\n');
    imports.changed(join(root, 'lib', 'base.scenario'), null);
    expect(names(imports.workspaceList([root]), root)).toEqual(['lib/base.scenario', 'question.scenario']);
  });
});

describe('whether a file imports anything', () => {
  it('is read and scanned once for a file without an import, and again only after the file changes', () => {
    const root = workspace();
    const reads: string[] = [];
    const counting: ImportHost = { ...diskImportHost, read: (path) => (reads.push(path), diskImportHost.read(path)) };
    const imports = new EditorImports(() => root, counting);
    const question = join(root, 'question.scenario');
    expect(imports.imports(question)).toBe(false);
    expect(imports.imports(question)).toBe(false);
    expect(reads.length).toBe(1);
    writeFileSync(question, 'import "lib/base.scenario"\n');
    imports.changed(question, null);
    expect(imports.imports(question)).toBe(true);
    expect(reads.length).toBe(2);
    // Handed to its graph with that text: analysing it reads the question no more.
    writeFileSync(join(root, 'lib', 'base.scenario'), 'factor b { probability 40% }\n');
    expect(imports.indexed(question)).not.toBeNull();
    expect(reads.filter((p) => p.endsWith('question.scenario')).length).toBe(2);
  });
});

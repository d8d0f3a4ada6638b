// Imports as the language server reads them (LANGUAGE.md, Imports): open editors first, then the
// disk, inside the workspace folder that holds the file (a file in no folder: its own folder). One
// import graph per folder, read lazily (only what open files import, directly or not) and bounded:
// past MAX_KEPT_FILES files read, what is kept is dropped and read again on demand.
import * as nodePath from 'node:path';
import { scenarioFiles } from '../history/records';
import type { ScenarioDocument } from '../syntax/ast';
import { scanDocument } from '../syntax/scan';
import { diskImportHost } from '../model/imports/diskHost';
import { overlayHost, type ImportHost } from '../model/imports/host';
import type { ImportContext } from '../model/imports/types';
import { ImportGraph, MAX_IMPORTED_FILES, type ModelFile } from './importGraph';

/** How many files the graphs keep read at most, together (a few models at their bound). */
export const MAX_KEPT_FILES = 4 * MAX_IMPORTED_FILES;

/** How many files of the workspace references, rename and workspace symbols read at most. */
export const MAX_INDEXED_FILES = 2_000;

/**
 * How old a listing of the workspace may be when a request reads it: file events, which also
 * renew it, can come late or not at all (a file written by a script just before a rename, a
 * watcher that dropped events), and listing again costs a walk of the folders' directories.
 */
export const MAX_LISTING_AGE_MS = 2_000;

/** How messages name the root in the editor. */
export const WORKSPACE_ROOT_NAME = 'the workspace folder';

export class EditorImports {
  /** Open editors' texts by real path. */
  private readonly open = new Map<string, string>();
  private readonly graphs = new Map<string, ImportGraph>();
  private readonly host: ImportHost;

  constructor(
    /** The workspace folder that holds a file, or null when none does. */
    private readonly folderOf: (file: string) => string | null,
    private readonly base: ImportHost = diskImportHost,
    /** The clock the listing's age is read from (the tests move it). */
    private readonly now: () => number = Date.now,
  ) {
    this.host = overlayHost(base, (p) => this.open.get(p));
  }

  /**
   * What the imports of an open document resolved to, with its text and syntax tree as the editor
   * has them; undefined when it imports nothing (nothing to read).
   */
  contextFor(file: string, text: string, document: ScenarioDocument): ImportContext | undefined {
    return this.modelFile(file, text, document)?.context;
  }

  /** The open document analysed with its imports (its graph's view of it), or undefined without imports. */
  modelFile(file: string, text: string, document: ScenarioDocument): ModelFile | undefined {
    if (!document.declarations.some((d) => d.kind === 'import')) return undefined;
    const real = this.real(file);
    this.open.set(real, text);
    const read = this.graphOf(real).file(real, { text, document });
    this.trim();
    return 'analysis' in read ? read : undefined;
  }

  /**
   * The .scenario files of these folders (recursively, in path order), at most MAX_INDEXED_FILES
   * of them, and how many there are in all: for references, rename and workspace symbols across
   * files (session/workspaceIndex.ts reads them, one by one, with `indexed`). Listed on first use;
   * listed again after a file changes on disk or closes (it may be new or gone), and once the
   * listing is older than MAX_LISTING_AGE_MS.
   */
  workspaceList(folders: readonly string[]): { files: readonly string[]; total: number } {
    const key = folders.join('\n');
    const now = this.now();
    if (this.listed?.key !== key || now - this.listed.at > MAX_LISTING_AGE_MS) {
      const all = scenarioFiles(folders).files;
      this.listed = { key, at: now, files: all.slice(0, MAX_INDEXED_FILES), total: all.length };
    }
    return this.listed;
  }

  /** One file of the workspace analysed with its imports (read now unless known), or null when it cannot be read. */
  indexed(file: string): ModelFile | null {
    const real = this.real(file);
    const read = this.graphOf(real).file(real);
    this.trim();
    return 'analysis' in read ? read : null;
  }

  /**
   * Whether a file (an open editor's text, else the disk's) has an import declaration: known
   * from its graph when read already, else by the top-level scan alone (syntax/scan.ts), and a
   * file that has one is handed to its graph with the text read, to be analysed without a second
   * read. True for a file that cannot be read: `indexed` says why.
   */
  imports(file: string): boolean {
    const real = this.real(file);
    if (this.withoutImports.has(real)) return false;
    const graph = this.graphOf(real);
    const known = graph.importsOf(real);
    if (known !== undefined) return known;
    const read = this.host.read(real);
    if (!('text' in read)) return true;
    if (!scanDocument(read.text).chunks.some((chunk) => chunk.keyword === 'import')) {
      this.withoutImports.add(real);
      return false;
    }
    graph.learn(real, read.text);
    return true;
  }

  /**
   * Files `imports` found without an import, so that the next reading for hints (after every
   * change on disk) does not read them again; a file is dropped from it when it changes, as the
   * graphs forget it.
   */
  private readonly withoutImports = new Set<string>();

  private listed: { key: string; at: number; files: string[]; total: number } | null = null;

  /** An editor opened or changed a file: the files that import it are read again. Returns their paths. */
  changed(file: string, text: string | null): Set<string> {
    const real = this.real(file);
    this.withoutImports.delete(real);
    if (text === null) this.listed = null;
    if (text === null) this.open.delete(real);
    else this.open.set(real, text);
    const importers = new Set<string>();
    for (const graph of this.graphs.values()) {
      for (const p of graph.importersOf(real)) importers.add(p);
      graph.forget(real);
    }
    return importers;
  }

  /** True when the file (a path, or null for a document that is no file) is one of these real paths. */
  isAmong(file: string | null, paths: ReadonlySet<string>): boolean {
    return file !== null && paths.size > 0 && paths.has(this.real(file));
  }

  /** The graph of the folder a file belongs to. */
  private graphOf(real: string): ImportGraph {
    const root = this.folderOf(real) ?? nodePath.dirname(real);
    let graph = this.graphs.get(root);
    if (!graph) {
      this.trim();
      graph = new ImportGraph(this.host, { path: root, name: WORKSPACE_ROOT_NAME });
      this.graphs.set(root, graph);
    }
    return graph;
  }

  /** Past the bound, every graph is dropped: what is needed is read again (analyses handed out stay valid). */
  private trim(): void {
    let kept = 0;
    for (const graph of this.graphs.values()) kept += graph.size;
    if (kept > MAX_KEPT_FILES) this.graphs.clear();
  }

  /** A file's real path (its path when nothing is there). */
  realPath(file: string): string {
    return this.real(file);
  }

  private real(file: string): string {
    return this.base.realpath(file) ?? file;
  }
}

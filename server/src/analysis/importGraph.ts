// The files a model reads through its imports (LANGUAGE.md, Imports), read through an ImportHost
// (the disk on the command line; open editors first in the language server) and analysed once
// each, the imported before the importing, by the one analysis of a document (analyzeSource).
//
// How: from the file asked for, every file its imports reach is read and parsed (bounded: at most
// MAX_IMPORTED_FILES files and MAX_MODEL_CHARS characters for one model); the strongly connected
// components of that graph (Tarjan's algorithm, without recursion, so a chain of thousands of
// files cannot overflow the stack) give the cycles and an order with every file after the files
// it imports. An import inside a component is `import-cycle`, whatever file was asked for first,
// so every file of a cycle says so and the messages do not depend on the order of the checks.
//
// A file's analysis depends on its text and on the analyses of the files it imports: it is kept
// until `forget` is told that one of them changed.
import { MAX_DOCUMENT_CHARS } from '../syntax/assemble';
import type { ImportDeclaration, ScenarioDocument } from '../syntax/ast';
import { LineIndex } from '../syntax/lines';
import { parseDocument } from '../syntax/parse';
import type { ImportHost, ImportRoot } from '../model/imports/host';
import { importTarget, quotePath, shownFrom, type ImportTarget } from '../model/imports/paths';
import type { ImportContext, LibraryFile, ResolvedImport } from '../model/imports/types';
import type { ModelVariable, ResolvedModel } from '../model/types';
import { analyzeSource, type DocumentAnalysis } from './analyzeSource';

/**
 * The most files one model imports, directly or not. Each file's model holds every name it
 * imports, so a chain of n files holds n²/2 bindings: at this bound about 2 seconds and 100 MB.
 */
export const MAX_IMPORTED_FILES = 1_000;
/** The most characters of all those files together (four times what one file may hold). */
export const MAX_MODEL_CHARS = 4 * MAX_DOCUMENT_CHARS;

/** One file of a model, analysed with its imports. */
export interface ModelFile {
  /** Its real path. */
  path: string;
  text: string;
  /** Its analysis (no forecast: add one with analyzeSource and the same document and context). */
  analysis: DocumentAnalysis;
  /** What its imports resolved to: pass it to analyzeSource again to add the forecast's checks. */
  context: ImportContext;
  /** What an importer reads of it. */
  library: LibraryFile;
}

/** A file that cannot be read at all: missing, a folder, too large, no permission. */
export interface UnreadableFile {
  path: string;
  problem: string;
}

interface FileNode {
  path: string;
  text: string;
  document: ScenarioDocument;
  imports: ImportDeclaration[];
  /** Where each import leads (aligned with `imports`). */
  targets: ImportTarget[];
}

type Loaded = FileNode | UnreadableFile;

export interface ImportGraphOptions {
  /** Today as an ISO date, for `resolution-future` (as analyzeSource takes it). */
  today?: string;
}

export class ImportGraph {
  private readonly nodes = new Map<string, Loaded>();
  /** The analysed files, in the order they were analysed: every file after the files it imports. */
  private readonly analysed = new Map<string, ModelFile>();
  /**
   * The analyses of a model cut short by the bounds, kept for that one call: another file may
   * reach the same files within them.
   */
  private transient: Map<string, ModelFile> | null = null;
  /** Who imports each path (a real path, or where a missing file would be), for `forget`. */
  private readonly importers = new Map<string, Set<string>>();
  private readonly libraries = { get: (path: string) => this.analysisOf(path)?.library };

  constructor(
    private readonly host: ImportHost,
    private readonly root: ImportRoot,
    private readonly options: ImportGraphOptions = {},
  ) {}

  /**
   * The file at `path`, analysed with everything it imports; or why it cannot be read. `given` is
   * the file as an editor holds it, parsed already (its analysis then is the editor's own: the
   * checks made here are cached for that syntax tree).
   */
  file(path: string, given?: { text: string; document: ScenarioDocument }): ModelFile | UnreadableFile {
    const real = this.host.realpath(path) ?? path;
    if (given) this.give(real, given.text, given.document);
    const entry = this.load(real);
    if (!isNode(entry)) return entry;
    const done = this.analysed.get(real);
    if (done) return done;
    const reach = this.reach(entry);
    if (reach.cut) this.transient = new Map();
    try {
      for (const component of components(reach.nodes, (node) => this.edges(node, reach.nodes))) {
        for (const node of component.members) {
          if (!this.analysisOf(node.path)) this.analyse(node, component, reach);
        }
      }
      return this.analysisOf(real)!;
    } finally {
      this.transient = null;
    }
  }

  /** Every file analysed so far, each after the files it imports. */
  files(): ModelFile[] {
    return [...this.analysed.values()];
  }

  /**
   * For each file, the names of its own factors, events and outcomes that drive an outcome of a
   * file importing it (of the files analysed so far): they are not `unused`, though nothing in
   * their own file uses them.
   */
  drivenElsewhere(): Map<string, Set<string>> {
    const driven = new Map<string, Set<string>>();
    for (const file of this.analysed.values()) {
      for (const [from, names] of importedDrivers(file.analysis.model)) {
        let all = driven.get(from);
        if (!all) driven.set(from, (all = new Set()));
        for (const name of names) all.add(name);
      }
    }
    return driven;
  }

  /**
   * The file at `path` changed (or appeared, or went): it and every file that imports it, directly
   * or not, are read and analysed again (their imports may lead elsewhere now).
   */
  forget(path: string): void {
    const stack = [path];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      this.analysed.delete(p);
      this.nodes.delete(p);
      for (const importer of this.importers.get(p) ?? []) stack.push(importer);
    }
  }

  /**
   * Every file that imports `path`, directly or not, of those read so far (the editor re-checks
   * the open ones when `path` changes).
   */
  importersOf(path: string): Set<string> {
    const out = new Set<string>();
    const stack = [path];
    while (stack.length > 0) {
      for (const importer of this.importers.get(stack.pop()!) ?? []) {
        if (out.has(importer)) continue;
        out.add(importer);
        stack.push(importer);
      }
    }
    return out;
  }

  /** Whether a file read already has import declarations; undefined when it is not read (or cannot be). */
  importsOf(path: string): boolean | undefined {
    const known = this.nodes.get(path);
    return known && isNode(known) ? known.imports.length > 0 : undefined;
  }

  /**
   * A file's text just read through the host by someone else (the workspace index's scan), kept as
   * if this graph had read it, so that it is not read twice. A file already read keeps its node.
   */
  learn(path: string, text: string): void {
    if (!this.nodes.has(path)) this.nodes.set(path, this.node(path, text, parseDocument(text)));
  }

  /** How many files are read and kept (the editor bounds it). */
  get size(): number {
    return this.nodes.size;
  }

  /** A file's text and syntax tree as given; what was read of it before is forgotten if it differs. */
  private give(path: string, text: string, document: ScenarioDocument): void {
    const known = this.nodes.get(path);
    if (known && isNode(known) && known.document === document) return;
    this.forget(path);
    this.nodes.set(path, this.node(path, text, document));
  }

  private node(path: string, text: string, document: ScenarioDocument): FileNode {
    const imports = document.declarations.filter((d): d is ImportDeclaration => d.kind === 'import');
    const targets = imports.map((d) => importTarget(path, d.path.value, this.root, this.host));
    for (const t of targets) {
      if (t.path === undefined) continue;
      let set = this.importers.get(t.path);
      if (!set) this.importers.set(t.path, (set = new Set()));
      set.add(path);
    }
    return { path, text, document, imports, targets };
  }

  private analysisOf(path: string): ModelFile | undefined {
    return this.analysed.get(path) ?? this.transient?.get(path);
  }

  private load(path: string): Loaded {
    const known = this.nodes.get(path);
    if (known) return known;
    const kind = this.host.kind(path);
    let loaded: Loaded;
    if (kind === undefined) loaded = { path, problem: 'it does not exist' };
    else if (kind === 'directory') loaded = { path, problem: 'it is a folder' };
    else {
      const read = this.host.read(path);
      loaded = 'problem' in read ? { path, problem: read.problem } : this.node(path, read.text, parseDocument(read.text));
    }
    this.nodes.set(path, loaded);
    return loaded;
  }

  /** Every file the entry's imports reach, read, within the bounds of one model. */
  private reach(entry: FileNode): Reach {
    const nodes = new Map<string, Loaded>([[entry.path, entry]]);
    let chars = entry.text.length;
    let cut = false;
    const queue: FileNode[] = [entry];
    for (let k = 0; k < queue.length; k++) {
      for (const t of queue[k]!.targets) {
        if (!t.ok || nodes.has(t.path)) continue;
        if (nodes.size > MAX_IMPORTED_FILES || chars >= MAX_MODEL_CHARS) {
          cut = true;
          continue;
        }
        const loaded = this.load(t.path);
        nodes.set(t.path, loaded);
        // An analysed file's imports are analysed too: nothing more to read behind it.
        if (isNode(loaded) && !this.analysisOf(t.path)) {
          chars += loaded.text.length;
          queue.push(loaded);
        }
      }
    }
    return { nodes, cut };
  }

  /** The imports of a node that lead to a readable file of this model, not yet analysed. */
  private edges(node: FileNode, nodes: ReadonlyMap<string, Loaded>): FileNode[] {
    if (this.analysisOf(node.path)) return [];
    const out: FileNode[] = [];
    for (const t of node.targets) {
      const target = t.ok ? nodes.get(t.path) : undefined;
      if (target && isNode(target)) out.push(target);
    }
    return out;
  }

  private analyse(node: FileNode, component: Component, reach: Reach): void {
    const imports: ResolvedImport[] = node.imports.map((declaration, i) => ({
      declaration,
      result: this.resolved(node, node.targets[i]!, component, reach),
    }));
    const context: ImportContext = { imports, files: this.libraries, show: (file) => shownFrom(node.path, file) };
    const analysis = analyzeSource({ text: node.text, document: node.document, today: this.options.today, imports: context });
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    let lines: LineIndex | undefined;
    let exports: Map<string, ModelVariable> | undefined;
    const library: LibraryFile = {
      path: node.path,
      model: analysis.model,
      // Made on first import: the file's own variables marked with it; imported ones are marked already.
      get exports() {
        if (exports) return exports;
        exports = new Map();
        const origin = { file: node.path };
        for (const [name, v] of analysis.model.variables) exports.set(name, v.origin ? v : { ...v, origin });
        return exports;
      },
      errorCount: errors.length,
      firstError: errors[0] ? { span: errors[0].span, message: errors[0].message, code: errors[0].code, related: errors[0].related } : null,
      positionAt: (offset) => (lines ??= new LineIndex(node.text)).positionAt(offset),
    };
    const file: ModelFile = { path: node.path, text: node.text, analysis, context, library };
    (this.transient ?? this.analysed).set(node.path, file);
  }

  private resolved(node: FileNode, target: ImportTarget, component: Component, reach: Reach): ResolvedImport['result'] {
    if (!target.ok) return { kind: 'problem', code: target.code, message: target.message };
    const loaded = reach.nodes.get(target.path);
    const written = quotePath(shownFrom(node.path, target.path));
    if (!loaded) {
      return {
        kind: 'problem', code: 'import-not-found',
        message: `${written} was not read: one model imports at most ${MAX_IMPORTED_FILES.toLocaleString('en-US')} files, ` +
          `directly or not, of ${(MAX_MODEL_CHARS / 1_000_000).toLocaleString('en-US')} million characters together. ` +
          'Split the model into smaller ones.',
      };
    }
    if (!isNode(loaded)) return { kind: 'problem', code: 'import-not-found', message: `${written} cannot be read: ${loaded.problem}.` };
    if (component.paths.has(target.path)) return { kind: 'problem', code: 'import-cycle', message: cycleMessage(node, target.path, component) };
    const library = this.analysisOf(target.path)!.library;
    return { kind: 'file', library, shown: shownFrom(node.path, target.path) };
  }
}

/**
 * The imported factors, events and outcomes that drive an outcome of this model's own file, by the
 * file that declares them: what the file uses of each file it imports, directly or not.
 */
export function importedDrivers(model: ResolvedModel): Map<string, Set<string>> {
  const driven = new Map<string, Set<string>>();
  for (const outcome of model.outcomes) {
    if (outcome.origin) continue;
    for (const d of outcome.drivers) {
      const from = model.variables.get(d.name)?.origin?.file;
      if (from === undefined) continue;
      let names = driven.get(from);
      if (!names) driven.set(from, (names = new Set()));
      names.add(d.name);
    }
  }
  return driven;
}

interface Reach {
  nodes: Map<string, Loaded>;
  /** True when the bounds left files out. */
  cut: boolean;
}

function isNode(loaded: Loaded): loaded is FileNode {
  return 'document' in loaded;
}

interface Component {
  members: FileNode[];
  paths: Set<string>;
  /** The imports between members, for naming a cycle. */
  edges: Map<string, string[]>;
}

/**
 * The strongly connected components of the readable files, each after every component it reaches
 * (Tarjan's algorithm emits them in that order), with an explicit stack instead of recursion.
 */
function components(nodes: ReadonlyMap<string, Loaded>, edgesOf: (node: FileNode) => FileNode[]): Component[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: FileNode[] = [];
  const out: Component[] = [];
  let counter = 0;
  for (const start of nodes.values()) {
    if (!isNode(start) || index.has(start.path)) continue;
    const work: { node: FileNode; next: FileNode[]; i: number }[] = [];
    const open = (node: FileNode): void => {
      index.set(node.path, counter);
      low.set(node.path, counter);
      counter++;
      stack.push(node);
      onStack.add(node.path);
      work.push({ node, next: edgesOf(node), i: 0 });
    };
    open(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const to = frame.next[frame.i++]!;
        if (!index.has(to.path)) open(to);
        else if (onStack.has(to.path)) low.set(frame.node.path, Math.min(low.get(frame.node.path)!, index.get(to.path)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node.path, Math.min(low.get(parent.node.path)!, low.get(frame.node.path)!));
      if (low.get(frame.node.path) !== index.get(frame.node.path)) continue;
      const members: FileNode[] = [];
      let member: FileNode;
      do {
        member = stack.pop()!;
        onStack.delete(member.path);
        members.push(member);
      } while (member !== frame.node);
      const paths = new Set(members.map((m) => m.path));
      const edges = new Map<string, string[]>();
      for (const m of members) edges.set(m.path, edgesOf(m).map((n) => n.path).filter((p) => paths.has(p)));
      // A file that imports itself is a cycle of one; any other single file is not a cycle.
      if (members.length === 1 && !edges.get(members[0]!.path)!.includes(members[0]!.path)) paths.clear();
      out.push({ members, paths, edges });
    }
  }
  return out;
}

/** "This import closes a cycle: a.scenario → b.scenario → c.scenario → a.scenario", shortest way back. */
function cycleMessage(node: FileNode, target: string, component: Component): string {
  if (target === node.path) return `This file imports itself (${quotePath(shownFrom(node.path, node.path))}): remove this import.`;
  // Breadth-first from the target back to this file, inside the component.
  const previous = new Map<string, string>([[target, '']]);
  const queue = [target];
  for (let k = 0; k < queue.length && !previous.has(node.path); k++) {
    for (const next of component.edges.get(queue[k]!) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, queue[k]!);
      queue.push(next);
    }
  }
  const way: string[] = [];
  for (let p = node.path; p !== ''; p = previous.get(p) ?? '') way.unshift(p);
  const cycle = [node.path, ...way].map((p) => shownFrom(node.path, p)).join(' → ');
  return `This import makes a cycle: ${cycle}. Files cannot import each other, directly or through others: ` +
    'move what they share into a file that none of them imports back.';
}

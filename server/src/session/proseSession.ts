// Drafts in prose open in the editor (LANGUAGE.md, "Drafts in prose"). The client hands over every
// Markdown and plain-text file on disk; only those that name a model in their first lines (or
// match `scenario.prose.files`) are drafts. Any other gets nothing: no diagnostics, no hover, no
// reading beyond its first lines. A draft is checked on the turn after each edit, and again when
// its model changes: in an editor (the session's state of that document) or on disk (DiskModels,
// read when no editor has it). A model path never leads out of the draft's workspace folder.
import { dirname, resolve } from 'node:path';
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic, Hover, Position } from 'vscode-languageserver';
import type { DocumentState } from '../features/context';
import { proseCodeActions, proseDiagnostics, proseHover, type DraftProblem, type DraftState } from '../features/prose';
import { binaryProblem, proseModelOf, tooLargeNotice, type ProseModel } from '../prose/check';
import { IncrementalProseCheck } from '../prose/incremental';
import { modelReference, type ModelReference } from '../prose/modelRef';
import { paragraphsOf, type Paragraph } from '../prose/segment';
import { LineIndex } from '../syntax/lines';
import { describeError } from '../util/errors';
import type { DiskModels } from './diskModels';
import { capDiagnostics } from './publish';
import { isFullChange, toOffsetEdit, type ContentChange } from './textChanges';
import { firstLineEnd } from './documentSession';
import { compileGlobs, fileOfUri, isInside, matchesGlobs, type WorkspaceFolders } from './workspaceFiles';

export interface ProseHost {
  publish(uri: string, version: number, diagnostics: LspDiagnostic[]): void;
  log(message: string): void;
}

export interface ModelSources {
  /** The session's state of the .scenario file at this path when an editor has it open, else null. */
  editor(file: string): DocumentState | null;
  disk: DiskModels;
}

/** One Markdown or plain-text document the client has open (a draft or not). */
class ProseDocument {
  lines: LineIndex;
  private head: { version: number; ref: ModelReference | null; binary: string | null } | null = null;
  private paragraphList: { version: number; paragraphs: Paragraph[] } | null = null;
  readonly checker = new IncrementalProseCheck();
  /** The last analysis, reused while the version and the model's outcomes are the same. */
  analysed: { version: number; key: string; state: DraftState } | null = null;
  /** What was last published (version and model), or null when nothing is shown. */
  published: string | null = null;
  /** The model file the last analysis read, for re-checks when it changes. */
  modelFile: string | null = null;
  scheduled: NodeJS.Immediate | null = null;

  constructor(readonly uri: string, readonly file: string | null, public version: number, public text: string) {
    this.lines = new LineIndex(text);
  }

  apply(version: number, changes: readonly ContentChange[]): void {
    for (const change of changes) {
      if (isFullChange(change)) this.text = change.text;
      else {
        const edit = toOffsetEdit(change, this.lines, this.text.length);
        this.text = this.text.slice(0, edit.start) + edit.text + this.text.slice(edit.end);
      }
      this.lines = new LineIndex(this.text);
    }
    this.version = version;
  }

  /** The model it names and whether it is binary (the latter only asked of drafts). */
  reference(): ModelReference | null {
    if (this.head?.version !== this.version) this.head = { version: this.version, ref: modelReference(this.text), binary: null };
    return this.head.ref;
  }

  binary(): string | null {
    this.reference();
    this.head!.binary ??= binaryProblem(this.text) ?? '';
    return this.head!.binary || null;
  }

  paragraphs(): Paragraph[] {
    if (tooLargeNotice(this.text)) return [];
    if (this.paragraphList?.version !== this.version) this.paragraphList = { version: this.version, paragraphs: paragraphsOf(this.text) };
    return this.paragraphList.paragraphs;
  }
}

const firstLine = (text: string) => ({ start: 0, end: firstLineEnd(text) });

export class ProseSession {
  private readonly documents = new Map<string, ProseDocument>();
  private globs: RegExp[] = [];

  constructor(
    private readonly host: ProseHost,
    private readonly folders: WorkspaceFolders,
    private readonly models: ModelSources,
  ) {}

  open(uri: string, version: number, text: string): void {
    this.close(uri);
    this.documents.set(uri, new ProseDocument(uri, fileOfUri(uri), version, text));
    this.schedule(uri);
  }

  /** False when the document is not one of this session's (then it is the .scenario session's). */
  change(uri: string, version: number, changes: readonly ContentChange[]): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    if (version < document.version) return true;
    document.apply(version, changes);
    this.schedule(uri);
    return true;
  }

  close(uri: string): boolean {
    const document = this.documents.get(uri);
    if (!document) return false;
    if (document.scheduled) clearImmediate(document.scheduled);
    this.documents.delete(uri);
    if (document.published !== null) this.host.publish(uri, document.version, []);
    this.retainModels();
    return true;
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** The documents that are drafts (checked), as of their last check. */
  drafts(): string[] {
    return [...this.documents.values()].filter((d) => d.published !== null).map((d) => d.uri);
  }

  setGlobs(globs: readonly string[]): void {
    this.globs = compileGlobs(globs);
    this.scheduleAll();
  }

  /** The workspace folders changed: what a draft may read, and which files the globs match. */
  foldersChanged(): void {
    this.scheduleAll();
  }

  /** A model open in an editor changed (checked, forecast, opened or closed): its drafts are checked again. */
  modelChanged(uri: string): void {
    const file = this.documents.size > 0 ? fileOfUri(uri) : null;
    if (file !== null) this.modelFileChanged(file);
  }

  /** The model at this path changed (read from disk, forecast): its drafts are checked again. */
  modelFileChanged(file: string): void {
    const path = resolve(file);
    for (const document of this.documents.values()) if (document.modelFile === path) this.schedule(document.uri);
  }

  /** A model file changed on disk (a watched-file event): read again at the next look. */
  modelChangedOnDisk(uri: string): void {
    const file = fileOfUri(uri);
    if (file === null) return;
    this.models.disk.invalidate(resolve(file));
    this.modelFileChanged(file);
  }

  hover(uri: string, position: Position): Hover | null {
    const state = this.stateOf(uri);
    return state ? proseHover(state, position) : null;
  }

  codeActions(uri: string, params: CodeActionParams): CodeAction[] | null {
    const state = this.stateOf(uri);
    return state ? proseCodeActions(state, params) : null;
  }

  dispose(): void {
    for (const document of this.documents.values()) if (document.scheduled) clearImmediate(document.scheduled);
    this.documents.clear();
  }

  private scheduleAll(): void {
    for (const uri of this.documents.keys()) this.schedule(uri);
  }

  private schedule(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || document.scheduled) return;
    document.scheduled = setImmediate(() => {
      document.scheduled = null;
      try {
        this.publish(document);
      } catch (error) {
        this.host.log(`${uri}: prose check failed: ${describeError(error, true)}`);
      }
    });
  }

  private publish(document: ProseDocument): void {
    if (this.documents.get(document.uri) !== document) return;
    const analysed = this.analyse(document);
    if (!analysed) {
      if (document.published !== null) this.host.publish(document.uri, document.version, []);
      document.published = null;
    } else {
      const key = `${document.version}|${analysed.key}`;
      if (key !== document.published) {
        document.published = key;
        this.host.publish(document.uri, document.version, capDiagnostics(proseDiagnostics(analysed.state)));
      }
    }
    this.retainModels();
  }

  private retainModels(): void {
    const used = new Set<string>();
    for (const d of this.documents.values()) if (d.modelFile) used.add(d.modelFile);
    this.models.disk.retain(used);
  }

  /** The analysed state of a draft's latest version; null for a document that is no draft. */
  private stateOf(uri: string): DraftState | null {
    const document = this.documents.get(uri);
    return document ? (this.analyse(document)?.state ?? null) : null;
  }

  private analyse(document: ProseDocument): { key: string; state: DraftState } | null {
    const file = document.file;
    if (file === null) return null;
    const ref = document.reference();
    const folder = this.folders.folderOf(file);
    if (!ref && !(folder !== null && matchesGlobs(folder, file, this.globs))) {
      document.modelFile = null;
      return null;
    }
    const problems: DraftProblem[] = [];
    const binary = document.binary();
    if (binary) {
      document.modelFile = null;
      problems.push({ ...firstLine(document.text), severity: 'warning', message: `This draft is not checked: ${binary}.` });
      return { key: 'binary', state: this.stateFrom(document, problems, null, null, null, null) };
    }
    const { model, state: modelState, problem } = ref ? this.modelOf(document, file, folder, ref) : { model: null, state: null, problem: null };
    if (problem) problems.push(problem);
    const key = `${JSON.stringify(model?.outcomes ?? null)}|${problem?.message ?? ''}`;
    const kept = document.analysed;
    // Hovers read the model's latest state; the checks are the same while its outcomes are.
    if (kept && kept.version === document.version && kept.key === key) {
      kept.state.model = modelState;
      return kept;
    }
    const checked = document.checker.check(document.text, document.paragraphs(), model, key);
    if (checked.notice) problems.push({ ...firstLine(document.text), severity: 'warning', message: checked.notice });
    const state = this.stateFrom(document, problems, checked.diagnostics, modelState, model, ref?.path ?? null);
    document.analysed = { version: document.version, key, state };
    return document.analysed;
  }

  private stateFrom(document: ProseDocument, problems: DraftProblem[], diagnostics: DraftState['diagnostics'] | null,
    model: DocumentState | null, prose: ProseModel | null, modelPath: string | null): DraftState {
    return {
      uri: document.uri,
      text: document.text,
      lines: document.lines,
      problems,
      diagnostics: diagnostics ?? [],
      model,
      outcomes: prose?.outcomes ?? [],
      modelPath,
      paragraphs: () => document.paragraphs(),
    };
  }

  /** The model a draft names: from an editor when one has it, else from disk; never outside the folder. */
  private modelOf(document: ProseDocument, file: string, folder: string | null, ref: ModelReference):
    { model: ProseModel | null; state: DocumentState | null; problem: DraftProblem | null } {
    const at = (message: string): DraftProblem => ({ start: ref.start, end: ref.end, severity: 'error', message });
    const named = JSON.stringify(ref.path);
    document.modelFile = null;
    if (ref.problem) return { model: null, state: null, problem: at(`The model ${named} cannot be used: ${ref.problem}.`) };
    // Outside any workspace folder, the draft's own folder is the bound.
    const bound = folder ?? dirname(file);
    const path = resolve(dirname(file), ref.path);
    if (!isInside(bound, path)) return { model: null, state: null, problem: at(`The model ${named} lies outside the workspace folder, so it is not read.`) };
    document.modelFile = path;
    const editor = this.models.editor(path);
    const disk = editor ? null : this.models.disk.get(path, bound);
    if (disk?.problem) return { model: null, state: null, problem: at(`Cannot read the model ${named}: ${disk.problem}.`) };
    const state = editor ?? disk?.state ?? null;
    if (!state) return { model: null, state: null, problem: null }; // still being read: checked again when it is
    const declared = [...state.model.variables.values()].filter((v) => v.kind === 'outcome').map((v) => ({ name: v.name, label: v.label }));
    return { model: proseModelOf(state.forecast, declared), state, problem: null };
  }
}

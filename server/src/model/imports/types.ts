// What the checks and name resolution of one file know about the files it imports (LANGUAGE.md,
// Imports). Resolving the import graph (reading files through an ImportHost, cycles) is
// analysis/importGraph.ts; this is the part a single file's analysis reads. Pure data.
import type { ImportDeclaration, Span } from '../../syntax/ast';
import type { Position } from '../../syntax/lines';
import type { RelatedInformation } from '../diagnostics';
import type { ModelVariable, ResolvedModel } from '../types';

/** A file that another imports, analysed on its own: what an importer reads of it. */
export interface LibraryFile {
  /** Its real path (symbolic links resolved). */
  path: string;
  /** Its model, with what it imports merged in. Importers read its variables only. */
  model: ResolvedModel;
  /**
   * Its model's variables as importers bind them: each marked with the file that declares it. The
   * same objects for every importer, made once (a long chain of imports would otherwise copy every
   * variable once per file).
   */
  exports: ReadonlyMap<string, ModelVariable>;
  /** How many errors it has (its own diagnostics, an import with errors included). */
  errorCount: number;
  /**
   * The first of them, for the importer's related information (and, for `import-errors`, its own
   * related information, which names the file it imports that has errors).
   */
  firstError: { span: Span; message: string; code: string; related?: readonly RelatedInformation[] } | null;
  /** A position in its text (its spans are offsets into it). */
  positionAt(offset: number): Position;
}

/** The codes an import statement itself can get (LANGUAGE.md, Checks), and `import-errors`. */
export type ImportProblemCode = 'import-not-found' | 'import-path' | 'import-cycle';

/** What one `import` statement of the file resolved to. */
export type ImportResult =
  | { kind: 'file'; library: LibraryFile; shown: string }
  | { kind: 'problem'; code: ImportProblemCode; message: string };

export interface ResolvedImport {
  declaration: ImportDeclaration;
  result: ImportResult;
}

/** Everything one file's analysis needs from the files it imports. */
export interface ImportContext {
  /** One per `import` statement of the document, in file order. */
  imports: readonly ResolvedImport[];
  /** Every file read through them, directly or not, by real path (positions for messages). */
  files: { get(path: string): LibraryFile | undefined };
  /** A file as messages show it: its path relative to the importing file's folder, with `/`. */
  show(file: string): string;
}

/** Where an imported variable comes from. */
export interface VariableOrigin {
  /** The real path of the file that declares it. */
  file: string;
}

/**
 * A name this file sees through its imports. (Where its file is shown and its line are worked out
 * only for a message: a long chain of imports binds many names, and most are never mentioned.)
 */
export interface ImportedName {
  /** The variable as the declaring file resolved it (its declaration's spans are that file's). */
  variable: ModelVariable;
  /** The real path of the file that declares it. */
  file: string;
  /** The import statement of this file that brings it in. */
  via: ImportDeclaration;
}

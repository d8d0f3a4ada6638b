// The names a file sees through its imports, and the diagnostics its import statements get:
// `import-not-found`, `import-path` and `import-cycle` as the import graph found them,
// `import-errors` for an imported file that does not check, and `duplicate-name` across files
// (LANGUAGE.md, Imports: a flat namespace; both places named).
//
// Decisions: imported declarations come before the file's own, as if written at its top, so
// where a name is declared both here and in an imported file the imported one is bound and this
// file's declaration gets the error; between two imports the first is bound and the later import
// statement gets it. A file reached along two paths (a imports b and c, both import d) is one
// file: its declarations are the same objects, not duplicates.
import type { ImportDeclaration, VariableDeclaration } from '../../syntax/ast';
import { diagnostic, q } from '../checks/context';
import type { Position } from '../../syntax/lines';
import type { Diagnostic, RelatedInformation } from '../diagnostics';
import type { ImportContext, ImportedName, LibraryFile } from './types';

export interface MergedImports {
  /** Every name seen through the imports, the first binding of each, in import order. */
  names: Map<string, ImportedName>;
  diagnostics: Diagnostic[];
  /**
   * True when an import could not be read (missing, a bad path, a cycle): any name it may declare
   * is unknown, so unknown names are not reported until the import is fixed.
   */
  failed: boolean;
}

export const NO_IMPORTS: MergedImports = { names: new Map(), diagnostics: [], failed: false };

export function mergeImports(
  context: ImportContext | undefined,
  own: ReadonlyMap<string, VariableDeclaration>,
  ownDuplicates: readonly VariableDeclaration[],
): MergedImports {
  if (!context || context.imports.length === 0) return NO_IMPORTS;
  const names = new Map<string, ImportedName>();
  const diagnostics: Diagnostic[] = [];
  let failed = false;
  for (const { declaration, result } of context.imports) {
    if (result.kind === 'problem') {
      failed = true;
      diagnostics.push(diagnostic(result.code, declaration.path.span, result.message));
      continue;
    }
    const { library } = result;
    if (library.errorCount > 0) diagnostics.push(importErrors(declaration, library, result.shown));
    for (const [name, variable] of library.exports) {
      const bound = names.get(name);
      if (!bound) names.set(name, { variable, file: variable.origin!.file, via: declaration });
      else if (bound.variable.declaration !== variable.declaration) {
        const again = { variable, file: variable.origin!.file, via: declaration };
        diagnostics.push(twiceImported(declaration, place(context, library, bound), place(context, library, again)));
      }
    }
  }
  // This file's own declarations of imported names (the first of each; later ones are
  // `duplicate-name` within the file already).
  const repeated = new Set(ownDuplicates);
  for (const [name, decl] of own) {
    const bound = names.get(name);
    if (bound && !repeated.has(decl)) diagnostics.push(declaredHereToo(decl, place(context, null, bound)));
  }
  return { names, diagnostics, failed };
}

/** An imported name with where its file is shown and its place there, for a message. */
interface Placed {
  name: ImportedName;
  shown: string;
  start: Position;
  end: Position;
}

function place(context: ImportContext, library: LibraryFile | null, name: ImportedName): Placed {
  const declaring = context.files.get(name.file) ?? library;
  const span = name.variable.declaration.name.span;
  const at = (offset: number): Position => declaring?.positionAt(offset) ?? { line: 0, character: 0 };
  return { name, shown: context.show(name.file), start: at(span.start), end: at(span.end) };
}

function elsewhere(placed: Placed, message: string): RelatedInformation {
  return {
    span: placed.name.variable.declaration.name.span,
    message,
    elsewhere: { file: placed.name.file, start: placed.start, end: placed.end },
  };
}

function where(placed: Placed): string {
  return `${placed.shown} (${placed.name.variable.kind} on line ${placed.start.line + 1})`;
}

function twiceImported(via: ImportDeclaration, first: Placed, second: Placed): Diagnostic {
  const name = first.name.variable.name;
  return diagnostic('duplicate-name', via.path.span,
    `${q(name)} is declared in both ${where(first)} and ${where(second)}, which this file imports: names must be ` +
    'unique across a model and the files it imports, so rename one of them.', {
      related: [
        elsewhere(first, `${q(name)} is first declared here (the one this file uses)`),
        elsewhere(second, `${q(name)} is declared again here`),
      ],
    });
}

function declaredHereToo(decl: VariableDeclaration, imported: Placed): Diagnostic {
  const name = decl.name.text;
  return diagnostic('duplicate-name', decl.name.span,
    `${q(name)} is already declared in ${where(imported)}, ` +
    'which this file imports: names must be unique across a model and the files it imports, so rename this one ' +
    '(or remove it and use the imported one).', {
      related: [elsewhere(imported, `${q(name)} is declared here`)],
    });
}

function importErrors(via: ImportDeclaration, library: LibraryFile, shown: string): Diagnostic {
  const n = library.errorCount;
  const first = library.firstError;
  const related: RelatedInformation[] = first
    ? [{
        span: first.span,
        message: first.message,
        elsewhere: { file: library.path, start: library.positionAt(first.span.start), end: library.positionAt(first.span.end) },
      }]
    : [];
  return diagnostic('import-errors', via.path.span,
    `${shown} has ${n === 1 ? 'an error' : `${n} errors`}: fix ${n === 1 ? 'it' : 'them'} in that file. ` +
    'Until then this file is not forecast with what it imports from there.', { related });
}

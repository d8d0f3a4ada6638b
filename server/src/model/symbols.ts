// The declarations of a document indexed by name: which names exist, which are duplicated, which
// are declared only in a declaration that did not parse, and the driver lines of each outcome;
// and the names its imports bring in (model/imports/merge.ts).
import type {
  AlternativeDeclaration, DriverStatement, ImportDeclaration, ScenarioDeclaration, ScenarioDocument, VariableDeclaration,
  VariableKind,
} from '../syntax/ast';
import type { ImportedName } from './imports/types';

export interface SymbolTable {
  /** The first declaration of each variable name, in file order. */
  variables: Map<string, VariableDeclaration>;
  /** Every later declaration of an already declared name, in file order. */
  duplicates: VariableDeclaration[];
  /** Every variable declaration, duplicates included, in file order. */
  allVariables: VariableDeclaration[];
  /**
   * Names declared only inside declarations that failed to parse. A good declaration that uses
   * one is not told the name is unknown: the syntax error is the thing to fix.
   */
  brokenNames: Set<string>;
  scenarios: ScenarioDeclaration[];
  alternatives: AlternativeDeclaration[];
  /** Names that appear in any driver line (valid or not), of any declaration. */
  drivingNames: Set<string>;
  /** The driver lines of each variable declaration, in line order (found once, read by many checks). */
  drivers: Map<VariableDeclaration, DriverStatement[]>;
  /** The `import` statements, in file order. */
  imports: ImportDeclaration[];
  /** The names the imports bring in (declared in other files); empty without imports. */
  imported: ReadonlyMap<string, ImportedName>;
  /** An import could not be read: a name it may declare is not reported unknown. */
  importFailed: boolean;
}

/** True when the name is a factor, event or outcome of the model: declared here or imported. */
export function isDeclared(symbols: SymbolTable, name: string): boolean {
  return symbols.variables.has(name) || symbols.imported.has(name);
}

/** The kind of a declared name as the model binds it (an imported declaration first), or undefined. */
export function kindOf(symbols: SymbolTable, name: string): VariableKind | undefined {
  return symbols.imported.get(name)?.variable.kind ?? symbols.variables.get(name)?.kind;
}

/** Every declared name with its kind as the model binds it: the imported ones, then this file's. */
export function declaredKinds(symbols: SymbolTable): { name: string; kind: VariableKind }[] {
  const out: { name: string; kind: VariableKind }[] = [];
  for (const [name, i] of symbols.imported) out.push({ name, kind: i.variable.kind });
  for (const [name, d] of symbols.variables) if (!symbols.imported.has(name)) out.push({ name, kind: d.kind });
  return out;
}

export function buildSymbols(doc: ScenarioDocument): SymbolTable {
  const variables = new Map<string, VariableDeclaration>();
  const duplicates: VariableDeclaration[] = [];
  const allVariables: VariableDeclaration[] = [];
  const scenarios: ScenarioDeclaration[] = [];
  const alternatives: AlternativeDeclaration[] = [];
  const drivingNames = new Set<string>();
  const drivers = new Map<VariableDeclaration, DriverStatement[]>();
  const imports: ImportDeclaration[] = [];
  for (const decl of doc.declarations) {
    if (decl.kind === 'scenario') scenarios.push(decl);
    else if (decl.kind === 'alternative') alternatives.push(decl);
    else if (decl.kind === 'import') imports.push(decl);
    else {
      allVariables.push(decl);
      if (variables.has(decl.name.text)) duplicates.push(decl);
      else variables.set(decl.name.text, decl);
      const lines = driverStatements(decl);
      drivers.set(decl, lines);
      for (const d of lines) drivingNames.add(d.name.text);
    }
  }
  const brokenNames = new Set<string>();
  for (const error of doc.errors) {
    const kind = error.declarationKind;
    if (error.declarationName && (kind === undefined || kind === 'factor' || kind === 'event' || kind === 'outcome')) {
      brokenNames.add(error.declarationName.text);
    }
  }
  return {
    variables, duplicates, allVariables, brokenNames, scenarios, alternatives, drivingNames, drivers, imports,
    imported: new Map(), importFailed: false,
  };
}

function driverStatements(decl: VariableDeclaration): DriverStatement[] {
  const lines: DriverStatement[] = [];
  for (const s of decl.statements) if (s.kind === 'driver') lines.push(s);
  return lines;
}

// The declarations of a document indexed by name: which names exist, which are duplicated, which
// are declared only in a declaration that did not parse, and the driver lines of each outcome.
import type {
  AlternativeDeclaration, DriverStatement, ScenarioDeclaration, ScenarioDocument, VariableDeclaration,
} from '../syntax/ast';

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
}

export function buildSymbols(doc: ScenarioDocument): SymbolTable {
  const variables = new Map<string, VariableDeclaration>();
  const duplicates: VariableDeclaration[] = [];
  const allVariables: VariableDeclaration[] = [];
  const scenarios: ScenarioDeclaration[] = [];
  const alternatives: AlternativeDeclaration[] = [];
  const drivingNames = new Set<string>();
  const drivers = new Map<VariableDeclaration, DriverStatement[]>();
  for (const decl of doc.declarations) {
    if (decl.kind === 'scenario') scenarios.push(decl);
    else if (decl.kind === 'alternative') alternatives.push(decl);
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
  return { variables, duplicates, allVariables, brokenNames, scenarios, alternatives, drivingNames, drivers };
}

function driverStatements(decl: VariableDeclaration): DriverStatement[] {
  const lines: DriverStatement[] = [];
  for (const s of decl.statements) if (s.kind === 'driver') lines.push(s);
  return lines;
}

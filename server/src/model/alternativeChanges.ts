// The statements of an alternative that change the model (those with a target in the vocabulary:
// `NAME P`, `NAME base P`, `given [not] NAME`, `observe [not] NAME`) and which of them conflict
// (LANGUAGE.md `alternative-conflict`): one name given or observed twice, or both, or set twice.
// Resolution leaves a conflicting change out; the check says why. Pure.
import type { AlternativeDeclaration, DriverStatement, Name, Statement } from '../syntax/ast';
import { targetKinds } from '../syntax/vocabulary';

/** A statement of an alternative that names what it changes. */
export type ChangeStatement = Exclude<Extract<Statement, { name: Name }>, DriverStatement>;

export function changeStatements(decl: AlternativeDeclaration): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  for (const s of decl.statements) {
    if (s.kind !== 'driver' && 'name' in s && targetKinds(s.kind) !== null) out.push(s);
  }
  return out;
}

/**
 * What a change does to its name: a new value (a probability or a base), or a condition (`given`
 * makes it so, `observe` sees it). A second change of one name that does the same conflicts;
 * a new value and a condition do not (`rapport 90%` then `observe rapport` is fine).
 */
function effectOf(s: ChangeStatement): 'value' | 'condition' {
  return 'value' in s ? 'value' : 'condition';
}

export interface ChangeConflict {
  /** The later statement, which resolution leaves out. */
  statement: ChangeStatement;
  /** The first statement that does the same to that name. */
  first: ChangeStatement;
}

/** Every change that repeats what an earlier change of the same alternative does to that name. */
export function changeConflicts(statements: readonly ChangeStatement[]): ChangeConflict[] {
  const firsts = new Map<string, ChangeStatement>();
  const out: ChangeConflict[] = [];
  for (const s of statements) {
    const key = `${effectOf(s)} ${s.name.text}`;
    const first = firsts.get(key);
    if (first) out.push({ statement: s, first });
    else firsts.set(key, s);
  }
  return out;
}

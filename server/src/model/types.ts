// The resolved model: names bound to declarations, probabilities and strengths as numbers, the
// driver graph in topological order. Built from the syntax tree; the engine's only input.
// Pure data: no ohm, no LSP.
import type {
  AlternativeDeclaration, Span, StringLit, VariableDeclaration, VariableKind,
} from '../syntax/ast';
import type { VariableOrigin } from './imports/types';

/** A probability as the engine needs it: a point (low === high) or uniform between low and high. */
export interface ProbabilitySpec {
  low: number;
  high: number;
  /** The source text (`likely`, `20%..35%`). */
  text: string;
  /** The canonical ICD 203 phrase when it was written as one. */
  phrase?: string;
  span: Span;
}

/** A driver's odds multiplier K ≥ 1: a point, or log-uniform between low and high. */
export interface StrengthSpec {
  low: number;
  high: number;
  text: string;
  span: Span;
}

/** `resolved yes|no on DATE`: how the question turned out. The engine never reads it. */
export interface Resolution {
  value: boolean;
  /** The ISO date as written (a date that exists; an invalid one leaves no resolution). */
  date: string;
  span: Span;
}

interface VariableBase {
  name: string;
  kind: VariableKind;
  /** The label, or the name when there is none. */
  label: string;
  notes: string[];
  sources: string[];
  /**
   * The first `resolved` line with a valid date; null or absent when there is none (LANGUAGE.md:
   * it never changes the forecast, and the engine never reads it).
   */
  resolution?: Resolution | null;
  /** The declaration: in this file, or (with `origin`) in the imported file that declares it. */
  declaration: VariableDeclaration;
  /** Set when the variable is declared in an imported file (LANGUAGE.md, Imports); absent for the file's own. */
  origin?: VariableOrigin;
}

/** A factor or an event: an independent binary input. */
export interface InputVariable extends VariableBase {
  kind: 'factor' | 'event';
  /** null when missing or invalid (a diagnostic says why). */
  probability: ProbabilitySpec | null;
}

export interface Driver {
  /** The driving variable's name; always resolves to a variable in the model. */
  name: string;
  direction: 'raises' | 'lowers';
  strength: StrengthSpec;
  span: Span;
}

export interface OutcomeVariable extends VariableBase {
  kind: 'outcome';
  /** null when missing or invalid. */
  base: ProbabilitySpec | null;
  /** Only drivers that resolve and are valid; unknown names are dropped (a diagnostic says why). */
  drivers: Driver[];
  judged: ProbabilitySpec | null;
}

export type ModelVariable = InputVariable | OutcomeVariable;

export type AlternativeChange =
  | { kind: 'set-probability'; name: string; probability: ProbabilitySpec; span: Span }
  | { kind: 'set-base'; name: string; base: ProbabilitySpec; span: Span }
  | { kind: 'given'; name: string; value: boolean; span: Span }
  /** `observe NAME` / `observe not NAME`: evidence, conditioned on (LANGUAGE.md, Semantics: Observe). */
  | { kind: 'observe'; name: string; value: boolean; span: Span };

export interface Alternative {
  title: string;
  /** Only valid changes (unknown targets are dropped with a diagnostic). */
  changes: AlternativeChange[];
  declaration: AlternativeDeclaration;
}

export interface ScenarioSettings {
  title: string | null;
  titleLit: StringLit | null;
  question: string | null;
  horizon: { from: string; to: string } | null;
  /** 20,000 unless the file says otherwise (and is within bounds). */
  samples: number;
  /** 1 unless the file says otherwise. */
  seed: number;
}

export interface ResolvedModel {
  settings: ScenarioSettings;
  /**
   * Every variable by name (the first declaration of a duplicated name): the imported ones first
   * (in the order of the imports), then the file's own.
   */
  variables: Map<string, ModelVariable>;
  /** Factors and events, in file order (the imported ones first). */
  inputs: InputVariable[];
  /** Outcomes in file order (the imported ones first). */
  outcomes: OutcomeVariable[];
  /**
   * For each imported variable, the import statement of this file that brings it in (directly or
   * through the files it imports); absent or empty without imports.
   */
  importedVia?: ReadonlyMap<string, Span>;
  /**
   * All variables in a topological order of the driver graph (drivers before what they drive),
   * ties in file order. When the graph has a cycle, the drivers that close it are left out of
   * their outcomes (a `cycle` diagnostic says so), so this order always exists.
   */
  order: string[];
  alternatives: Alternative[];
  /** True when any error-severity diagnostic was found (syntax or check). */
  hasErrors: boolean;
}

// The syntax tree of a .scenario file. Every node carries its exact source span, as UTF-16
// offsets into the document (the same units as JS strings and LSP positions), end exclusive.
// Pure data: no ohm, no LSP.

export interface Span {
  start: number;
  end: number;
}

export interface Name {
  text: string;
  span: Span;
}

export interface StringLit {
  /** The value with escapes resolved. */
  value: string;
  span: Span;
}

// ---- probabilities ---------------------------------------------------------------------------

/** `35%` (unit '%', value 0.35) or `0.35` (unit 'decimal'). `value` is always a fraction. */
export interface PointProbability {
  kind: 'point';
  value: number;
  unit: '%' | 'decimal';
  text: string;
  span: Span;
}

/** `20%..35%` or `0.2..0.35`. */
export interface RangeProbability {
  kind: 'range';
  low: PointProbability;
  high: PointProbability;
  text: string;
  span: Span;
}

/** An ICD 203 phrase such as `likely`; `phrase` is the canonical first form of its row. */
export interface PhraseProbability {
  kind: 'phrase';
  phrase: string;
  text: string;
  span: Span;
}

/** A hedge without a defined probability ("may", "expected"…), kept so the checks can explain it. */
export interface HedgeProbability {
  kind: 'hedge';
  text: string;
  span: Span;
}

export type ProbabilityExpr = PointProbability | RangeProbability | PhraseProbability | HedgeProbability;

// ---- strengths -------------------------------------------------------------------------------

export type StrengthWord = 'weakly' | 'moderately' | 'strongly' | 'decisively';

export interface WordStrength {
  kind: 'word';
  word: StrengthWord;
  text: string;
  span: Span;
}

/** `x3` (low = high = 3) or `x2..5` (low 2, high 5). Values as written: may be below 1 (a check). */
export interface MultiplierStrength {
  kind: 'multiplier';
  low: number;
  high: number;
  text: string;
  span: Span;
}

export type Strength = WordStrength | MultiplierStrength;

// ---- statements ------------------------------------------------------------------------------

interface StatementBase {
  span: Span;
  /** The span of the leading keyword (or of the name for driver and alternative lines). */
  keywordSpan: Span;
}

export interface ProbabilityStatement extends StatementBase {
  kind: 'probability' | 'base' | 'judged';
  value: ProbabilityExpr;
}

export interface TextStatement extends StatementBase {
  kind: 'note' | 'source' | 'question';
  text: StringLit;
}

export interface DateLit {
  text: string;
  year: number;
  month: number;
  day: number;
  span: Span;
}

export interface HorizonStatement extends StatementBase {
  kind: 'horizon';
  from: DateLit;
  to: DateLit;
}

export interface NumberStatement extends StatementBase {
  kind: 'samples' | 'seed';
  value: number;
  text: string;
  valueSpan: Span;
}

/** `NAME raises STRENGTH` / `NAME lowers STRENGTH` inside an outcome. */
export interface DriverStatement extends StatementBase {
  kind: 'driver';
  name: Name;
  direction: 'raises' | 'lowers';
  directionSpan: Span;
  strength: Strength;
}

/** Inside an alternative: `NAME P`. */
export interface AltSetStatement extends StatementBase {
  kind: 'alt-set';
  name: Name;
  value: ProbabilityExpr;
}

/** Inside an alternative: `NAME base P`. */
export interface AltBaseStatement extends StatementBase {
  kind: 'alt-base';
  name: Name;
  value: ProbabilityExpr;
}

/** Inside an alternative: `given NAME` / `given not NAME`. */
export interface AltGivenStatement extends StatementBase {
  kind: 'alt-given';
  name: Name;
  negated: boolean;
}

/** Inside an alternative: `observe NAME` / `observe not NAME` (evidence, conditioned on). */
export interface AltObserveStatement extends StatementBase {
  kind: 'alt-observe';
  name: Name;
  negated: boolean;
}

/**
 * In a factor, event or outcome: `resolved yes on 2025-11-02` / `resolved no on …`: how the
 * question turned out, and when. Never changes the forecast; `scenario score` compares the two.
 */
export interface ResolvedStatement extends StatementBase {
  kind: 'resolved';
  /** `yes` (it happened, or holds) or `no`. */
  value: boolean;
  valueSpan: Span;
  date: DateLit;
}

export type Statement =
  | ProbabilityStatement
  | TextStatement
  | HorizonStatement
  | NumberStatement
  | DriverStatement
  | AltSetStatement
  | AltBaseStatement
  | AltGivenStatement
  | AltObserveStatement
  | ResolvedStatement;

// ---- declarations ----------------------------------------------------------------------------

interface DeclarationBase {
  span: Span;
  keywordSpan: Span;
  /** From `{` to `}` inclusive. */
  bodySpan: Span;
  statements: Statement[];
}

export interface ScenarioDeclaration extends DeclarationBase {
  kind: 'scenario';
  title: StringLit;
}

export type VariableKind = 'factor' | 'event' | 'outcome';

export interface VariableDeclaration extends DeclarationBase {
  kind: VariableKind;
  name: Name;
  label: StringLit | null;
}

export interface AlternativeDeclaration extends DeclarationBase {
  kind: 'alternative';
  title: StringLit;
}

/**
 * `import "lib/pakistan.scenario"`: the factors, events and outcomes of another file become part of
 * this model (LANGUAGE.md, Imports; resolved in model/imports). It has no body: its statement list
 * is always empty, so code that walks every declaration's statements needs no case for it.
 */
export interface ImportDeclaration {
  kind: 'import';
  /** The path as written (escapes resolved), relative to the importing file. */
  path: StringLit;
  span: Span;
  keywordSpan: Span;
  statements: never[];
}

export type Declaration = ScenarioDeclaration | ImportDeclaration | VariableDeclaration | AlternativeDeclaration;

/** A declaration with a `{ … }` body: every kind but `import`. */
export type BlockDeclaration = Exclude<Declaration, ImportDeclaration>;

/** A stretch of the file that did not parse. The rest of the file is still parsed. */
export interface SyntaxError {
  /** Where the parser stopped: usually a zero- or one-character span at the offending token. */
  span: Span;
  /** The whole top-level stretch that was skipped because of this error. */
  skipped: Span;
  /** Analyst words: "expected a probability such as 35%, 20%..35% or likely". */
  message: string;
  /** The descriptions of what was expected there (for completion and tests). */
  expected: string[];
  /** The declaration keyword that starts the skipped stretch, if any, and its name when readable. */
  declarationKind?: Declaration['kind'];
  declarationName?: Name;
}

export interface Comment {
  text: string;
  span: Span;
}

export interface ScenarioDocument {
  text: string;
  declarations: Declaration[];
  errors: SyntaxError[];
  comments: Comment[];
}

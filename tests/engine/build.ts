// A small builder of resolved models for engine tests, so they do not depend on the parser.
import type {
  Alternative, AlternativeChange, Driver, InputVariable, ModelVariable, OutcomeVariable, ProbabilitySpec,
  ResolvedModel, StrengthSpec,
} from '../../server/src/model/types';
import type { VariableDeclaration, AlternativeDeclaration } from '../../server/src/syntax/ast';
import { phraseRow, strengthRow } from '../../server/src/syntax/vocabulary';

/** A point (0.3), a range ([0.2, 0.4]) or a phrase ('likely'). */
export type P = number | [number, number] | string;
/** A multiplier (3), a range ([2, 5], log-uniform) or a word ('strongly'). */
export type K = number | [number, number] | string;

export interface OutcomeSpec {
  base: P;
  drivers?: [string, 'raises' | 'lowers', K][];
  judged?: P;
}

export interface AlternativeSpec {
  title: string;
  set?: Record<string, P>;
  base?: Record<string, P>;
  given?: Record<string, boolean>;
  observe?: Record<string, boolean>;
}

export interface ModelSpec {
  factors?: Record<string, P>;
  events?: Record<string, P>;
  outcomes?: Record<string, OutcomeSpec>;
  alternatives?: AlternativeSpec[];
  samples?: number;
  seed?: number;
}

const span = { start: 0, end: 0 };

export function prob(p: P): ProbabilitySpec {
  if (typeof p === 'number') return { low: p, high: p, text: `${p * 100}%`, span };
  if (Array.isArray(p)) return { low: p[0], high: p[1], text: `${p[0] * 100}%..${p[1] * 100}%`, span };
  const row = phraseRow(p);
  if (!row) throw new Error(`not a phrase: ${p}`);
  return { low: row.low, high: row.high, text: p, phrase: row.phrase, span };
}

export function strength(k: K): StrengthSpec {
  if (typeof k === 'number') return { low: k, high: k, text: `x${k}`, span };
  if (Array.isArray(k)) return { low: k[0], high: k[1], text: `x${k[0]}..${k[1]}`, span };
  const row = strengthRow(k);
  if (!row) throw new Error(`not a strength: ${k}`);
  return { low: row.low, high: row.high, text: k, span };
}

function declaration(kind: ModelVariable['kind'], name: string): VariableDeclaration {
  return {
    kind, name: { text: name, span }, label: null, span, keywordSpan: span, bodySpan: span, statements: [],
  };
}

export function buildModel(spec: ModelSpec): ResolvedModel {
  const variables = new Map<string, ModelVariable>();
  const inputs: InputVariable[] = [];
  const outcomes: OutcomeVariable[] = [];
  for (const [kind, entries] of [['factor', spec.factors], ['event', spec.events]] as const) {
    for (const [name, p] of Object.entries(entries ?? {})) {
      const v: InputVariable = {
        name, kind, label: name, notes: [], sources: [], declaration: declaration(kind, name), probability: prob(p),
      };
      variables.set(name, v);
      inputs.push(v);
    }
  }
  for (const [name, o] of Object.entries(spec.outcomes ?? {})) {
    const drivers: Driver[] = (o.drivers ?? []).map(([driver, direction, k]) => ({
      name: driver, direction, strength: strength(k), span,
    }));
    const v: OutcomeVariable = {
      name, kind: 'outcome', label: name, notes: [], sources: [], declaration: declaration('outcome', name),
      base: prob(o.base), drivers, judged: o.judged === undefined ? null : prob(o.judged),
    };
    variables.set(name, v);
    outcomes.push(v);
  }
  const alternatives: Alternative[] = (spec.alternatives ?? []).map((a) => {
    const changes: AlternativeChange[] = [
      ...Object.entries(a.set ?? {}).map(([name, p]) => ({ kind: 'set-probability' as const, name, probability: prob(p), span })),
      ...Object.entries(a.base ?? {}).map(([name, p]) => ({ kind: 'set-base' as const, name, base: prob(p), span })),
      ...Object.entries(a.given ?? {}).map(([name, value]) => ({ kind: 'given' as const, name, value, span })),
      ...Object.entries(a.observe ?? {}).map(([name, value]) => ({ kind: 'observe' as const, name, value, span })),
    ];
    const decl: AlternativeDeclaration = {
      kind: 'alternative', title: { value: a.title, span }, span, keywordSpan: span, bodySpan: span, statements: [],
    };
    return { title: a.title, changes, declaration: decl };
  });
  return {
    settings: {
      title: 'test', titleLit: null, question: null, horizon: null,
      samples: spec.samples ?? 20_000, seed: spec.seed ?? 1,
    },
    variables, inputs, outcomes, order: topologicalOrder(variables), alternatives, hasErrors: false,
  };
}

function topologicalOrder(variables: Map<string, ModelVariable>): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    const v = variables.get(name);
    if (v?.kind === 'outcome') for (const d of v.drivers) visit(d.name);
    order.push(name);
  };
  for (const name of variables.keys()) visit(name);
  return order;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
export const logit = (p: number) => Math.log(p / (1 - p));
/** σ(logit(base) + Σ ln K) for a point base and point multipliers. */
export const withOdds = (base: number, ...multipliers: number[]) =>
  sigmoid(logit(base) + multipliers.reduce((s, k) => s + Math.log(k), 0));

/** A deterministic random model: `inputs` factors, `outcomes` outcomes with 1–4 drivers each. */
export function randomModel(seed: number, inputs: number, outcomes: number): ModelSpec {
  let state = seed >>> 0;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const phrases = ['very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely'];
  const words = ['weakly', 'moderately', 'strongly', 'decisively'];
  const factors: Record<string, P> = {};
  for (let i = 0; i < inputs; i++) {
    const r = next();
    factors[`f${i}`] = r < 0.4 ? phrases[Math.floor(next() * phrases.length)]! : r < 0.7 ? Math.round(next() * 100) / 100
      : [Math.round(next() * 40) / 100, Math.round(50 + next() * 50) / 100];
  }
  const specs: Record<string, OutcomeSpec> = {};
  const names = Object.keys(factors);
  for (let i = 0; i < outcomes; i++) {
    const count = 1 + Math.floor(next() * 4);
    const drivers: NonNullable<OutcomeSpec['drivers']> = [];
    const used = new Set<string>();
    for (let d = 0; d < count; d++) {
      const name = names[Math.floor(next() * names.length)]!;
      if (used.has(name)) continue;
      used.add(name);
      const k = next() < 0.7 ? words[Math.floor(next() * words.length)]! : 1 + Math.round(next() * 50) / 10;
      drivers.push([name, next() < 0.7 ? 'raises' : 'lowers', k]);
    }
    specs[`o${i}`] = { base: next() < 0.5 ? Math.round(5 + next() * 50) / 100 : [0.05, 0.3], drivers };
    names.push(`o${i}`);
  }
  return { factors, outcomes: specs, alternatives: [{ title: 'first holds', given: { f0: true } }] };
}

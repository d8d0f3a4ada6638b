// Name resolution: the syntax tree becomes the engine's model. Only what the checks accept gets in;
// every value or line left out has a diagnostic that says why.
import type {
  AlternativeDeclaration, ProbabilityExpr, ScenarioDeclaration, Span, VariableDeclaration,
} from '../syntax/ast';
import { changeConflicts, changeStatements } from './alternativeChanges';
import type { DriverGraph } from './graph';
import { topologicalOrder } from './graph';
import type { SymbolTable } from './symbols';
import type {
  Alternative, AlternativeChange, Driver, InputVariable, ModelVariable, OutcomeVariable,
  Resolution, ResolvedModel, ScenarioSettings,
} from './types';
import {
  compareDates, dateExists, DEFAULT_SAMPLES, DEFAULT_SEED, probabilitySpec, samplesValid, strengthSpec,
} from './values';

export function resolveModel(symbols: SymbolTable, graph: DriverGraph, hasErrors: boolean): ResolvedModel {
  const variables = new Map<string, ModelVariable>();
  const inputs: InputVariable[] = [];
  const outcomes: OutcomeVariable[] = [];
  // Imported variables first, as their files resolved them (their scenario blocks and alternatives
  // are not imported), each marked with the file that declares it.
  const importedVia = new Map<string, Span>();
  for (const [name, imported] of symbols.imported) {
    const v = imported.variable;
    variables.set(name, v);
    importedVia.set(name, imported.via.span);
    if (v.kind === 'outcome') outcomes.push(v);
    else inputs.push(v);
  }
  for (const [name, decl] of symbols.variables) {
    if (variables.has(name)) continue; // declared in an imported file too: `duplicate-name` here
    const v = decl.kind === 'outcome' ? resolveOutcome(decl, graph) : resolveInput(decl);
    variables.set(name, v);
    if (v.kind === 'outcome') outcomes.push(v);
    else inputs.push(v);
  }
  const order = topologicalOrder([...variables.keys()], (name) => {
    const v = variables.get(name);
    return v?.kind === 'outcome' ? v.drivers.map((d) => d.name) : [];
  });
  return {
    settings: resolveSettings(symbols.scenarios[0]),
    variables,
    inputs,
    outcomes,
    order,
    alternatives: symbols.alternatives.map((a) => resolveAlternative(a, variables)),
    hasErrors,
    importedVia,
  };
}

/** Notes, sources and the first `probability`/`base`/`judged` (a later repeat does not override it). */
function readStatements(decl: VariableDeclaration) {
  const notes: string[] = [];
  const sources: string[] = [];
  let probability: ProbabilityExpr | undefined;
  let base: ProbabilityExpr | undefined;
  let judged: ProbabilityExpr | undefined;
  let resolution: Resolution | null = null;
  let resolvedSeen = false;
  for (const s of decl.statements) {
    switch (s.kind) {
      case 'resolved':
        // Only the first line counts (a second is `duplicate-resolution`), and only a real date.
        if (!resolvedSeen && dateExists(s.date)) resolution = { value: s.value, date: s.date.text, span: s.span };
        resolvedSeen = true;
        break;
      case 'note': notes.push(s.text.value); break;
      case 'source': sources.push(s.text.value); break;
      case 'probability': probability ??= s.value; break;
      case 'base': base ??= s.value; break;
      case 'judged': judged ??= s.value; break;
    }
  }
  const spec = (e: ProbabilityExpr | undefined) => (e ? probabilitySpec(e) : null);
  return { notes, sources, resolution, probability: spec(probability), base: spec(base), judged: spec(judged) };
}

function resolveInput(decl: VariableDeclaration): InputVariable {
  const read = readStatements(decl);
  return {
    name: decl.name.text,
    kind: decl.kind === 'event' ? 'event' : 'factor',
    label: decl.label?.value ?? decl.name.text,
    notes: read.notes,
    sources: read.sources,
    resolution: read.resolution,
    declaration: decl,
    probability: read.probability,
  };
}

function resolveOutcome(decl: VariableDeclaration, graph: DriverGraph): OutcomeVariable {
  const drivers: Driver[] = [];
  for (const line of graph.edges.get(decl.name.text) ?? []) {
    if (graph.closing.has(line)) continue;
    const strength = strengthSpec(line.strength);
    if (!strength) continue;
    drivers.push({ name: line.name.text, direction: line.direction, strength, span: line.span });
  }
  const read = readStatements(decl);
  return {
    name: decl.name.text,
    kind: 'outcome',
    label: decl.label?.value ?? decl.name.text,
    notes: read.notes,
    sources: read.sources,
    resolution: read.resolution,
    declaration: decl,
    base: read.base,
    drivers,
    judged: read.judged,
  };
}

function resolveSettings(decl: ScenarioDeclaration | undefined): ScenarioSettings {
  const settings: ScenarioSettings = {
    title: decl?.title.value ?? null,
    titleLit: decl?.title ?? null,
    question: null,
    horizon: null,
    samples: DEFAULT_SAMPLES,
    seed: DEFAULT_SEED,
  };
  const seen = new Set<string>();
  for (const s of decl?.statements ?? []) {
    if (seen.has(s.kind)) continue;
    seen.add(s.kind);
    if (s.kind === 'question') settings.question = s.text.value;
    else if (s.kind === 'horizon') {
      if (dateExists(s.from) && dateExists(s.to) && compareDates(s.from, s.to) <= 0) {
        settings.horizon = { from: s.from.text, to: s.to.text };
      }
    } else if (s.kind === 'samples') {
      if (samplesValid(s.value)) settings.samples = s.value;
    } else if (s.kind === 'seed') {
      if (Number.isSafeInteger(s.value) && s.value >= 0) settings.seed = s.value;
    }
  }
  return settings;
}

function resolveAlternative(decl: AlternativeDeclaration, variables: Map<string, ModelVariable>): Alternative {
  const statements = changeStatements(decl);
  const conflicting = new Set(changeConflicts(statements).map((c) => c.statement));
  const changes: AlternativeChange[] = [];
  for (const s of statements) {
    const v = variables.get(s.name.text);
    if (!v || conflicting.has(s)) continue;
    if (s.kind === 'alt-given') {
      changes.push({ kind: 'given', name: v.name, value: !s.negated, span: s.span });
    } else if (s.kind === 'alt-observe') {
      changes.push({ kind: 'observe', name: v.name, value: !s.negated, span: s.span });
    } else if (s.kind === 'alt-set' && v.kind !== 'outcome') {
      const probability = probabilitySpec(s.value);
      if (probability) changes.push({ kind: 'set-probability', name: v.name, probability, span: s.span });
    } else if (s.kind === 'alt-base' && v.kind === 'outcome') {
      const base = probabilitySpec(s.value);
      if (base) changes.push({ kind: 'set-base', name: v.name, base, span: s.span });
    }
  }
  return { title: decl.title.value, changes, declaration: decl };
}

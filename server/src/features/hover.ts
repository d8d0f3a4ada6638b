// Hover that explains: what a name stands for and what the forecast says about it, and what the
// words of the language mean. Everything taken from the file is escaped (escapeMarkdown).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ProbabilityExpr, Span } from '../syntax/ast';
import type { InputVariable, ModelVariable, OutcomeVariable, ProbabilitySpec } from '../model/types';
import type { OutcomeForecast } from '../../../common/forecast';
import { phraseFor, phraseRow } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { describeDriver, explainWord, multiplierMeaning } from './explain';
import { lex, lineAround, phraseAt, tokenAt } from './lexer';
import { probabilityExprAt } from './nodes';
import { importedDeclaration } from './imported';
import { declaredNames, occurrenceAt } from './occurrences';
import { offsetAt, spanToRange } from './text';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatScore } from '../../../common/report/scores';
import { brierScore, judgedPoint } from '../history/score';
import { buildReport, type Report, type ReportOutcome } from '../../../common/report';
import {
  formatBand, formatPercent, formatPoints, formatWrittenPercent, formatWrittenRange, samplingOf,
} from '../../../common/text/numbers';

const TOP_DRIVERS = 5;
/** Signposts and linchpins a hover lists (the preview and the JSON have them all). */
const TOP_GUIDES = 3;

export function hover(state: DocumentState, position: Position): Hover | null {
  const offset = offsetAt(state, position);
  const line = lineAround(state.text, offset);
  const tokens = lex(state.text, line.start, line.end);
  const at = tokenAt(tokens, offset);
  if (!at || at.token.kind === 'comment' || at.token.kind === 'string' || at.token.kind === 'punct') return null;
  const { token, index } = at;

  const occurrence = occurrenceAt(state, offset);
  if (occurrence && occurrence.span.start === token.start) {
    const value = explainName(state, occurrence.name);
    return value ? markdown(state, occurrence.span, value) : null;
  }

  if (token.kind === 'word') {
    for (let i = Math.max(0, index - 3); i <= index; i++) {
      const phrase = phraseAt(state.text, tokens, i);
      if (phrase && phrase.start <= offset && offset <= phrase.end) {
        const explained = explainWord(phrase.form);
        if (explained) return markdown(state, phrase, explained);
      }
    }
    const explained = explainWord(token.text);
    if (explained) return markdown(state, token, explained);
    // A name in text that does not parse yet.
    if (declaredNames(state).some((d) => d.name === token.text)) {
      const value = explainName(state, token.text);
      if (value) return markdown(state, token, value);
    }
    return null;
  }
  if (token.kind === 'multiplier') {
    const explained = multiplierMeaning(token.text);
    return explained ? markdown(state, token, explained) : null;
  }
  if (token.kind === 'number' || token.kind === 'range') {
    const found = probabilityExprAt(state, { start: offset, end: offset });
    if (found && found.expr.kind !== 'phrase' && found.expr.kind !== 'hedge') {
      return markdown(state, found.expr.span, explainNumber(found.expr));
    }
  }
  return null;
}

function markdown(state: DocumentState, span: Span, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(state, { start: span.start, end: span.end }) };
}

function explainNumber(expr: Exclude<ProbabilityExpr, { kind: 'phrase' | 'hedge' }>): string {
  const written = escapeMarkdown(expr.text);
  if (expr.kind === 'point') {
    const row = phraseFor(expr.value);
    return `**${written}**: a point probability; in words, *${row.phrase}* (${formatWrittenRange(row.low, row.high)} in ICD 203).`;
  }
  const mean = (expr.low.value + expr.high.value) / 2;
  const row = phraseFor(mean);
  return `**${written}**: an uncertain probability, uniform between ${formatWrittenPercent(expr.low.value)} and ${formatWrittenPercent(expr.high.value)} (mean ${formatPercent(mean)}); in words, *${row.phrase}* (${formatWrittenRange(row.low, row.high)} in ICD 203).`;
}

/** The hover of a factor, event or outcome name. */
export function explainName(state: DocumentState, name: string): string | null {
  const variable = state.model.variables.get(name);
  if (!variable) {
    const declared = declaredNames(state).find((d) => d.name === name);
    if (!declared) return `**${escapeMarkdown(name)}** is not declared in this file.`;
    return `${header(declared.kind, name, declared.label)}\n\nThis declaration does not parse yet; fix it to see its numbers.`;
  }
  const explained = variable.kind === 'outcome' ? explainOutcome(state, variable) : explainInput(state, variable);
  const imported = importedDeclaration(state, name);
  if (!imported) return explained;
  // Where it is declared, right under its name: the file this one imports it from.
  const [head, ...rest] = explained.split('\n\n');
  return [head, `*Declared in* ${escapeMarkdown(imported.shown)} *(imported)*.`, ...rest].join('\n\n');
}

function header(kind: string, name: string, label: string | null): string {
  const shown = label && label !== name ? ` — ${escapeMarkdown(label)}` : '';
  return `**${kind}** **${escapeMarkdown(name)}**${shown}`;
}

function explainInput(state: DocumentState, variable: InputVariable): string {
  const parts = [header(variable.kind, variable.name, variable.label)];
  parts.push(variable.probability ? `**Probability:** ${describeSpec(variable.probability)}.` : '**Probability:** missing (add a `probability` line).');
  const resolved = resolvedLine(variable, variable.probability ? (variable.probability.low + variable.probability.high) / 2 : null, null);
  if (resolved) parts.push(resolved);
  parts.push(...notesAndSources(variable));
  parts.push(...drives(state, variable));
  const pinned = linchpinOf(state, variable.name);
  if (pinned.length) parts.push(`**Linchpin of:**\n${pinned.join('\n')}`);
  return parts.join('\n\n');
}

/** The judgments that would flip if this factor's probability left an interval: "- **o**: stays likely while f is above 41%". */
function linchpinOf(state: DocumentState, name: string): string[] {
  const report = reportOf(state);
  if (!report) return [];
  return report.outcomes.flatMap((o) => o.linchpins.filter((l) => l.name === name)
    .map((l) => `- **${escapeMarkdown(o.name)}**${labelOf(state, o.name)}: ${escapeMarkdown(l.text)}`));
}

/** The forecast's report (common/report), whose texts every surface shows alike; built once per forecast. */
const reports = new WeakMap<object, Report>();
function reportOf(state: DocumentState): Report | null {
  const forecast = state.forecast;
  if (!forecast) return null;
  let report = reports.get(forecast);
  if (!report) {
    report = buildReport(forecast);
    reports.set(forecast, report);
  }
  return report;
}

function reportOutcome(state: DocumentState, name: string): ReportOutcome | undefined {
  return reportOf(state)?.outcomes.find((o) => o.name === name);
}

function explainOutcome(state: DocumentState, outcome: OutcomeVariable): string {
  const parts = [header('outcome', outcome.name, outcome.label)];
  const computed = outcomeForecast(state, outcome.name);
  const status = forecastStatus(state, computed);
  if (computed) {
    const sampling = state.forecast ? samplingOf(state.forecast) : undefined;
    const probability = formatPercent(computed.probability, sampling);
    const band = computed.band[0] === computed.band[1]
      ? 'no band: nothing in it is uncertain'
      : `band ${formatBand(computed.band, sampling)} (5th–95th percentile)`;
    parts.push(`**Forecast:** ${probability}, *${escapeMarkdown(computed.phrase)}*; ${band}.`);
    if (computed.judged) {
      const judged = `${escapeMarkdown(computed.judged.text)} (${formatWrittenRange(computed.judged.range[0], computed.judged.range[1])})`;
      parts.push(computed.judged.agrees
        ? `**Judged:** ${judged}: agrees with the computed ${probability}.`
        : `**Judged:** ${judged}: contradicted, the computed ${probability} falls outside it.`);
    } else if (outcome.judged) {
      parts.push(`**Judged:** ${escapeMarkdown(outcome.judged.text)}: not checked yet.`);
    }
    const top = computed.swing.slice(0, TOP_DRIVERS);
    if (top.length) {
      parts.push(`**Top drivers by swing:** ${top.map((s) => `${escapeMarkdown(s.name)} ${formatPoints(s.points)} points`).join(', ')}.`);
    }
    const shown = reportOutcome(state, outcome.name);
    if (shown?.signposts.length) {
      parts.push(`**What to watch:** ${shown.signposts.slice(0, TOP_GUIDES).map((s) => escapeMarkdown(s.text)).join('; ')}.`);
    }
    if (shown?.linchpins.length) {
      parts.push(`**Linchpins:** ${shown.linchpins.slice(0, TOP_GUIDES).map((l) => escapeMarkdown(l.text)).join('; ')}.`);
    }
  } else if (outcome.judged) {
    parts.push(`**Judged:** ${escapeMarkdown(outcome.judged.text)} (${formatWrittenRange(outcome.judged.low, outcome.judged.high)}).`);
  }
  const resolved = resolvedLine(outcome, computed && !computed.stale ? computed.probability : null, outcome.judged ? judgedPoint(outcome.judged) : null);
  if (resolved) parts.push(resolved);
  if (status) parts.push(status);
  parts.push(outcome.base
    ? `**Base:** ${describeSpec(outcome.base)}. It is the probability when none of the drivers holds.`
    : '**Base:** missing (add a `base` line).');
  if (outcome.drivers.length) {
    const lines = outcome.drivers.map((d) => {
      const label = labelOf(state, d.name);
      const swing = computed?.swing.find((s) => s.name === d.name);
      const swingText = swing ? `; swing ${formatPoints(swing.points)} points` : '';
      return `- **${escapeMarkdown(d.name)}**${label}: ${describeDriver(d.direction, d.strength.text, d.strength.low, d.strength.high)}${swingText}`;
    });
    parts.push(`**Drivers:**\n${lines.join('\n')}`);
  } else {
    parts.push('**Drivers:** none; the forecast is the base.');
  }
  parts.push(...notesAndSources(outcome));
  parts.push(...drives(state, outcome));
  return parts.join('\n\n');
}

/**
 * "**Resolved:** yes on 2025-11-02. Brier 0.0225 for this forecast (85%); your judged call's 0.0156."
 * The score is of the forecast in the editor; `scenario score` scores the forecast of record
 * (the last commit before that day). A resolution never changes the forecast.
 */
function resolvedLine(variable: ModelVariable, probability: number | null, judged: number | null): string | null {
  const r = variable.resolution;
  if (!r) return null;
  const how = `**Resolved:** ${r.value ? 'yes' : 'no'} on ${r.date}.`;
  if (probability === null) return `${how} Its Brier score appears with the forecast.`;
  const judgedText = judged === null ? '' : `; your judged call's ${formatScore(brierScore(judged, r.value))}`;
  return `${how} Brier score ${formatScore(brierScore(probability, r.value))} for this forecast (${formatPercent(probability)})${judgedText}. ` +
    '`scenario score` scores the forecast of record, the last commit before that day.';
}

/** "65% on average, uniform over 55%–75%; in words, *likely* (55%–80% in ICD 203)" (no final stop). */
function describeSpec(spec: ProbabilitySpec): string {
  const mean = (spec.low + spec.high) / 2;
  // A point is the analyst's own number, shown as written; a mean is computed.
  const shown = spec.low === spec.high ? formatWrittenPercent(spec.low) : formatPercent(mean);
  const written = phraseRow(spec.text) ?? (spec.phrase ? phraseRow(spec.phrase) : undefined);
  if (written) {
    return `${shown} on average: *${escapeMarkdown(spec.text.replace(/\s+/g, ' '))}*, which ICD 203 puts at ${formatWrittenRange(written.low, written.high)}`;
  }
  const row = phraseFor(mean);
  const spread = spec.low === spec.high ? '' : ` on average, uniform over ${formatWrittenRange(spec.low, spec.high)}`;
  return `${shown}${spread}; in words, *${row.phrase}* (${formatWrittenRange(row.low, row.high)} in ICD 203)`;
}

function notesAndSources(variable: ModelVariable): string[] {
  return [
    ...variable.notes.map((n) => `**Note:** ${escapeMarkdown(n)}`),
    ...variable.sources.map((s) => `**Source:** ${escapeMarkdown(s)}`),
  ];
}

/** The outcomes a variable drives, directly and through other outcomes, with its swing on each. */
function drives(state: DocumentState, variable: ModelVariable): string[] {
  const lines: string[] = [];
  const direct = new Set<string>();
  for (const outcome of state.model.outcomes) {
    for (const d of outcome.drivers) {
      if (d.name !== variable.name) continue;
      direct.add(outcome.name);
      lines.push(`- **${escapeMarkdown(outcome.name)}**${labelOf(state, outcome.name)}: ${describeDriver(d.direction, d.strength.text, d.strength.low, d.strength.high)}${swingOn(state, outcome.name, variable.name)}`);
    }
  }
  for (const computed of state.forecast?.outcomes ?? []) {
    if (direct.has(computed.name) || !state.model.variables.has(computed.name)) continue;
    if (computed.swing.some((s) => s.name === variable.name)) {
      lines.push(`- **${escapeMarkdown(computed.name)}**${labelOf(state, computed.name)}: indirectly, through other outcomes${swingOn(state, computed.name, variable.name)}`);
    }
  }
  if (!lines.length) return variable.kind === 'outcome' ? [] : ['**Drives:** no outcome yet.'];
  const result = [`**Drives:**\n${lines.join('\n')}`];
  const status = forecastStatus(state);
  if (status && variable.kind !== 'outcome') result.push(status);
  return result;
}

function swingOn(state: DocumentState, outcome: string, name: string): string {
  const swing = outcomeForecast(state, outcome)?.swing.find((s) => s.name === name);
  return swing ? `; swing ${formatPoints(swing.points)} points` : '';
}

function outcomeForecast(state: DocumentState, name: string): OutcomeForecast | undefined {
  return state.forecast?.outcomes.find((o) => o.name === name);
}

function forecastStatus(state: DocumentState, outcome?: OutcomeForecast): string | null {
  if (!state.forecast) return '*No forecast yet: the numbers appear once the file is free of errors and computed.*';
  if (outcome?.stale) return `*Last good numbers, not forecast anew: ${escapeMarkdown(outcome.stale)}.*`;
  if (state.forecastStale) return '*From the last good forecast, of an earlier version of this file (the current one has errors or is still being computed).*';
  return null;
}

function labelOf(state: DocumentState, name: string): string {
  const variable = state.model.variables.get(name);
  return variable && variable.label !== name ? ` (${escapeMarkdown(variable.label)})` : '';
}

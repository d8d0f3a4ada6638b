// Right after each outcome's name, the probability the forecast computed for it ("≈ 63% likely"),
// where it stays in view however long the label is. While a newer forecast is on its way the hint
// keeps the last numbers word for word, so it does not flicker while one types; only its tooltip
// says when the numbers are an earlier version's because of an error.
import { type InlayHint, type MarkupContent, type Range } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { rangeToSpan } from './text';
import type { VariableDeclaration } from '../syntax/ast';
import type { OutcomeForecast } from '../../../common/forecast';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatBand, formatPercent, samplingOf } from '../../../common/text/numbers';

export interface ComputedOutcome {
  declaration: VariableDeclaration;
  computed: OutcomeForecast;
  /** "≈ 63% likely": the inlay hint's label, or the code lens's title. */
  text: string;
  /** The number with its band, and why it is an earlier version's when it is: Markdown, and plain for a lens. */
  tooltip: MarkupContent;
  plainTooltip: string;
}

/** Each outcome declaration that has a computed forecast, with what the editor shows for it. */
export function computedOutcomes(state: DocumentState): ComputedOutcome[] {
  const forecast = state.forecast;
  if (!forecast) return [];
  const sampling = samplingOf(forecast);
  const shown: ComputedOutcome[] = [];
  for (const declaration of state.document.declarations) {
    if (declaration.kind !== 'outcome') continue;
    const computed = forecast.outcomes.find((o) => o.name === declaration.name.text);
    if (!computed) continue;
    const probability = formatPercent(computed.probability, sampling);
    const numbers = computed.band[0] === computed.band[1] ? probability : `${probability}, band ${formatBand(computed.band, sampling)}`;
    // A forecast on its way is not worth a word (it replaces these numbers in a moment); an error is.
    const earlier = computed.stale
      ? `last good numbers: ${computed.stale}`
      : state.forecastStale && state.model.hasErrors ? 'last good forecast' : null;
    const name = declaration.name.text;
    shown.push({
      declaration,
      computed,
      text: `≈ ${probability} ${computed.phrase}`,
      tooltip: {
        kind: 'markdown',
        value: `Computed forecast of **${escapeMarkdown(name)}**: ${numbers}${earlier ? ` (${escapeMarkdown(earlier)})` : ''}.`,
      },
      plainTooltip: `Computed forecast of ${name}: ${numbers}${earlier ? ` (${earlier})` : ''}.`,
    });
  }
  return shown;
}

export function inlayHints(state: DocumentState, range: Range): InlayHint[] {
  const wanted = rangeToSpan(state, range);
  const hints: InlayHint[] = [];
  for (const { declaration, text, tooltip } of computedOutcomes(state)) {
    const after = declaration.name.span.end;
    if (after < wanted.start || after > wanted.end) continue;
    hints.push({ position: state.lines.positionAt(after), label: text, paddingLeft: true, paddingRight: true, tooltip });
  }
  return hints;
}

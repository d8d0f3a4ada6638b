// After each outcome's header, the probability the forecast computed for it ("≈ 63% likely").
import { type InlayHint, type Range } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { rangeToSpan } from './text';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatBand, formatPercent, samplingOf } from '../../../common/text/numbers';

export function inlayHints(state: DocumentState, range: Range): InlayHint[] {
  const forecast = state.forecast;
  if (!forecast) return [];
  const wanted = rangeToSpan(state, range);
  const sampling = samplingOf(forecast);
  const hints: InlayHint[] = [];
  for (const decl of state.document.declarations) {
    if (decl.kind !== 'outcome') continue;
    const after = (decl.label ?? decl.name).span.end;
    if (after < wanted.start || after > wanted.end) continue;
    const computed = forecast.outcomes.find((o) => o.name === decl.name.text);
    if (!computed) continue;
    // Stale: the whole forecast is of an earlier version, or this outcome depends on an error.
    const old = state.forecastStale || computed.stale !== undefined;
    const stale = computed.stale ? ` (last good numbers: ${computed.stale})` : state.forecastStale ? ' (last good forecast)' : '';
    const probability = formatPercent(computed.probability, sampling);
    const band = computed.band[0] === computed.band[1] ? '' : `, band ${formatBand(computed.band, sampling)}`;
    hints.push({
      position: state.lines.positionAt(after),
      label: `≈ ${probability} ${computed.phrase}${old ? ' (earlier version)' : ''}`,
      paddingLeft: true,
      tooltip: {
        kind: 'markdown',
        value: `Computed forecast of **${escapeMarkdown(decl.name.text)}**: ${probability}${band}${escapeMarkdown(stale)}.`,
      },
    });
  }
  return hints;
}

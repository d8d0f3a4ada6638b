// After each outcome's header, the probability the forecast computed for it ("≈ 63% likely").
import { type InlayHint, type Range } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { escapeMarkdown, formatPercent, rangeToSpan } from './text';

export function inlayHints(state: DocumentState, range: Range): InlayHint[] {
  const forecast = state.forecast;
  if (!forecast) return [];
  const wanted = rangeToSpan(state, range);
  const hints: InlayHint[] = [];
  for (const decl of state.document.declarations) {
    if (decl.kind !== 'outcome') continue;
    const after = (decl.label ?? decl.name).span.end;
    if (after < wanted.start || after > wanted.end) continue;
    const computed = forecast.outcomes.find((o) => o.name === decl.name.text);
    if (!computed) continue;
    const stale = state.forecastStale ? ' (last good forecast)' : '';
    const band = computed.band[0] === computed.band[1] ? '' : `, band ${formatPercent(computed.band[0])}–${formatPercent(computed.band[1])}`;
    hints.push({
      position: state.lines.positionAt(after),
      label: `≈ ${formatPercent(computed.probability)} ${computed.phrase}${state.forecastStale ? ' (earlier version)' : ''}`,
      paddingLeft: true,
      tooltip: {
        kind: 'markdown',
        value: `Computed forecast of **${escapeMarkdown(decl.name.text)}**: ${formatPercent(computed.probability)}${band}${stale}.`,
      },
    });
  }
  return hints;
}

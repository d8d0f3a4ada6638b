// The `judgment` check (LANGUAGE.md): a `judged` call that the forecast contradicts is a warning
// on the judged value, with a quick fix that rewrites it to the phrase whose range holds P(O).
import type { Diagnostic } from '../model/diagnostics';
import { SEVERITY } from '../model/diagnostics';
import type { ResolvedModel } from '../model/types';
import { phraseFor } from '../syntax/vocabulary';
import type { Forecast } from '../../../common/forecast';

function percent(p: number): string {
  const value = p * 100;
  return `${Number(value.toFixed(value >= 10 && value <= 90 ? 0 : 1))}%`;
}

export function judgmentDiagnostics(model: ResolvedModel, forecast: Forecast): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const outcome of forecast.outcomes) {
    const judged = outcome.judged;
    const variable = model.variables.get(outcome.name);
    if (!judged || judged.agrees || variable?.kind !== 'outcome' || !variable.judged) continue;
    const phrase = phraseFor(outcome.probability);
    const stated = judged.range[0] === judged.range[1]
      ? percent(judged.range[0])
      : `${percent(judged.range[0])}–${percent(judged.range[1])}`;
    diagnostics.push({
      code: 'judgment',
      severity: SEVERITY.judgment,
      message:
        `The forecast gives ${outcome.name} ${percent(outcome.probability)} ("${phrase.phrase}", ` +
        `${percent(phrase.low)}–${percent(phrase.high)}), outside the judged "${judged.text}" (${stated}). ` +
        `Change the judgment to "${phrase.phrase}", or revisit the base and drivers.`,
      span: variable.judged.span,
      fixes: [{ span: variable.judged.span, newText: phrase.phrase, title: `Change to '${phrase.phrase}'` }],
    });
  }
  return diagnostics;
}

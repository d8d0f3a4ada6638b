// The `judgment` check (LANGUAGE.md): a `judged` call that the forecast contradicts is a warning
// on the judged value, with a quick fix that rewrites it to the phrase whose range holds P(O).
import type { Diagnostic } from '../model/diagnostics';
import { SEVERITY } from '../model/diagnostics';
import type { ResolvedModel } from '../model/types';
import { phraseFor } from '../syntax/vocabulary';
import type { Forecast } from '../../../common/forecast';
import { formatPercent, formatWrittenRange, samplingOf } from '../../../common/text/numbers';

export function judgmentDiagnostics(model: ResolvedModel, forecast: Forecast): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sampling = samplingOf(forecast);
  for (const outcome of forecast.outcomes) {
    const judged = outcome.judged;
    const variable = model.variables.get(outcome.name);
    if (!judged || judged.agrees || variable?.kind !== 'outcome' || !variable.judged) continue;
    const phrase = phraseFor(outcome.probability);
    diagnostics.push({
      code: 'judgment',
      severity: SEVERITY.judgment,
      message:
        `The forecast gives ${outcome.name} ${formatPercent(outcome.probability, sampling)} ("${phrase.phrase}", ` +
        `${formatWrittenRange(phrase.low, phrase.high)}), outside the judged "${judged.text}" ` +
        `(${formatWrittenRange(judged.range[0], judged.range[1])}). ` +
        `Change the judgment to "${phrase.phrase}", or revisit the base and drivers.`,
      span: variable.judged.span,
      fixes: [{ span: variable.judged.span, newText: phrase.phrase, title: `Change to '${phrase.phrase}'` }],
    });
  }
  return diagnostics;
}

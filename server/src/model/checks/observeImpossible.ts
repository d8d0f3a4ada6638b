// `observe-impossible`: an alternative whose observations the model gives probability 0 (an
// outcome pinned at base 0% seen to hold, a name seen to hold that an earlier `given not` rules
// out). Only the forecast knows P(E), so this is found from it (analysis/analyzeSource.ts), like
// `judgment`: the alternative then has no numbers, and the rest of the file is forecast as usual.
import type { Forecast } from '../../../../common/forecast';
import type { Span } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import type { Alternative, AlternativeChange, ResolvedModel } from '../types';

type Observation = Extract<AlternativeChange, { kind: 'observe' }>;
import { diagnostic, q } from './context';

/** How many observations a message names before it says how many more there are. */
const NAMED_OBSERVATIONS = 3;

export function observeImpossibleDiagnostics(model: ResolvedModel, forecast: Forecast): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The k-th alternative of a title is the k-th forecast of that title (titles may repeat).
  const forecasts = new Map<string, Forecast['alternatives']>();
  for (const a of forecast.alternatives) forecasts.set(a.name, [...(forecasts.get(a.name) ?? []), a]);
  const seen = new Map<string, number>();
  for (const alternative of model.alternatives) {
    const k = seen.get(alternative.title) ?? 0;
    seen.set(alternative.title, k + 1);
    const computed = forecasts.get(alternative.title)?.[k];
    const observations = alternative.changes.filter((c): c is Observation => c.kind === 'observe');
    if (!computed || computed.evidenceProbability !== 0 || observations.length === 0) continue;
    // A forecast of an earlier version (still shown while a new one is on its way) may have
    // observed other things: it says nothing about these lines.
    const same = computed.observed.length === observations.length &&
      computed.observed.every((o, i) => o.name === observations[i]!.name && o.value === observations[i]!.value);
    if (same) out.push(impossible(alternative, observations));
  }
  return out;
}

function impossible(alternative: Alternative, observations: readonly Observation[]): Diagnostic {
  const span: Span = { start: observations[0]!.span.start, end: observations[observations.length - 1]!.span.end };
  const written = observations.map((o) => q(`observe ${o.value ? '' : 'not '}${o.name}`));
  const more = written.length - NAMED_OBSERVATIONS;
  const listed = more > 0 ? `${written.slice(0, NAMED_OBSERVATIONS).join(', ')} and ${more} more` : joinAnd(written);
  const what = observations.length === 1
    ? `The observation ${listed} cannot happen in this model`
    : `The observations ${listed} cannot happen together in this model`;
  return diagnostic('observe-impossible', span,
    `${what} (probability 0), so the alternative ${q(alternative.title)} has no forecast. ` +
    'Remove or change an observation, or the probability, base or `given` that rules it out ' +
    '(a 0% or 100% that pins a name, or a `given` that contradicts what is observed).');
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

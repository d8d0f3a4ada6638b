// `observe-impossible`: an alternative whose observations the forecast gives probability 0. Only
// the forecast knows P(E), so this is found from it (analysis/analyzeSource.ts), like `judgment`:
// the alternative then has no numbers, and the rest of the file is forecast as usual.
// Where to point: every table of the model is strictly between 0 and 1 except where a 0% or 100%
// pins a name (LANGUAGE.md, Semantics), so an observation is impossible exactly when it contradicts
// a pin; each such observation gets its own diagnostic, linked to the pin. When the forecast says
// 0 and nothing is pinned, P(E) was too small for a double (hundreds of observations): said so
// over all the observe lines.
import type { Forecast } from '../../../../common/forecast';
import type { Span } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import { removalSpan } from '../edits';
import type { Alternative, AlternativeChange, ModelVariable, ProbabilitySpec, ResolvedModel } from '../types';
import { diagnostic, q } from './context';

type Observation = Extract<AlternativeChange, { kind: 'observe' }>;

/** How many observations a message names before it says how many more there are. */
const NAMED_OBSERVATIONS = 3;

export function observeImpossibleDiagnostics(model: ResolvedModel, forecast: Forecast, text: string): Diagnostic[] {
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
    if (!same) continue;
    const contradicted = observations.flatMap((o) => {
      const variable = model.variables.get(o.name);
      const pin = variable ? pinOf(variable, alternative) : null;
      return variable && pin && pin.holds !== o.value ? [contradiction(alternative, o, variable, pin, text)] : [];
    });
    out.push(...(contradicted.length > 0 ? contradicted : [tooImprobable(alternative, observations)]));
  }
  return out;
}

interface Pin {
  holds: boolean;
  spec: ProbabilitySpec;
  /** `probability`, or `base` for an outcome. */
  word: 'probability' | 'base';
  /** Pinned by the alternative's own change rather than the declaration. */
  byAlternative: boolean;
}

/** A 0% or 100% that fixes a name under the alternative (its own change first), or null. */
function pinOf(variable: ModelVariable, alternative: Alternative): Pin | null {
  let spec = variable.kind === 'outcome' ? variable.base : variable.probability;
  let byAlternative = false;
  for (const c of alternative.changes) {
    if (c.name !== variable.name) continue;
    if (c.kind === 'set-probability') spec = c.probability;
    else if (c.kind === 'set-base') spec = c.base;
    else continue;
    byAlternative = true;
    break;
  }
  if (!spec || spec.low !== spec.high || (spec.low !== 0 && spec.low !== 1)) return null;
  return { holds: spec.low === 1, spec, word: variable.kind === 'outcome' ? 'base' : 'probability', byAlternative };
}

const written = (o: Observation): string => `observe ${o.value ? '' : 'not '}${o.name}`;

function contradiction(alternative: Alternative, o: Observation, variable: ModelVariable, pin: Pin, text: string): Diagnostic {
  const where = pin.byAlternative ? 'in this alternative' : `in its ${variable.kind}${variable.origin ? ', in the file it is imported from' : ''}`;
  // The pin of an imported declaration is in its own file: no place in this one to point at.
  const pinHere = pin.byAlternative || variable.origin === undefined;
  return diagnostic('observe-impossible', o.span,
    `${q(written(o))} cannot happen in this model: ${q(o.name)} ${pin.holds ? 'always holds' : 'never holds'} ` +
    `(${pin.word} ${pin.spec.text} ${where}), so the observations have probability 0 and the alternative ` +
    `${q(alternative.title)} has no forecast. Remove this observation, or change that ${pin.word}.`, {
      related: pinHere ? [{ span: pin.spec.span, message: `the ${pin.word} that pins ${q(o.name)}` }] : [],
      fixes: [{ span: removalSpan(text, o.span), newText: '', title: 'Remove this observation' }],
    });
}

function tooImprobable(alternative: Alternative, observations: readonly Observation[]): Diagnostic {
  const span: Span = { start: observations[0]!.span.start, end: observations[observations.length - 1]!.span.end };
  const names = observations.map((o) => q(written(o)));
  const more = names.length - NAMED_OBSERVATIONS;
  const listed = more > 0 ? `${names.slice(0, NAMED_OBSERVATIONS).join(', ')} and ${more} more` : joinAnd(names);
  return diagnostic('observe-impossible', span,
    `The observations ${listed} are too improbable together for the forecast to compute (their ` +
    `probability is below the smallest number it can hold), so the alternative ${q(alternative.title)} ` +
    'has no forecast. Observe fewer things in one alternative.');
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

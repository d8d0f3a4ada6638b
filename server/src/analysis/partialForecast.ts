// A forecast of the forecastable part of a file with errors (model/forecastScope), completed with
// the last good numbers of what it left out, each marked with why it is stale. Pure.
import type { AlternativeForecast, Forecast, InputForecast, OutcomeForecast } from '../../../common/forecast';
import type { ForecastScope } from '../model/forecastScope';

/** `fresh` (a forecast of `scope.model`) plus the earlier numbers of what the scope left out. */
export function completeWithEarlier(fresh: Forecast, scope: ForecastScope, earlier: Forecast | null): Forecast {
  const { excluded, order } = scope;
  if (excluded.length === 0) return fresh;
  const reasons = new Map<string, string>();
  for (const e of excluded) if (e.kind !== 'alternative') reasons.set(e.name, e.reason);
  const alternativeReasons = new Map<string, string>();
  for (const e of excluded) if (e.kind === 'alternative') alternativeReasons.set(e.name, e.reason);
  const alternatives = merge(
    fresh.alternatives.map((a) => ({
      ...a,
      outcomes: mergeOutcomes(a.outcomes, reasons, earlier?.alternatives.find((x) => x.name === a.name)?.outcomes, order.outcomes),
    })),
    earlier?.alternatives ?? [],
    (a) => a.name,
    alternativeReasons,
    order.alternatives,
    (a, reason): AlternativeForecast => ({ ...a, outcomes: a.outcomes.map((o) => ({ ...o, stale: o.stale ?? reason })) }),
  );
  return {
    ...fresh,
    outcomes: mergeOutcomes(fresh.outcomes, reasons, earlier?.outcomes, order.outcomes),
    inputs: merge(fresh.inputs, earlier?.inputs ?? [], (i) => i.name, reasons, order.inputs,
      (i, reason): InputForecast => ({ ...i, stale: reason })),
    alternatives,
    excluded: [...excluded],
  };
}

function mergeOutcomes(
  fresh: OutcomeForecast[],
  reasons: Map<string, string>,
  earlier: readonly OutcomeForecast[] | undefined,
  order: readonly string[],
): OutcomeForecast[] {
  return merge(fresh, earlier ?? [], (o) => o.name, reasons, order, (o, reason) => ({ ...o, stale: reason }));
}

/** `fresh` plus every earlier item whose key has a reason, marked, in the file's order. */
function merge<T>(
  fresh: readonly T[],
  earlier: readonly T[],
  key: (item: T) => string,
  reasons: Map<string, string>,
  order: readonly string[],
  mark: (item: T, reason: string) => T,
): T[] {
  const byKey = new Map<string, T>();
  for (const item of fresh) byKey.set(key(item), item);
  for (const item of earlier) {
    const reason = reasons.get(key(item));
    if (reason !== undefined && !byKey.has(key(item))) byKey.set(key(item), mark(item, reason));
  }
  const out: T[] = [];
  for (const name of order) {
    const item = byKey.get(name);
    if (item !== undefined) out.push(item);
    byKey.delete(name);
  }
  return out;
}

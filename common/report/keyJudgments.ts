// Key judgments (LANGUAGE.md, Semantics): one ICD 203-style sentence per outcome, from the
// report's formatted numbers, so the sentence shows the digits every other surface shows. It
// states a likelihood only: the phrase, the probability and its band, the drivers that move it
// most, the signpost to watch, and whether the analyst's call holds. An outcome an alternative
// observes is not forecast there: its sentence says it is assumed seen (or not), and checks no
// call against it. ICD 203 keeps likelihood and
// confidence apart, so no sentence here says anything about confidence. Plain text: each renderer
// escapes it for its format. Pure.
import { replaceControls } from '../text/controls';
import type { ReportOutcome, ReportPercent } from './report';

/** How many drivers a key judgment names. */
export const KEY_DRIVERS = 2;

export interface KeyJudgment {
  /** The outcome's name. */
  outcome: string;
  /** The sentence, as plain text (labels as written). */
  text: string;
}

/** The signpost that would move an outcome most, with the outcome's probability either way. */
export interface KeySignpost {
  /** The label, or the name when there is none. */
  title: string;
  ifTrue: ReportPercent;
  ifFalse: ReportPercent;
}

const quoted = (text: string) => `“${text}”`;

/** "is likely", but "has a roughly even chance" and "has almost no chance". */
function likelihood(phrase: string): string {
  if (!phrase.endsWith('chance')) return `is ${phrase}`;
  return phrase.startsWith('almost no') ? `has ${phrase}` : `has a ${phrase}`;
}

function driversClause(o: ReportOutcome): string {
  // Drivers whose swing reads 0.0 do not matter to the reader, however they rank.
  const named = o.drivers.filter((d) => d.points.sign !== 0).slice(0, KEY_DRIVERS);
  if (named.length === 0) return o.drivers.length === 0 ? ', with nothing upstream to move it' : ', which no driver moves by a tenth of a point';
  const parts = named.map((d) => `${quoted(d.label)} (${d.points.text} points)`);
  return `, driven most by ${parts.join(' and ')}`;
}

function judgedClause(o: ReportOutcome): string {
  const judged = o.judged;
  if (!judged || !judged.checked) return '';
  if (judged.agrees) return `; the analyst’s call, ${quoted(judged.text)}, agrees`;
  // A contradiction shows the range the forecast falls outside: "likely" (55%–80%), or
  // "60%..70%" alone when the call is the range it writes.
  const range = judged.text.replace(/\s*\.\.\s*/, '–') === judged.rangeText ? '' : ` (${judged.rangeText})`;
  return `; this contradicts the analyst’s call, ${quoted(judged.text)}${range}`;
}

/** An observed outcome's sentence: assumed seen, so no likelihood, driver, signpost or checked call. */
function observedJudgment(o: ReportOutcome, observed: NonNullable<ReportOutcome['observed']>): KeyJudgment {
  const call = o.judged ? `; the analyst’s call, ${quoted(o.judged.text)}, is not checked against it` : '';
  const stale = o.stale ? `; these are its last good numbers (${o.stale})` : '';
  const text = `${quoted(o.title)} is ${observed.text} in this alternative: it is ${observed.meaning}, not forecast${call}${stale}.`;
  return { outcome: o.name, text };
}

/** The key judgment on one outcome; `signpost` is the one that would move it most, if the forecast has any. */
export function keyJudgment(o: ReportOutcome, signpost: KeySignpost | null): KeyJudgment {
  if (o.observed) return observedJudgment(o, o.observed);
  const band = o.band.text === o.probability.text ? '' : ` (band ${o.band.text})`;
  const watch = signpost
    ? `; the signpost to watch is ${quoted(signpost.title)} (${signpost.ifTrue.text} if seen, ${signpost.ifFalse.text} if not)`
    : '';
  const stale = o.stale ? `; these are its last good numbers (${o.stale})` : '';
  const text = `${quoted(o.title)} ${likelihood(o.phrase)}: ${o.probability.text}${band}${driversClause(o)}${watch}${judgedClause(o)}${stale}.`;
  return { outcome: o.name, text };
}

/** The key judgments as plain text, one sentence a line (what "Copy Key Judgments" copies). */
export function keyJudgmentsText(judgments: readonly KeyJudgment[]): string {
  return judgments.map((k) => `${replaceControls(k.text)}\n`).join('');
}

// A change to a judgment explained in one sentence, ICD 203 style (the analytic standard asks
// analysts to explain a change to a judgment): the outcome, where it went from and to, the
// estimative phrase it now carries, and the changes that moved it most with their points.
//   "Security re-engagement fell from 17% to 12% (very unlikely), mainly because `rapport` was
//    lowered from likely to 40% (−3.1 points)."
// Pure: the CLI prints it, the editor will show it. Numbers are common/text's, phrases the
// vocabulary's.
import { formatPercent, formatPoints, pointsSign, type Sampling } from '../../../common/text/numbers';
import { escapeMarkdown } from '../../../common/text/markdown';
import { replaceControls } from '../../../common/text/controls';
import { phraseFor, phraseRow } from '../syntax/vocabulary';
import type { ModelChange } from './changes';
import type { OutcomeDelta } from './attribution';

export interface ExplainOptions {
  /** Markdown: file text escaped, names in code spans. Plain text (default): names in backticks as written, controls replaced. */
  markdown?: boolean;
  /** The Monte Carlo samples of the new version (the digits a probability supports). */
  sampling?: Sampling;
  /** The samples of the old version. */
  samplingBefore?: Sampling;
}

/** A share of the delta this small (in points, or of the delta) is not named as a reason. */
const NEGLIGIBLE_POINTS = 0.05;

/** The sentence for one outcome of a diff; null when the outcome is only in one version. */
export function explainOutcome(outcome: OutcomeDelta, changes: readonly ModelChange[], options: ExplainOptions = {}): string | null {
  if (outcome.before === null || outcome.after === null || outcome.delta === null) return null;
  const label = options.markdown ? escapeMarkdown(outcome.label) : replaceControls(outcome.label);
  const before = formatPercent(outcome.before, options.samplingBefore ?? options.sampling);
  const after = formatPercent(outcome.after, options.sampling);
  const phrase = phraseFor(outcome.after).phrase;
  const byId = new Map(changes.map((c) => [c.id, c]));
  const reason = (a: { change: number; points: number }) => `${describeChange(byId.get(a.change)!, options)} (${formatPoints(a.points)} points)`;
  const direction = pointsSign(outcome.delta);
  const named = outcome.attribution.filter((a) => Math.abs(a.points) >= NEGLIGIBLE_POINTS);
  if (direction === 0) {
    const stay = before === after ? `stayed at ${after} (${phrase})` : `barely moved, from ${before} to ${after} (${phrase})`;
    if (named.length < 2) return `${label} ${stay}.`;
    return `${label} ${stay}: ${list(named.slice(0, 3).map(reason))} cancel out.`;
  }
  const verb = direction > 0 ? 'rose' : 'fell';
  const wasPhrase = phraseFor(outcome.before).phrase;
  const phraseText = wasPhrase === phrase ? phrase : `now ${phrase}, was ${wasPhrase}`;
  const head = `${label} ${verb} from ${before} to ${after} (${phraseText})`;
  const delta = Math.abs(outcome.delta);
  const along = named.filter((a) => Math.sign(a.points) === direction);
  const against = named.filter((a) => Math.sign(a.points) === -direction && Math.abs(a.points) >= 0.1 * delta);
  if (along.length === 0) return `${head}.`;
  const top = along[0]!;
  const mainly = Math.abs(top.points) >= 0.5 * delta && (along.length === 1 || 1.5 * Math.abs(along[1]!.points) <= Math.abs(top.points));
  const because = mainly ? `mainly because ${reason(top)}` : `because ${list(along.slice(0, 3).map(reason))}`;
  const offset = against.length > 0 ? `, partly offset by ${list(against.slice(0, 2).map(reason))}` : '';
  return `${head}, ${because}${offset}.`;
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function code(name: string, options: ExplainOptions): string {
  // Names are identifiers (letters, digits, `_`): nothing in them needs escaping inside a code span.
  return `\`${options.markdown ? name : replaceControls(name)}\``;
}

/** A written probability's middle, to say whether it went up or down. */
function middle(text: string | null): number | null {
  if (text === null) return null;
  const row = phraseRow(text);
  if (row) return (row.low + row.high) / 2;
  const numbers = [...text.matchAll(/(\d+(?:\.\d+)?)(%?)/g)].map((m) => (m[2] === '%' ? Number(m[1]) / 100 : Number(m[1])));
  if (numbers.length === 0) return null;
  return numbers.reduce((s, x) => s + x, 0) / numbers.length;
}

function movedWord(before: string | null, after: string | null): string {
  const a = middle(before);
  const b = middle(after);
  if (a === null || b === null || a === b) return 'changed';
  return b > a ? 'raised' : 'lowered';
}

/** A change in words: "`rapport` was lowered from likely to 40%". */
export function describeChange(change: ModelChange, options: ExplainOptions = {}): string {
  // A change in an imported file says which: "`rapport` (in lib/base.scenario) was lowered …".
  const file = change.file === undefined ? '' : ` (in ${options.markdown ? escapeMarkdown(change.file) : replaceControls(change.file)})`;
  const name = `${code(change.name, options)}${file}`;
  const outcome = change.outcome ? code(change.outcome, options) : '';
  const text = (s: string | null) => (s === null ? '' : options.markdown ? escapeMarkdown(s) : replaceControls(s));
  switch (change.kind) {
    case 'probability':
      return `${name} was ${movedWord(change.before, change.after)} from ${text(change.before)} to ${text(change.after)}`;
    case 'base':
      return `the base of ${name} was ${movedWord(change.before, change.after)} from ${text(change.before)} to ${text(change.after)}`;
    case 'driver-added':
      return `${name} now ${text(change.after)} ${outcome}`.replace(/ (raises|lowers) (\S+) (`[^`]+`)$/, ' $1 $3 $2');
    case 'driver-removed':
      return `${name} no longer drives ${outcome} (it ${text(change.before)})`;
    case 'driver-reweighted':
      return `${name}'s line in ${outcome} went from ${text(change.before)} to ${text(change.after)}`;
    case 'settings':
      return `the ${change.name} went from ${text(change.before)} to ${text(change.after)}`;
    case 'declaration-added':
      return `${name} was declared (${text(change.after)})`;
    case 'declaration-removed':
      return `${name} was removed`;
    case 'rename':
      return `${code(change.before ?? '', options)} was renamed ${name}`;
    case 'text':
      return `the ${change.field ?? 'text'} of ${name} changed`;
    case 'alternative':
      return `the alternative "${text(change.name)}" changed`;
  }
}

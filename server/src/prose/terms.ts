// The estimative terms of a sentence: ICD 203 phrases (from the language's one table,
// syntax/vocabulary), hedges that carry no defined probability, and statements of confidence;
// with negation where it changes the meaning ("not likely", "no longer expected to"). Pure.
import { HEDGES, PHRASES, type PhraseRow } from '../syntax/vocabulary';
import type { Sentence, Word } from './segment';

export type TermKind = 'phrase' | 'hedge' | 'confidence';

export interface Term {
  kind: TermKind;
  /** Offsets in the whole text of the words as written (a negator included when there is one). */
  start: number;
  end: number;
  /** The words of the term itself (without the negator), as written. */
  text: string;
  /** Start of the term's own words (after the negator). */
  termStart: number;
  /** For a phrase: the row as written ("likely" in "not likely"). */
  written?: PhraseRow;
  /** For a phrase: the row the words mean, negation applied ("not likely" → unlikely). */
  row?: PhraseRow;
  /** The words written as an adverb ("almost certainly", "probably"). */
  adverb?: boolean;
  /** A negator in scope: "not", "no longer", "never", "-n't". */
  negated: boolean;
}

/**
 * The vocabulary's hedges, less the modals that in running prose mostly say something other than
 * likelihood: "can" (ability: "cannot afford"), "should" (obligation) and "would" (the consequence
 * of a condition: "such instability would have catastrophic consequences"). docs/prose.md says so.
 */
export const PROSE_NOT_HEDGES: ReadonlySet<string> = new Set(['can', 'should', 'would']);

/** Hedge words of prose: the vocabulary's, plus adverbs that soften a claim. */
export const PROSE_HEDGES: ReadonlySet<string> = new Set([
  ...HEDGES.filter((h) => !PROSE_NOT_HEDGES.has(h)),
  'potentially', 'conceivably', 'plausibly',
]);

/** Hedges that count only in a construction ("is expected to", "it is possible that"). */
const CONSTRUCTION_HEDGES: ReadonlySet<string> = new Set(['expected', 'possible', 'plausible', 'conceivable']);

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'remains', 'remain', 'seems', 'seem', 'appears', 'appear']);
const NEGATORS = new Set(['not', 'never', 'cannot']);
/** Words that close a negator's scope: a new clause starts. */
const SCOPE_BREAKERS = new Set(['but', 'that', 'which', 'who', 'although', 'though', 'if', 'because', 'while', 'whereas', 'and', 'or']);
const CONFIDENCE_LEVELS = new Set(['high', 'moderate', 'medium', 'low', 'little', 'great', 'some', 'considerable', 'full']);
const REMOTE_NOUNS = new Set(['chance', 'chances', 'possibility', 'prospect', 'prospects', 'likelihood']);

interface Form {
  words: string[];
  row: PhraseRow;
  adverb: boolean;
}

/** Every spelling of every phrase, as words, longest first; adverbs derived ("almost certainly"). */
const FORMS: readonly Form[] = PHRASES.flatMap((row) => row.forms.flatMap((form) => {
  const words = form.split(' ');
  const last = words[words.length - 1]!;
  const out: Form[] = [{ words, row, adverb: false }];
  const adverb = last.endsWith('ble') ? `${last.slice(0, -1)}y` : last.endsWith('certain') ? `${last}ly` : null;
  if (adverb) out.push({ words: [...words.slice(0, -1), adverb], row, adverb: true });
  return out;
})).sort((a, b) => b.words.length - a.words.length);

/** The row that means the opposite: the table read from the other end. */
export function negatedRow(row: PhraseRow): PhraseRow {
  const i = PHRASES.indexOf(row);
  return PHRASES[PHRASES.length - 1 - i] ?? row;
}

function isNegator(words: readonly Word[], i: number): number {
  const w = words[i]!.lower;
  if (NEGATORS.has(w) || w.endsWith("n't")) return 1;
  if (w === 'no' && words[i + 1]?.lower === 'longer') return 2;
  return 0;
}

/**
 * A negator in scope of the term starting at word `at`: at most three words before it, with no
 * clause boundary (punctuation, or a word such as "but" or "that") in between.
 */
function negatorBefore(text: string, words: readonly Word[], at: number): number | null {
  for (let j = at - 1; j >= Math.max(0, at - 4); j--) {
    const between = text.slice(words[j]!.end, words[j + 1]!.start);
    if (/[,;:()\u2014\u2013]|\s-\s/.test(between)) return null;
    if (j > 0 && words[j - 1]!.lower === 'no' && words[j]!.lower === 'longer') return j - 1;
    if (isNegator(words, j) === 1) return j;
    if (SCOPE_BREAKERS.has(words[j]!.lower)) return null;
  }
  return null;
}

function matches(words: readonly Word[], at: number, form: readonly string[]): boolean {
  if (at + form.length > words.length) return false;
  return form.every((w, k) => words[at + k]!.lower === w);
}

/** The estimative terms of one sentence, in order. `text` is the whole text the offsets index. */
export function termsOf(text: string, sentence: Sentence): Term[] {
  const words = sentence.words;
  const terms: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // ICD 203 phrases (longest spelling first).
    const form = FORMS.find((f) => matches(words, i, f.words));
    if (form && !(form.words.length === 1 && form.words[0] === 'remote' && !REMOTE_NOUNS.has(words[i + 1]?.lower ?? '') && !BE.has(words[i - 1]?.lower ?? ''))) {
      const last = words[i + form.words.length - 1]!;
      const neg = negatorBefore(text, words, i);
      const start = neg !== null ? words[neg]!.start : w.start;
      terms.push({
        kind: 'phrase', start, end: last.end, termStart: w.start, text: text.slice(w.start, last.end),
        written: form.row, row: neg !== null ? negatedRow(form.row) : form.row, adverb: form.adverb, negated: neg !== null,
      });
      i += form.words.length - 1;
      continue;
    }
    // Confidence: "high confidence", "with confidence", "confident that".
    if (w.lower === 'confidence' || w.lower === 'confident' || w.lower === 'confidently') {
      const prev = words[i - 1];
      if (w.lower !== 'confidence' || (prev && (CONFIDENCE_LEVELS.has(prev.lower) || prev.lower === 'with'))) {
        const first = w.lower === 'confidence' && prev && CONFIDENCE_LEVELS.has(prev.lower) ? prev : w;
        terms.push({ kind: 'confidence', start: first.start, end: w.end, termStart: first.start, text: text.slice(first.start, w.end), negated: false });
      }
      continue;
    }
    // Hedges.
    if (!PROSE_HEDGES.has(w.lower)) continue;
    if (w.lower === 'may' && w.text === 'May' && i > 0) continue; // the month
    let first = i;
    let last = i;
    if (CONSTRUCTION_HEDGES.has(w.lower)) {
      const next = words[i + 1]?.lower;
      const before = words[i - 1]?.lower ?? '';
      if (w.lower === 'expected') {
        if (next !== 'to') continue; // "as expected" states no judgment
        last = i + 1;
        if (BE.has(before)) first = i - 1;
      } else if (!(next === 'that' || BE.has(before))) {
        continue; // "all possible means"
      } else if (BE.has(before)) {
        first = i - 1;
      }
    }
    // "could potentially", "may possibly": one hedge.
    while (last + 1 < words.length && PROSE_HEDGES.has(words[last + 1]!.lower) && !CONSTRUCTION_HEDGES.has(words[last + 1]!.lower)
      && /^\s+$/.test(text.slice(words[last]!.end, words[last + 1]!.start))) last++;
    const neg = negatorBefore(text, words, first);
    const start = neg !== null ? words[neg]!.start : words[first]!.start;
    // A negator inside ("may not", "is not expected to") negates too.
    const inside = words.slice(first, last + 1).some((_, k) => isNegator(words, first + k) > 0);
    const end = words[last]!.end;
    // "may not" ends after the negator that follows the modal.
    let negEnd = end;
    let negatedAfter = false;
    if (!inside && words[last + 1] && isNegator(words, last + 1) === 1 && /^\s+$/.test(text.slice(end, words[last + 1]!.start))) {
      negatedAfter = true;
      negEnd = words[last + 1]!.end;
    }
    terms.push({
      kind: 'hedge', start, end: negEnd, termStart: words[first]!.start, text: text.slice(words[first]!.start, end),
      negated: neg !== null || inside || negatedAfter,
    });
    i = negatedAfter ? last + 1 : last;
  }
  return terms;
}

/** True when the sentence states a likelihood: an ICD 203 phrase or a hedge. */
export function isEstimative(terms: readonly Term[]): boolean {
  return terms.some((t) => t.kind === 'phrase' || t.kind === 'hedge');
}

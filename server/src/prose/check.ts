// The checks of a draft in prose against its model (LANGUAGE.md, "Drafts in prose"):
// prose-hedge, prose-mixed and prose-contradiction, each with a range in the text and, where
// there is one, quick fixes as plain text edits. Pure: the model comes in as outcomes with their
// forecast probabilities; the LSP and the CLI turn these into their own shapes.
import { PHRASES, phraseFor, type PhraseRow } from '../syntax/vocabulary';
import { mentionsIn, type Mention, type OutcomeRef } from './mentions';
import { PROSE_LIMITS, sentencesOfText, type Sentence } from './segment';
import { termsOf, type Term } from './terms';

export type ProseCode = 'prose-hedge' | 'prose-mixed' | 'prose-contradiction';

export interface ProseFix {
  title: string;
  start: number;
  end: number;
  newText: string;
  preferred?: boolean;
}

export interface ProseDiagnostic {
  code: ProseCode;
  severity: 'warning';
  start: number;
  end: number;
  message: string;
  fixes: ProseFix[];
}

export interface ProseOutcome extends OutcomeRef {
  /** The forecast probability; null when the model could not forecast it. */
  probability: number | null;
}

export interface ProseModel {
  outcomes: readonly ProseOutcome[];
}

export interface ProseCheck {
  diagnostics: ProseDiagnostic[];
  /** Said instead of checking (a text too large), or null. */
  notice: string | null;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const rangeText = (r: PhraseRow) => `${Math.round(r.low * 100)}–${Math.round(r.high * 100)}%`;
const PHRASE_LIST = PHRASES.map((r) => `${r.phrase} (${rangeText(r)})`).join(', ');

/** Rows that read as a noun ("almost no chance"): they take "has … to" rather than "is … to". */
const isChance = (r: PhraseRow) => r.phrase.endsWith('chance');

/** The adverb of a phrase ("almost certainly", "probably"), or the phrase when it has none. */
export function adverbOf(row: PhraseRow): string {
  if (row.phrase.endsWith('certain')) return `${row.phrase}ly`;
  return row.phrase;
}

const PLURAL_SUBJECTS = new Set(['they', 'we', 'you', 'i', 'these', 'those', 'both']);
const NOT_PLURAL = new Set(['us', 'is', 'its', 'this', 'has', 'was', 'as', 'his', 'thus', 'news', 'species', 'united states']);

/** "is" or "are" for the subject before a modal: a guess from the word before it. */
function beFor(previous: string | undefined): 'is' | 'are' {
  if (!previous) return 'is';
  const w = previous.toLowerCase();
  if (PLURAL_SUBJECTS.has(w)) return 'are';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s") && !NOT_PLURAL.has(w)) return 'are';
  return 'is';
}

const HAVE: Record<string, string> = { is: 'has', are: 'have', was: 'had', were: 'had', be: 'have', been: 'had', "'s": 'has' };
const ADVERB_HEDGES = new Set(['potentially', 'possibly', 'perhaps', 'maybe', 'conceivably', 'plausibly']);

/** The words that say `row` in place of the hedge (keeping the verb's form where it can). */
export function replacementFor(text: string, hedge: Term, sentence: Sentence, row: PhraseRow): string {
  const words = sentence.words.filter((w) => w.start >= hedge.start && w.end <= hedge.end);
  const first = words[0]?.lower ?? '';
  if (words.length > 0 && words.every((w) => ADVERB_HEDGES.has(w.lower))) return isChance(row) ? `with ${row.phrase}` : adverbOf(row);
  const idx = sentence.words.findIndex((w) => w.start === hedge.start);
  const adjective = words.some((w) => w.lower === 'possible' || w.lower === 'plausible' || w.lower === 'conceivable');
  const hasBe = HAVE[first] !== undefined && words.length > 1;
  const be = hasBe ? text.slice(hedge.termStart, words[0]!.end) : beFor(idx > 0 ? sentence.words[idx - 1]!.text : undefined);
  const startsUpper = /^\p{Lu}/u.test(text.slice(hedge.start, hedge.start + 1));
  // "it is possible that" becomes "it is likely that"; "is expected to" and "may" become "is likely to".
  const out = adjective ? `${be} ${row.phrase}` : isChance(row) ? `${HAVE[be.toLowerCase()] ?? 'has'} ${row.phrase} to` : `${be} ${row.phrase} to`;
  return startsUpper ? out[0]!.toUpperCase() + out.slice(1) : out;
}

function nearestPhrase(terms: readonly Term[], mention: Mention): Term | undefined {
  let best: Term | undefined;
  let distance = Infinity;
  for (const t of terms) {
    if (t.kind !== 'phrase') continue;
    const d = t.start >= mention.end ? t.start - mention.end : mention.start >= t.end ? mention.start - t.end : 0;
    if (d < distance) {
      best = t;
      distance = d;
    }
  }
  return best;
}

/** Why a text is not checked at all (too large), or null. */
export function tooLargeNotice(text: string): string | null {
  if (text.length <= PROSE_LIMITS.maxChars) return null;
  return `The draft is too large to check (${(text.length / 1e6).toFixed(1)} million characters; at most ${PROSE_LIMITS.maxChars / 1e6} million).`;
}

/** The checks of a draft's text against its model (null: no model at hand, so no contradictions). */
export function checkProse(text: string, model: ProseModel | null): ProseCheck {
  const notice = tooLargeNotice(text);
  if (notice) return { diagnostics: [], notice };
  return { diagnostics: checkSentences(text, sentencesOfText(text), model), notice: null };
}

/**
 * The checks of some sentences of `text` (offsets into the whole text), sorted by position. Each
 * sentence is checked on its own, so a paragraph's diagnostics depend only on its own text
 * (prose/incremental.ts keeps them while the paragraph does not change).
 */
export function checkSentences(text: string, sentences: Iterable<Sentence>, model: ProseModel | null): ProseDiagnostic[] {
  const diagnostics: ProseDiagnostic[] = [];
  const outcomes = model?.outcomes ?? [];
  const byName = new Map(outcomes.map((o) => [o.name, o]));
  for (const sentence of sentences) {
    const terms = termsOf(text, sentence);
    if (terms.length === 0) continue;
    const mentions = outcomes.length > 0 ? mentionsIn(text, sentence, outcomes) : [];
    const computed = mentions.map((m) => byName.get(m.name)).find((o) => o?.probability != null);
    for (const term of terms) {
      if (term.kind !== 'hedge') continue;
      const shown = JSON.stringify(text.slice(term.start, term.end));
      const rows = computed?.probability != null ? [phraseFor(computed.probability), ...PHRASES.filter((r) => r !== phraseFor(computed.probability!))] : [...PHRASES];
      diagnostics.push({
        code: 'prose-hedge',
        severity: 'warning',
        start: term.start,
        end: term.end,
        message: `${shown} carries no defined probability: ICD 203 asks for one of ${PHRASE_LIST}.`
          + (computed?.probability != null ? ` The model forecasts \`${computed.name}\` at ${percent(computed.probability)} (${phraseFor(computed.probability).phrase}).` : ''),
        fixes: rows.map((row, i) => ({
          title: `Say '${row.phrase}' (${rangeText(row)})${i === 0 && computed ? `: the model's forecast of ${computed.name}` : ''}`,
          start: term.start,
          end: term.end,
          newText: replacementFor(text, term, sentence, row),
          preferred: i === 0 && computed !== undefined ? true : undefined,
        })),
      });
    }
    const likelihood = terms.find((t) => t.kind === 'phrase' || t.kind === 'hedge');
    const confidence = terms.find((t) => t.kind === 'confidence');
    if (likelihood && confidence) {
      diagnostics.push({
        code: 'prose-mixed',
        severity: 'warning',
        start: confidence.start,
        end: confidence.end,
        message: `This sentence states a likelihood (${JSON.stringify(likelihood.text)}) and a confidence level (${JSON.stringify(confidence.text)}) together: ICD 203 keeps them apart. Say the confidence, and why, in a sentence of its own.`,
        fixes: [],
      });
    }
    for (const mention of mentions) {
      const outcome = byName.get(mention.name);
      const term = nearestPhrase(terms, mention);
      if (!outcome || outcome.probability == null || !term?.row) continue;
      const p = outcome.probability;
      if (p >= term.row.low - 1e-9 && p <= term.row.high + 1e-9) continue;
      const right = phraseFor(p);
      diagnostics.push({
        code: 'prose-contradiction',
        severity: 'warning',
        start: term.start,
        end: term.end,
        message: `The text says ${JSON.stringify(text.slice(term.start, term.end))} (${term.negated ? `read as ${term.row.phrase}, ` : ''}${rangeText(term.row)}) of \`${outcome.name}\`, but the model forecasts ${percent(p)}: ${right.phrase}.`,
        fixes: [{ title: `Say '${right.phrase}', as the model computes (${percent(p)})`, start: term.start, end: term.end, newText: term.adverb ? adverbOf(right) : right.phrase, preferred: true }],
      });
    }
  }
  return diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The outcomes of a forecast as the prose checks read them (stale ones have no probability). */
export function proseModelOf(forecast: { outcomes: readonly { name: string; label: string; probability: number; stale?: unknown }[] } | null,
  declared: readonly { name: string; label: string | null }[] = []): ProseModel {
  const forecastOf = new Map((forecast?.outcomes ?? []).map((o) => [o.name, o]));
  const names = new Set([...declared.map((d) => d.name), ...forecastOf.keys()]);
  return {
    outcomes: [...names].map((name) => {
      const f = forecastOf.get(name);
      const label = declared.find((d) => d.name === name)?.label ?? f?.label ?? null;
      return { name, label: label === name ? null : label, probability: f && f.stale === undefined ? f.probability : null };
    }),
  };
}

/** True for the files read as drafts in prose (Markdown and plain text). */
export function isProseFile(path: string): boolean {
  return /\.(md|markdown|txt|text)$/i.test(path);
}

/** A reason the bytes are not prose (a binary file), or null. */
export function binaryProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'this looks like a binary file, not prose';
  const replaced = (text.slice(0, 100_000).match(/\uFFFD/g) ?? []).length;
  if (replaced > 16) return 'this is not UTF-8 text';
  return null;
}

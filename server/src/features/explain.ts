// What the words of the language mean, in an analyst's words. Hover and completion share these.
import { HEDGES, PHRASES, phraseRow, strengthRow, type PhraseRow } from '../syntax/vocabulary';
import { compactRange } from './text';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatWrittenNumber, formatWrittenRange } from '../../../common/text/numbers';

export const KEYWORD_MEANINGS: Readonly<Record<string, string>> = {
  scenario: 'The settings of the forecast: its title, `question`, `horizon`, `samples` and `seed`. At most one per file.',
  factor: 'A condition that holds over the whole horizon, or does not. Needs a `probability`.',
  event: 'Something that happens within the horizon, or does not. Needs a `probability`.',
  outcome: 'What the file forecasts. Needs a `base`; driver lines say what raises or lowers it; `judged` states your own call.',
  alternative: 'A what-if: the forecast computed again with the changes listed inside, shown beside the baseline.',
  question: 'The question the forecast answers.',
  horizon: 'The period the forecast covers: `horizon 2025-01-20 to 2026-01-20` (ISO dates).',
  to: 'Separates the start and the end of the `horizon`, or the two ends of a range (`20% to 35%` is `20%..35%`).',
  samples: 'How many Monte Carlo draws the forecast uses (1,000 to 1,000,000; default 20,000). Small models are computed exactly.',
  seed: 'The random seed: the same file and seed give the same numbers on any machine (default 1).',
  probability: 'How likely this factor or event is, as a number (`35%`, `0.35`), a range (`20%..35%`) or an ICD 203 phrase (`likely`).',
  note: 'A note for colleagues; shown in hovers and the preview.',
  source: 'Where the judgment comes from; repeatable.',
  base: 'The outcome\'s probability when none of its drivers holds. `0%` or `100%` pins it.',
  judged: 'Your own call on the outcome. The forecast checks it and warns when the computed probability falls outside it.',
  raises: 'When the driver holds, it multiplies the outcome\'s odds by the strength that follows.',
  lowers: 'When the driver holds, it divides the outcome\'s odds by the strength that follows.',
  given: 'In an alternative: forces a factor, event or outcome to hold (`given NAME`) or not (`given not NAME`).',
  not: 'In an alternative: `given not NAME` forces NAME not to hold.',
};

export function phraseMeaning(row: PhraseRow): string {
  return `${formatWrittenRange(row.low, row.high)} (ICD 203)`;
}

/** "moderately raises: multiplies the odds by 2 to 4" (the strength text is escaped for Markdown). */
export function describeDriver(direction: 'raises' | 'lowers', text: string, low: number, high: number): string {
  const verb = direction === 'raises' ? 'multiplies' : 'divides';
  const by = low === high ? formatWrittenNumber(low) : `${formatWrittenNumber(low)} to ${formatWrittenNumber(high)}`;
  return `${escapeMarkdown(compactRange(text))} ${direction}: ${verb} the odds by ${by}`;
}

/** The bounds of a multiplier as written (`x3`, `×2 to x5`), or undefined. */
function multiplierBounds(text: string): { low: number; high: number } | undefined {
  const m = /^[xX×]\s*(\d+(?:\.\d+)?|\.\d+)(?:\s*(?:\.\.|to)\s*[xX×]?\s*(\d+(?:\.\d+)?|\.\d+))?$/.exec(text);
  if (!m) return undefined;
  const low = Number(m[1]);
  return { low, high: m[2] ? Number(m[2]) : low };
}

export function hedgeMeaning(word: string): string {
  return `"${word}" carries no defined probability. Use a number, a range or one of the ICD 203 phrases: ${PHRASES.map((r) => r.phrase).join(', ')}.`;
}

/** Markdown lines that explain a word of the language, or undefined when it is not one. */
export function explainWord(word: string): string | undefined {
  const row = phraseRow(word);
  if (row) {
    const other = row.forms.filter((f) => f !== word);
    const also = other.length ? ` Also written ${other.map((f) => `"${f}"`).join(', ')}.` : '';
    return `**${word}**: ${phraseMeaning(row)}, an estimative phrase; it stands for a probability uniform over that range.${also}`;
  }
  const strength = strengthRow(word);
  if (strength) {
    return `**${word}**: ${strength.meaning} (as \`raises\`; \`lowers\` divides by the same).`;
  }
  const keyword = KEYWORD_MEANINGS[word];
  if (keyword) return `**${word}**: ${keyword}`;
  if (HEDGES.includes(word)) return `**${word}**: ${hedgeMeaning(word)}`;
  return undefined;
}

export function multiplierMeaning(text: string): string | undefined {
  const k = multiplierBounds(text);
  if (!k) return undefined;
  const value = k.low === k.high ? formatWrittenNumber(k.low) : `${formatWrittenNumber(k.low)} to ${formatWrittenNumber(k.high)}`;
  const uncertain = k.low === k.high ? '' : ' Uncertain: log-uniform between the two.';
  const below = k.low < 1 ? ' A multiplier below 1 is an error: use the opposite verb instead.' : '';
  return `**${compactRange(text)}**: multiplies the odds by ${value} with \`raises\`, divides them with \`lowers\`.${uncertain}${below}`;
}

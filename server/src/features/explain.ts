// What the words of the language mean, in an analyst's words. Hover and completion share these.
import { HEDGES, KEYWORD_MEANINGS, PHRASES, phraseRow, strengthRow, type PhraseRow } from '../syntax/vocabulary';
import { compactRange } from './text';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatWrittenNumber, formatWrittenRange } from '../../../common/text/numbers';

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
  const m = /^[xX\u00D7]\s*(\d+(?:\.\d+)?|\.\d+)(?:\s*(?:\.\.|to)\s*[xX\u00D7]?\s*(\d+(?:\.\d+)?|\.\d+))?$/.exec(text);
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

// The words of the language with fixed meanings (LANGUAGE.md): ICD 203 phrases, strength words and
// hedges that carry no probability. The keywords and statements are in statements.ts.
import type { StrengthWord } from '../ast';

export interface PhraseRow {
  /** The canonical form, first in LANGUAGE.md's table. */
  phrase: string;
  /** Every accepted spelling, canonical first. */
  forms: string[];
  low: number;
  high: number;
}

export const PHRASES: readonly PhraseRow[] = [
  { phrase: 'almost no chance', forms: ['almost no chance', 'remote'], low: 0.01, high: 0.05 },
  { phrase: 'very unlikely', forms: ['very unlikely', 'highly improbable'], low: 0.05, high: 0.2 },
  { phrase: 'unlikely', forms: ['unlikely', 'improbable'], low: 0.2, high: 0.45 },
  { phrase: 'roughly even chance', forms: ['roughly even chance', 'roughly even odds'], low: 0.45, high: 0.55 },
  { phrase: 'likely', forms: ['likely', 'probable'], low: 0.55, high: 0.8 },
  { phrase: 'very likely', forms: ['very likely', 'highly probable'], low: 0.8, high: 0.95 },
  { phrase: 'almost certain', forms: ['almost certain', 'nearly certain'], low: 0.95, high: 0.99 },
];

/** The row for a spelling (any accepted form, spaces collapsed), or undefined. */
export function phraseRow(text: string): PhraseRow | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  return PHRASES.find((r) => r.forms.includes(t));
}

/**
 * The phrase an analyst would use for a probability: the row whose range holds p. Between rows
 * (below 1%, above 99%) the nearest row. Shared edges go to the row whose middle is nearer.
 */
export function phraseFor(p: number): PhraseRow {
  let best = PHRASES[0]!;
  let bestDistance = Infinity;
  for (const row of PHRASES) {
    const outside = p < row.low ? row.low - p : p > row.high ? p - row.high : 0;
    const distance = outside * 1000 + Math.abs(p - (row.low + row.high) / 2);
    if (distance < bestDistance) {
      best = row;
      bestDistance = distance;
    }
  }
  return best;
}

export interface StrengthRow {
  word: StrengthWord;
  low: number;
  high: number;
  /** How an analyst reads it. */
  meaning: string;
}

export const STRENGTHS: readonly StrengthRow[] = [
  { word: 'weakly', low: 1.25, high: 2, meaning: 'multiplies the odds by 1.25 to 2' },
  { word: 'moderately', low: 2, high: 4, meaning: 'multiplies the odds by 2 to 4' },
  { word: 'strongly', low: 4, high: 10, meaning: 'multiplies the odds by 4 to 10' },
  { word: 'decisively', low: 10, high: 30, meaning: 'multiplies the odds by 10 to 30' },
];

/** The strength a new driver line starts with (completion offers it first). */
export const DEFAULT_STRENGTH: StrengthWord = 'moderately';

/** The strength words in the order a snippet offers them: DEFAULT_STRENGTH, then the others. */
export const STRENGTH_CHOICES: readonly StrengthWord[] = [
  DEFAULT_STRENGTH, ...STRENGTHS.map((s) => s.word).filter((w) => w !== DEFAULT_STRENGTH),
];

export function strengthRow(word: string): StrengthRow | undefined {
  return STRENGTHS.find((s) => s.word === word);
}

/** Words analysts use that carry no defined probability. */
export const HEDGES: readonly string[] = [
  'may', 'might', 'could', 'can', 'expected', 'possible', 'possibly', 'perhaps', 'maybe', 'plausible',
  'conceivable', 'should', 'would',
];

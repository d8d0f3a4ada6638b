// What the words of the language mean (server/src/features/explain.ts), the sentences hover and
// completion share.
import { describe, expect, it } from 'vitest';
import {
  describeDriver, explainWord, hedgeMeaning, multiplierMeaning, phraseMeaning,
} from '../../server/src/features/explain';
import { HEDGES, KEYWORD_MEANINGS, PHRASES, STRENGTHS, phraseRow, strengthRow } from '../../server/src/syntax/vocabulary';

describe('explainWord', () => {
  it('explains a phrase with its ICD 203 range and its other forms', () => {
    expect(explainWord('likely')).toBe('**likely**: 55%–80% (ICD 203), an estimative phrase; it stands for a probability uniform over that range. Also written "probable".');
    expect(explainWord('highly probable')).toContain('Also written "very likely"');
  });

  it('explains every phrase, strength, hedge word and keyword, and nothing else', () => {
    for (const row of PHRASES) for (const form of row.forms) expect(explainWord(form), form).toContain(`**${form}**: ${phraseMeaning(row)}`);
    for (const s of STRENGTHS) expect(explainWord(s.word), s.word).toBe(`**${s.word}**: ${s.meaning} (as \`raises\`; \`lowers\` divides by the same).`);
    for (const hedge of HEDGES) expect(explainWord(hedge), hedge).toBe(`**${hedge}**: ${hedgeMeaning(hedge)}`);
    for (const [word, meaning] of Object.entries(KEYWORD_MEANINGS)) {
      if (!phraseRow(word) && !strengthRow(word)) expect(explainWord(word), word).toBe(`**${word}**: ${meaning}`);
    }
    expect(explainWord('base')).toMatch(/^\*\*base\*\*: .*when none of its drivers holds/);
    expect(explainWord('crisis')).toBeUndefined();
    expect(explainWord('')).toBeUndefined();
  });
});

describe('the other meanings', () => {
  it('phraseMeaning is the range with its source', () => {
    expect(phraseMeaning(PHRASES.find((r) => r.phrase === 'very unlikely')!)).toBe('5%–20% (ICD 203)');
  });

  it('describeDriver says what a driver line does to the odds, escaped for Markdown', () => {
    expect(describeDriver('raises', 'moderately', 2, 4)).toBe('moderately raises: multiplies the odds by 2 to 4');
    expect(describeDriver('lowers', 'x3', 3, 3)).toBe('x3 lowers: divides the odds by 3');
    expect(describeDriver('raises', 'x2 to 5', 2, 5)).toBe('x2..5 raises: multiplies the odds by 2 to 5');
    expect(describeDriver('raises', '*x2*', 2, 2)).toBe('\\*x2\\* raises: multiplies the odds by 2');
  });

  it('multiplierMeaning reads x, X and ×, ranges with .. or to, and warns below 1', () => {
    expect(multiplierMeaning('x3')).toBe('**x3**: multiplies the odds by 3 with `raises`, divides them with `lowers`.');
    expect(multiplierMeaning('×2 to x4')).toBe('**×2..x4**: multiplies the odds by 2 to 4 with `raises`, divides them with `lowers`. Uncertain: log-uniform between the two.');
    expect(multiplierMeaning('X.5')).toContain('A multiplier below 1 is an error: use the opposite verb instead.');
    expect(multiplierMeaning('weakly')).toBeUndefined();
    expect(multiplierMeaning('x')).toBeUndefined();
  });

  it('hedgeMeaning lists the phrases to use instead', () => {
    const text = hedgeMeaning('may');
    expect(text).toMatch(/^"may" carries no defined probability\./);
    for (const row of PHRASES) expect(text).toContain(row.phrase);
  });
});

import { describe, expect, it } from 'vitest';
import { paragraphsOf, sentencesOfText, titleOf, wordsOf, PROSE_LIMITS } from '../../server/src/prose/segment';
import { OPED } from './oped';
import { readFileSync } from 'node:fs';
import { OPED_DRAFT_PATH } from './oped';

describe('paragraphs and sentences of the op-ed', () => {
  const paragraphs = paragraphsOf(OPED);
  const sentences = sentencesOfText(OPED, paragraphs);

  it('reads the first line as the title and numbers the nine paragraphs after it', () => {
    expect(titleOf(paragraphs)).toBe('US-Pakistan relations in President Trump’s second term');
    expect(paragraphs.map((p) => p.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(OPED.slice(paragraphs[2]!.start, paragraphs[2]!.end)).toMatch(/^First, the unprecedented/);
  });

  it('keeps "Gen. Qamar Bajwa" inside its sentence (ICU alone would end the sentence there)', () => {
    const bajwa = sentences.find((s) => s.text.includes('Qamar Bajwa'))!;
    expect(bajwa.text.startsWith('The allegations made by former Prime Minister Imran Khan')).toBe(true);
    expect(bajwa.text.endsWith('will likely factor into Trump’s approach toward Pakistan.')).toBe(true);
    expect(bajwa.paragraph).toBe(3);
  });

  it('gives offsets that index the text', () => {
    for (const s of sentences) {
      expect(OPED.slice(s.start, s.end)).toBe(s.text);
      for (const w of s.words) expect(OPED.slice(w.start, w.end)).toBe(w.text);
    }
    expect(sentences.filter((s) => s.paragraph === 2).map((s) => s.words[0]!.text))
      .toEqual(['First', 'Second', 'Third', 'Fourth', 'Fifth', 'With']);
  });

  it('skips the comment that names the model in a Markdown draft, and numbers paragraphs the same', () => {
    const draft = readFileSync(OPED_DRAFT_PATH, 'utf8');
    const ps = paragraphsOf(draft);
    expect(titleOf(ps)).toBe(titleOf(paragraphs));
    expect(ps.map((p) => draft.slice(p.start, p.end))).toEqual(paragraphs.map((p) => OPED.slice(p.start, p.end)));
  });
});

describe('paragraphs of Markdown', () => {
  it('joins hard-wrapped lines into one paragraph and splits at blank lines', () => {
    const text = '# Title\n\nThe first line wraps\nonto a second line. And ends.\n\nA second paragraph.\n';
    const ps = paragraphsOf(text);
    expect(ps.map((p) => p.number)).toEqual([0, 1, 2]);
    expect(sentencesOfText(text, ps).filter((s) => s.paragraph === 1).map((s) => s.text))
      .toEqual(['The first line wraps\nonto a second line.', 'And ends.']);
  });

  it('reads front matter as no paragraph', () => {
    const text = '---\nscenario: m.scenario\n---\nOne sentence here. Two.\n';
    expect(sentencesOfText(text).map((s) => s.text)).toEqual(['One sentence here.', 'Two.']);
  });
});

describe('words, any script', () => {
  it('splits right-to-left and mixed scripts into words with offsets', () => {
    const text = 'من المرجح أن trade_up ينمو. 中文句子很可能。';
    const words = wordsOf(text);
    expect(words.map((w) => w.text)).toContain('المرجح');
    expect(words.map((w) => w.text)).toContain('trade_up');
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(sentencesOfText(text).length).toBe(2);
  });

  it('cuts a 10,000-word sentence to a bounded number of words', () => {
    const text = `${'word '.repeat(10_000)}end.`;
    const sentences = sentencesOfText(text);
    expect(sentences.length).toBe(1);
    expect(sentences[0]!.words.length).toBe(PROSE_LIMITS.maxSentenceWords);
  });

  it('finds no sentence in a text without words', () => {
    expect(sentencesOfText('\n\n  ---  \n... !!!\n')).toEqual([]);
  });
});

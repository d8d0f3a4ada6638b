// Paragraphs, sentences and words of a prose text, with their offsets in the text. Sentences and
// words come from Intl.Segmenter (Unicode's segmentation rules, built into Node: any script,
// right-to-left included); the only thing added on top is a short list of abbreviations after
// which ICU would end a sentence ("Gen. Qamar Bajwa"). Pure: no LSP, no file access.

export interface Segment {
  text: string;
  /** Offset of the first character in the whole text. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export interface Word extends Segment {
  /** Lower case, curly apostrophes made straight: what the term tables compare with. */
  lower: string;
}

export interface Sentence extends Segment {
  /** 1-based paragraph number (the title, when there is one, is paragraph 0). */
  paragraph: number;
  words: Word[];
}

export interface Paragraph extends Segment {
  /** 1-based; 0 for the title. */
  number: number;
}

/** Bounds that keep a pathological text from costing more than a check should. */
export const PROSE_LIMITS = {
  /** Characters of a text read at all (a 5 MB file is refused with a message). */
  maxChars: 2_000_000,
  /** Words of one sentence looked at (a 10,000-word "sentence" is cut, not scanned whole). */
  maxSentenceWords: 400,
  /** Sentences of a text. */
  maxSentences: 20_000,
} as const;

// Made on first use: the first segmenter of a process loads ICU's break rules, 10-25 ms that every
// start of the CLI paid at load, though only drafts and prose files are segmented.
let sentenceSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;
const sentenceSegments = (text: string) => (sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(text);
const wordSegments = (text: string) => (wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' })).segment(text);

/**
 * Words ICU takes for the end of a sentence when followed by a capital: titles, initials and a few
 * Latin abbreviations. Lower case, without the full stop.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'gen', 'lt', 'col', 'maj', 'capt', 'adm', 'sgt', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'pres',
  'st', 'jr', 'sr', 'no', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'inc', 'ltd', 'co', 'corp',
]);

/** Lower case with straight apostrophes. */
export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The words of a span of text (word-like segments only), offsets into the whole text. */
export function wordsOf(text: string, start = 0, end = text.length, max = Infinity): Word[] {
  const words: Word[] = [];
  for (const s of wordSegments(text.slice(start, end))) {
    if (!s.isWordLike) continue;
    words.push({ text: s.segment, start: start + s.index, end: start + s.index + s.segment.length, lower: normalizeWord(s.segment) });
    if (words.length >= max) break;
  }
  return words;
}

/** The last word of a sentence candidate before its closing full stop, lower case, or ''. */
function abbreviationAtEnd(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const m = /(?:^|[\s(\u2014\u2013-])([\p{L}.]{1,6})\.$/u.exec(trimmed);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  // A single capital letter is an initial ("J. Smith").
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(m[1]!);
}

/** The sentences of one span (a paragraph), offsets into the whole text. */
export function sentencesOf(text: string, start: number, end: number, paragraph: number): Sentence[] {
  const pieces: Segment[] = [];
  // ICU ends a sentence at every line break; a paragraph's lines are hard-wrapped, so they are
  // segmented as spaces (the same length: offsets do not move).
  const body = text.slice(start, end).replace(/[\r\n\u2028\u2029]/g, ' ');
  for (const s of sentenceSegments(body)) {
    const piece = { text: text.slice(start + s.index, start + s.index + s.segment.length), start: start + s.index, end: start + s.index + s.segment.length };
    const last = pieces[pieces.length - 1];
    if (last && abbreviationAtEnd(last.text)) {
      last.text = text.slice(last.start, piece.end);
      last.end = piece.end;
    } else {
      pieces.push(piece);
    }
  }
  const sentences: Sentence[] = [];
  for (const p of pieces) {
    // Trim the trailing white space ICU keeps with a sentence.
    const trimmed = p.text.trimEnd();
    const lead = p.text.length - p.text.trimStart().length;
    const s = { text: trimmed.slice(lead), start: p.start + lead, end: p.start + trimmed.length };
    if (s.text.length === 0) continue;
    const words = wordsOf(text, s.start, s.end, PROSE_LIMITS.maxSentenceWords);
    if (words.length === 0) continue;
    sentences.push({ ...s, paragraph, words });
  }
  return sentences;
}

/**
 * Paragraphs: runs of lines separated by blank lines. A text with no blank line between its lines
 * (the op-ed: one paragraph a line) has one paragraph a line. A first line that is short and does
 * not end a sentence (or a Markdown `#` heading) is the title, paragraph 0. Markdown front matter
 * and HTML comments at the top are skipped (they name the model, they are not prose).
 */
export function paragraphsOf(text: string): Paragraph[] {
  const lines: Segment[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line.replace(/\r$/, ''), start: at, end: at + line.replace(/\r$/, '').length });
    at += line.length + 1;
  }
  const body = lines.slice(skipPreamble(lines));
  // Blocks of lines between blank lines; a Markdown heading is a block of its own.
  const runs: Segment[][] = [];
  let run: Segment[] | null = null;
  for (const line of body) {
    if (line.text.trim() === '') {
      run = null;
    } else if (/^\s*#{1,6}\s/.test(line.text)) {
      runs.push([line]);
      run = null;
    } else {
      if (run === null) runs.push((run = []));
      run.push(line);
    }
  }
  // A block whose every line ends a sentence is one paragraph a line (plain text written with a
  // line per paragraph, like the op-ed); otherwise its lines are hard-wrapped and make one paragraph.
  const blocks: Segment[] = [];
  for (const r of runs) {
    if (r.length > 1 && r.every((l) => ENDS_SENTENCE.test(l.text.trimEnd()))) {
      blocks.push(...r.map((l) => ({ ...l })));
    } else {
      blocks.push({ text: text.slice(r[0]!.start, r[r.length - 1]!.end), start: r[0]!.start, end: r[r.length - 1]!.end });
    }
  }
  const paragraphs: Paragraph[] = [];
  let number = 1;
  blocks.forEach((b, i) => {
    const isTitle = i === 0 && blocks.length > 1 && isTitleLine(b.text);
    paragraphs.push({ ...b, number: isTitle ? 0 : number++ });
  });
  return paragraphs;
}

const ENDS_SENTENCE = /[.!?]["'\u201d\u2019)\]]*$/u;

function isTitleLine(text: string): boolean {
  const t = text.trim();
  if (/^#{1,6}\s/.test(t)) return true;
  return t.length <= 120 && !/[.!?:;]["'\u201d\u2019)]*$/.test(t) && !t.includes('\n');
}

/** The index of the first line after front matter (`---` … `---`) and leading HTML comments. */
function skipPreamble(lines: Segment[]): number {
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  if (lines[i]?.text.trim() === '---') {
    const close = lines.findIndex((l, j) => j > i && l.text.trim() === '---');
    if (close > i) i = close + 1;
  }
  for (;;) {
    while (i < lines.length && lines[i]!.text.trim() === '') i++;
    if (!lines[i]?.text.trimStart().startsWith('<!--')) return i;
    const close = lines.findIndex((l, j) => j >= i && l.text.includes('-->'));
    if (close < 0) return i;
    i = close + 1;
  }
}

/** The title (paragraph 0's text, without a Markdown `#`), or null. */
export function titleOf(paragraphs: readonly Paragraph[]): string | null {
  const t = paragraphs.find((p) => p.number === 0);
  return t ? t.text.trim().replace(/^#{1,6}\s+/, '') : null;
}

/** Every sentence of the text, paragraph by paragraph (the title too, as paragraph 0). */
export function sentencesOfText(text: string, paragraphs: readonly Paragraph[] = paragraphsOf(text)): Sentence[] {
  const out: Sentence[] = [];
  for (const p of paragraphs) {
    for (const s of sentencesOf(text, p.start, p.end, p.number)) {
      out.push(s);
      if (out.length >= PROSE_LIMITS.maxSentences) return out;
    }
  }
  return out;
}

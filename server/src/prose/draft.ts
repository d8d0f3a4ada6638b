// A first model from an analyst's prose (LANGUAGE.md, `scenario draft`): a scenario block titled
// from the text, one outcome per sentence that makes an estimative judgment (the sentence as its
// note, its paragraph as its source, `judged` for an ICD 203 phrase, a TODO asking for a phrase
// for a hedge), and a factor for each driver the text enumerates ("First, … Second, …"). Names
// are made from the words and are valid, unique and never keywords. Pure: text in, text out.
import { isName, isNamePart, isNameStart } from '../../../common/names';
import { KEYWORDS, PHRASES } from '../syntax/vocabulary';
import { PROSE_LIMITS, paragraphsOf, sentencesOfText, titleOf, type Sentence } from './segment';
import { PROSE_HEDGES, termsOf, type Term } from './terms';

export interface DraftResult {
  /** The `.scenario` text; null when there was nothing to draft from (see `message`). */
  text: string | null;
  /** A message for the analyst: why there is no draft, or null. */
  message: string | null;
  outcomes: number;
  factors: number;
}

export interface DraftOptions {
  /** How sources name the text ("op-ed" → `source "op-ed, paragraph 3"`). */
  sourceName: string;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORDINAL_FORMS = new Map<string, number>(ORDINALS.flatMap((w, i) => [[w, i], [`${w}ly`, i]] as [string, number][]));

/** Words too common to name anything by. */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'into', 'onto', 'over',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'shall', 'has', 'have', 'had', 'do', 'does', 'did', 'this', 'that',
  'these', 'those', 'it', 'its', 'their', 'his', 'her', 'he', 'she', 'they', 'we', 'which', 'who', 'whom', 'whose', 'there',
  'than', 'then', 'so', 'such', 'if', 'even', 'also', 'not', 'no', 'more', 'most', 'very', 'much', 'many', 'some', 'any',
  'therefore', 'however', 'thus', 'under', 'during', 'despite', 'result', 'said', 'due', 'toward', 'towards', 'about', 'like',
  'first', 'second', 'third', 'fourth', 'fifth', 'president', 'been', 'take', 'help', 'lead', 'steps', 'one', 'other',
  ...ORDINALS, 'firstly', 'secondly', 'thirdly',
]);

const MAX_LABEL = 100;
const MAX_NAME_WORDS = 3;

/** One line of a `.scenario` string: quotes and backslashes escaped, line breaks and controls as spaces. */
export function scenarioString(text: string): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return `"${flat.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A label: the sentence without a leading connective, its final stop and anything past MAX_LABEL. */
function labelOf(sentence: string): string {
  let s = sentence.replace(/\s+/g, ' ').trim()
    .replace(/^(therefore|however|thus|as a result|that said|despite this|currently|meanwhile|moreover|in addition|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|firstly|secondly|thirdly),\s*/i, '')
    .replace(/[.!?]+["'\u201d\u2019]*$/u, '');
  if (s.length > 0) s = s[0]!.toUpperCase() + s.slice(1);
  if ([...s].length <= MAX_LABEL) return s;
  const cut = [...s].slice(0, MAX_LABEL).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:\u2014\u2013-]+$/u, '')}…`;
}

/** Keeps the characters a name may hold (common/names.ts), lower case; '' when none are left. */
function namePart(word: string): string {
  const w = word.toLowerCase().replace(/['\u2019\u02bc]s$/u, '').normalize('NFC');
  let out = '';
  for (let i = 0; i < w.length;) {
    const cp = w.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (isNamePart(ch, 0)) out += ch;
    i += ch.length;
  }
  return out;
}

/** Makes valid, unique names (never a keyword) from the content words of a text. */
export class NameMaker {
  private readonly used = new Set<string>();

  has(name: string): boolean {
    return this.used.has(name);
  }

  make(words: readonly string[], avoid: ReadonlySet<string>, fallback: string): string {
    const parts: string[] = [];
    for (const w of words) {
      const lower = w.toLowerCase();
      if (STOPWORDS.has(lower) || avoid.has(lower) || PROSE_HEDGES.has(lower) || KEYWORDS.has(lower)) continue;
      const p = parts.length === 0 ? namePart(w).replace(/^[0-9_]+/, '') : namePart(w);
      if (p.length === 0 || (parts.length === 0 && !isNameStart(p, 0))) continue;
      if (/^\d+$/.test(p)) continue;
      if (!parts.includes(p)) parts.push(p);
      if (parts.length >= MAX_NAME_WORDS) break;
    }
    let base = parts.join('_').slice(0, 48).replace(/_+$/, '');
    if (!isName(base) || KEYWORDS.has(base)) base = fallback;
    let name = base;
    for (let n = 2; this.used.has(name) || KEYWORDS.has(name) || !isName(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}

/** The words of the phrases and hedges: not what an outcome is about. */
const TERM_WORDS = new Set(PHRASES.flatMap((r) => r.forms.flatMap((f) => f.split(' '))));

interface Enumerated {
  sentence: Sentence;
  ordinal: number;
}

/** Sentences that start "First, …", "Second, …": kept when at least two follow one another. */
function enumerated(sentences: readonly Sentence[]): Enumerated[] {
  const found: Enumerated[] = [];
  let run: Enumerated[] = [];
  const flush = () => {
    if (run.length >= 2) found.push(...run);
    run = [];
  };
  for (const s of sentences) {
    const first = s.words[0]?.lower ?? '';
    const ordinal = ORDINAL_FORMS.get(first);
    const afterComma = ordinal !== undefined && /^\s*,/.test(s.text.slice(s.words[0]!.end - s.start));
    if (ordinal !== undefined && afterComma && ordinal === run.length) run.push({ sentence: s, ordinal });
    else if (ordinal === 0 && afterComma) {
      flush();
      run.push({ sentence: s, ordinal });
    } else if (ordinal === undefined && run.length > 0 && s.paragraph !== run[run.length - 1]!.sentence.paragraph) flush();
  }
  flush();
  return found;
}

function hedgeComment(hedge: Term, text: string): string {
  const words = JSON.stringify(text.slice(hedge.start, hedge.end).replace(/\s+/g, ' ')).slice(1, -1);
  return `// TODO: "${words.replace(/\*\//g, '* /')}" is a hedge with no defined probability: which ICD 203 phrase does the text mean? `
    + `Write \`judged PHRASE\` (${PHRASES.map((r) => r.phrase).join(', ')}).`;
}

/** The draft of a text. */
export function draftFromText(text: string, options: DraftOptions): DraftResult {
  if (text.length > PROSE_LIMITS.maxChars) {
    return { text: null, message: `the text is too large to draft from (${(text.length / 1e6).toFixed(1)} million characters; at most ${PROSE_LIMITS.maxChars / 1e6} million)`, outcomes: 0, factors: 0 };
  }
  const paragraphs = paragraphsOf(text);
  const sentences = sentencesOfText(text, paragraphs);
  if (sentences.length === 0) return { text: null, message: 'the text has no sentences to draft from', outcomes: 0, factors: 0 };
  const title = titleOf(paragraphs) ?? labelOf(sentences[0]!.text);
  const source = (s: Sentence) => scenarioString(s.paragraph === 0 ? `${options.sourceName}, title` : `${options.sourceName}, paragraph ${s.paragraph}`);
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push(
    `// Drafted by \`scenario draft\` from ${JSON.stringify(options.sourceName).slice(1, -1).replace(/[\r\n]/g, ' ')}: a first model to edit, not a forecast.`,
    '// Every probability and base below is a placeholder (marked TODO) until the analyst sets it and',
    '// adds the driver lines that connect the factors to the outcomes.',
    '',
    `scenario ${scenarioString(title)} {`,
    '  // TODO: question "…" and horizon YYYY-MM-DD to YYYY-MM-DD',
    '}',
  );
  const names = new NameMaker();
  const factors = enumerated(sentences);
  const factorSentences = new Set(factors.map((f) => f.sentence));
  if (factors.length > 0) {
    push('', '// ---- Drivers the text enumerates --------------------------------------------------------');
    for (const f of factors) {
      const label = labelOf(f.sentence.text);
      const name = names.make(f.sentence.words.slice(1).map((w) => w.text), TERM_WORDS, 'driver');
      push(
        '',
        `factor ${name} ${scenarioString(label)} {`,
        '  probability roughly even chance // TODO: how likely is this to hold over the horizon?',
        `  note ${scenarioString(f.sentence.text)}`,
        `  source ${source(f.sentence)}`,
        '}',
      );
    }
  }
  // Outcome names and factor names share one namespace: one maker for both.
  const outcomeNames = names;
  let outcomes = 0;
  const judgments: string[] = [];
  for (const s of sentences) {
    if (factorSentences.has(s)) continue;
    const terms = termsOf(text, s);
    const phrase = terms.find((t) => t.kind === 'phrase');
    const hedge = terms.find((t) => t.kind === 'hedge');
    if (!phrase && !hedge) continue;
    outcomes++;
    const name = outcomeNames.make(s.words.map((w) => w.text), TERM_WORDS, 'judgment');
    const row = phrase?.row;
    judgments.push(
      '',
      `outcome ${name} ${scenarioString(labelOf(s.text))} {`,
      row
        ? `  base ${row.phrase} // TODO: the text's own call as a placeholder; add its drivers, then set the base without them`
        : '  base roughly even chance // TODO: a placeholder; add its drivers, then set the base without them',
      ...(row ? [`  judged ${row.phrase}`] : []),
      ...terms.filter((t) => t.kind === 'hedge').map((t) => `  ${hedgeComment(t, text)}`),
      `  note ${scenarioString(s.text)}`,
      `  source ${source(s)}`,
      '}',
    );
  }
  if (outcomes > 0) push('', '// ---- Judgments the text makes, one per sentence --------------------------------------------', ...judgments);
  else push('', '// TODO: the text makes no estimative judgment this draft could find ("likely", "may", "is expected to"…).');
  return { text: `${out.join('\n')}\n`, message: null, outcomes, factors: factors.length };
}

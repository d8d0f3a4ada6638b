// Mentions of a model's outcomes in a sentence: the name in backticks (`trade_up`), or the label
// written out (case and apostrophes aside). Pure.
import { isName } from '../../../common/names';
import type { Sentence } from './segment';

export interface OutcomeRef {
  name: string;
  label: string | null;
}

export interface Mention {
  name: string;
  start: number;
  end: number;
  how: 'name' | 'label';
}

/** Curly quotes and dashes made plain, lower case: labels and prose are compared in this form. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u2010-\u2015]/g, '-');
}

/** Labels shorter than this many characters are not looked for in prose (too many false hits). */
const MIN_LABEL = 8;

export function mentionsIn(text: string, sentence: Sentence, outcomes: readonly OutcomeRef[]): Mention[] {
  const byName = new Map(outcomes.map((o) => [o.name, o]));
  const out: Mention[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(/`([^`\n]{1,200})`/g)) {
    const name = m[1]!.trim();
    if (isName(name) && byName.has(name)) {
      out.push({ name, start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length, how: 'name' });
    }
  }
  const folded = fold(body);
  for (const o of outcomes) {
    if (!o.label || o.label.length < MIN_LABEL) continue;
    const label = fold(o.label);
    let at = folded.indexOf(label);
    while (at >= 0) {
      const before = folded[at - 1];
      const after = folded[at + label.length];
      // Whole words only.
      if ((before === undefined || !/[\p{L}\p{N}_]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}_]/u.test(after))) {
        out.push({ name: o.name, start: sentence.start + at, end: sentence.start + at + label.length, how: 'label' });
      }
      at = folded.indexOf(label, at + label.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

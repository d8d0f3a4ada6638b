// The vocabulary of the language, one table shared by every layer: the declarations and the
// statements each block accepts (statements.ts), the words with fixed meanings (words.ts: ICD 203
// phrases, strengths, hedges); the name pattern is common/names.ts (the page imports it too), which
// every layer imports directly.
// grammar/scenario.ohm must agree with it: tests/syntax/vocabulary.test.ts holds the two together,
// and the TextMate grammar is generated from it (textmate.ts, `npm run gen:tmlanguage`).
import { DECLARATION_KEYWORDS, STATEMENT_KEYWORDS } from './statements';
import { HEDGES, PHRASES, STRENGTHS } from './words';

export * from './statements';
export * from './words';

/** The keywords of declarations and statements (highlighted as keywords). */
export const LANGUAGE_KEYWORDS: ReadonlySet<string> = new Set<string>([...DECLARATION_KEYWORDS, ...STATEMENT_KEYWORDS]);

/**
 * Every reserved word (grammar/scenario.ohm `reserved`): keywords, strength words and the single
 * words of phrases and hedges. None of them can be a name.
 */
export const KEYWORDS: ReadonlySet<string> = new Set<string>([
  ...LANGUAGE_KEYWORDS,
  ...STRENGTHS.map((s) => s.word),
  ...PHRASES.flatMap((r) => r.forms.flatMap((f) => f.split(' '))),
  ...HEDGES,
]);

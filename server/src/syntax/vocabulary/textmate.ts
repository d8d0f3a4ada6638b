// The TextMate grammar (client/syntaxes/scenario.tmLanguage.json) and the language configuration's
// wordPattern, generated from the vocabulary, so a new keyword, phrase or statement cannot be
// forgotten by the highlighter. `npm run gen:tmlanguage` writes both files;
// tests/syntax/vocabulary.test.ts checks that the committed files equal what this produces.
// The patterns are written to be valid both in Oniguruma (VS Code) and in JavaScript (`u` flag,
// how the tests read them).
import { NAME_SOURCE, NOT_AFTER_NAME_PART as BEFORE, NOT_BEFORE_NAME_PART as AFTER } from '../../../../common/names';
import {
  DECLARATIONS, DECLARATION_KEYWORDS, OPERATOR_WORDS, STATEMENTS, STATEMENT_KEYWORDS, leadingKeyword,
} from './index';
import { HEDGES, PHRASES, STRENGTHS } from './words';

const SCOPE = 'scenario';
const scope = (name: string): string => `${name}.${SCOPE}`;
const words = (list: readonly string[]): string => `(${list.map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
const whole = (list: readonly string[]): string => `${BEFORE}${words(list)}${AFTER}`;

/** A decimal number as the grammar writes it (no leading point). */
const DECIMAL = String.raw`\d+(?:\.\d+)?`;

/** Statements `KEYWORD [WORD] NAME` (given, and observe later): the name is highlighted as one. */
function keywordNameRows(): { lead: string; optional: string | null }[] {
  const out: { lead: string; optional: string | null }[] = [];
  for (const row of Object.values(STATEMENTS)) {
    const lead = leadingKeyword(row);
    const [, second, third] = row.parts;
    if (lead === null) continue;
    if (second?.kind === 'name' && row.parts.length === 2) out.push({ lead, optional: null });
    else if (second?.kind === 'optional' && third?.kind === 'name' && row.parts.length === 3) {
      out.push({ lead, optional: second.word });
    }
  }
  return out;
}

export function textMateGrammar(): Record<string, unknown> {
  const named = DECLARATIONS.filter((d) => d.header === 'name').map((d) => d.keyword);
  const declarationWords = DECLARATION_KEYWORDS;
  // Declaration keywords with a name first, as the highlighted alternatives are tried in order.
  const allDeclarations = [...declarationWords.filter((w) => !named.includes(w)), ...named];
  const statementWords = STATEMENT_KEYWORDS.filter((w) => !OPERATOR_WORDS.includes(w));
  // Longest first (sort is stable: equal lengths keep the table's order).
  const phrases = PHRASES.flatMap((r) => r.forms).sort((a, b) => b.length - a.length);

  const keywordName = keywordNameRows().map(({ lead, optional }) => ({
    match: `${BEFORE}(${lead})\\s+${optional ? `(?:(${optional})\\s+)?` : '()'}(${NAME_SOURCE})`,
    captures: {
      '1': { name: scope(`keyword.other.${lead}`) },
      ...(optional ? { '2': { name: scope(`keyword.operator.word.${optional}`) } } : {}),
      '3': { name: scope('variable.other.driver') },
    },
  }));

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Scenario',
    scopeName: `source.${SCOPE}`,
    fileTypes: [SCOPE],
    patterns: [
      { include: '#comment' },
      { include: '#declaration' },
      { include: '#statement' },
      { include: '#value' },
      { include: '#punctuation' },
    ],
    repository: {
      comment: {
        match: '(//).*$',
        name: scope('comment.line.double-slash'),
        captures: { '1': { name: scope('punctuation.definition.comment') } },
      },
      string: {
        name: scope('string.quoted.double'),
        begin: '"',
        beginCaptures: { '0': { name: scope('punctuation.definition.string.begin') } },
        end: '(")|$',
        endCaptures: { '1': { name: scope('punctuation.definition.string.end') } },
        patterns: [
          { match: '\\\\["\\\\]', name: scope('constant.character.escape') },
          { match: '\\\\.', name: scope('invalid.illegal.unknown-escape') },
        ],
      },
      declaration: {
        patterns: [
          {
            match: `${BEFORE}${words(named)}\\s+(${NAME_SOURCE})`,
            captures: { '1': { name: scope('storage.type.$1') }, '2': { name: scope('entity.name.type.$1') } },
          },
          { match: whole(allDeclarations), name: scope('storage.type.$1') },
        ],
      },
      statement: {
        patterns: [
          { match: whole(OPERATOR_WORDS), name: scope('keyword.operator.word.$1') },
          ...keywordName,
          { match: whole(statementWords), name: scope('keyword.other.$1') },
        ],
      },
      value: {
        patterns: [
          { include: '#string' },
          { match: whole(phrases), name: scope('constant.language.phrase') },
          { match: whole(STRENGTHS.map((s) => s.word)), name: scope('constant.language.strength') },
          { match: whole(HEDGES), name: scope('invalid.illegal.hedge') },
          { match: `${BEFORE}\\d{4}-\\d{1,2}-\\d{1,2}${AFTER}`, name: scope('constant.numeric.date') },
          {
            match: `${BEFORE}([xX×])(${DECIMAL})(?:[ \\t]*(\\.\\.|to)[ \\t]*[xX×]?(${DECIMAL}))?${AFTER}`,
            name: scope('constant.numeric.multiplier'),
            captures: {
              '1': { name: scope('keyword.operator.multiplier') },
              '3': { name: scope('keyword.operator.range') },
            },
          },
          { match: `-?${DECIMAL}[ \\t]*%`, name: scope('constant.numeric.percentage') },
          { match: `-?${DECIMAL}${AFTER}`, name: scope('constant.numeric') },
          { match: '\\.\\.', name: scope('keyword.operator.range') },
          { match: NAME_SOURCE, name: scope('variable.other.name') },
        ],
      },
      punctuation: {
        patterns: [
          { match: '\\{', name: scope('punctuation.section.block.begin') },
          { match: '\\}', name: scope('punctuation.section.block.end') },
          { match: ';', name: scope('punctuation.terminator.statement') },
        ],
      },
    },
  };
}

/** The editor's word pattern: numbers with their percent sign, multipliers, names. */
export function wordPattern(): { pattern: string; flags: string } {
  return { pattern: `(-?${DECIMAL}%?)|([xX×]${DECIMAL}${AFTER})|(${NAME_SOURCE})`, flags: 'u' };
}

/** A JSON file's text as the generator writes it (two-space indent, final newline). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

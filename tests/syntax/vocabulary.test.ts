// The vocabulary table (server/src/syntax/vocabulary) and the grammar (grammar/scenario.ohm) say the
// same: the same reserved words, the same statements in each block, the same name pattern; and the
// committed TextMate grammar and wordPattern are what the table generates.
import { readFileSync } from 'node:fs';
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { isName, isNamePart, isNameStart } from '../../common/names';
import { START_RULES, scenarioGrammar } from '../../server/src/syntax/grammar';
import { parseDocument } from '../../server/src/syntax/parse';
import {
  DECLARATIONS, DECLARATION_KEYWORDS, HEDGES, KEYWORDS, PHRASES, STRENGTHS, KEYWORD_MEANINGS, LANGUAGE_KEYWORDS, STATEMENTS, leadingKeyword,
  partWords, shapeOf, type DeclarationRow,
} from '../../server/src/syntax/vocabulary';
import { jsonText, textMateGrammar, wordPattern } from '../../server/src/syntax/vocabulary/textmate';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Every string a pexpr made of terminals, sequences and alternatives matches (look-aheads match ''). */
function language(pexpr: unknown): string[] {
  const p = ohm.pexprs;
  if (pexpr instanceof p.Terminal) return [(pexpr as unknown as { obj: string }).obj];
  if (pexpr instanceof p.Lookahead || pexpr instanceof p.Not) return [''];
  if (pexpr instanceof p.Alt) return (pexpr as unknown as { terms: unknown[] }).terms.flatMap(language);
  if (pexpr instanceof p.Seq) {
    return (pexpr as unknown as { factors: unknown[] }).factors.reduce<string[]>(
      (prefixes, factor) => prefixes.flatMap((a) => language(factor).map((b) => a + b)), [''],
    );
  }
  throw new Error(`unexpected pexpr ${(pexpr as object).constructor.name} in a keyword list`);
}

/** The rules a pexpr applies, directly or inside iterations, alternatives and look-aheads. */
function applied(pexpr: unknown, out = new Set<string>()): Set<string> {
  const p = ohm.pexprs;
  if (pexpr instanceof p.Apply) out.add((pexpr as unknown as { ruleName: string }).ruleName);
  else if (pexpr instanceof p.Alt) for (const t of (pexpr as unknown as { terms: unknown[] }).terms) applied(t, out);
  else if (pexpr instanceof p.Seq) for (const f of (pexpr as unknown as { factors: unknown[] }).factors) applied(f, out);
  else if (pexpr instanceof p.Iter || pexpr instanceof p.Lookahead || pexpr instanceof p.Not) {
    applied((pexpr as unknown as { expr: unknown }).expr, out);
  }
  return out;
}

const rule = (name: string) => scenarioGrammar.rules[name];

function declarationText(d: DeclarationRow, body: string): string {
  return `${d.keyword} ${d.header === 'name' ? 'x' : '"X"'} { ${body} }`;
}

describe('the vocabulary and the grammar', () => {
  it('reserve the same words', () => {
    const reserved = language(rule('reserved')!.body).filter((w) => w !== '');
    expect(new Set(reserved)).toEqual(new Set(KEYWORDS));
    expect(reserved).toHaveLength(KEYWORDS.size);
  });

  it('have a described keyword rule for every declaration and every leading keyword', () => {
    for (const d of DECLARATIONS) expect(rule(`${d.keyword}Kw`)?.description, d.keyword).toBe(d.keyword);
    for (const row of Object.values(STATEMENTS)) {
      const lead = leadingKeyword(row);
      if (lead !== null) expect(rule(`${lead}Kw`)?.description, row.kind).toBe(lead);
      expect(rule(row.startRule)?.description, row.kind).toBeTruthy();
      expect(rule(row.rule), row.kind).toBeDefined();
    }
  });

  it('give each block the same statements', () => {
    for (const d of DECLARATIONS) {
      expect(START_RULES[d.keyword], d.keyword).toBe(d.rule);
      if (d.bodyRule === null) {
        // A declaration without a body (import) applies no statement rule at all.
        expect([...applied(rule(d.rule)!.body)].filter((r) => r.endsWith('Stmt') || r.endsWith('Body')), d.keyword).toEqual([]);
        expect(d.statements, d.keyword).toEqual([]);
        continue;
      }
      expect(applied(rule(d.rule)!.body).has(d.bodyRule), d.keyword).toBe(true);
      const statements = [...applied(rule(d.bodyRule)!.body)].filter((r) => r.endsWith('Stmt'));
      expect(new Set(statements), d.keyword).toEqual(new Set(d.statements.map((s) => s.rule)));
    }
  });

  it('parse every statement in the blocks that list it, as its kind, and refuse it in the others', () => {
    for (const row of Object.values(STATEMENTS)) {
      for (const d of DECLARATIONS) {
        const text = declarationText(d, row.example);
        const doc = parseDocument(text);
        if (d.statements.includes(row)) {
          expect(doc.errors, text).toEqual([]);
          expect(doc.declarations[0]!.statements.map((s) => s.kind), text).toEqual([row.kind]);
        } else {
          expect(doc.errors.length, text).toBe(1);
        }
      }
    }
  });

  it('keep its own entries consistent: kinds, keywords, meanings, shapes', () => {
    for (const [kind, row] of Object.entries(STATEMENTS)) expect(row.kind).toBe(kind);
    for (const row of Object.values(STATEMENTS)) {
      for (const part of row.parts) for (const w of partWords(part)) expect(LANGUAGE_KEYWORDS.has(w), w).toBe(true);
    }
    for (const w of LANGUAGE_KEYWORDS) expect(KEYWORD_MEANINGS[w], w).toBeTruthy();
    expect(DECLARATION_KEYWORDS).toEqual(['scenario', 'import', 'factor', 'event', 'outcome', 'alternative']);
    expect(shapeOf(STATEMENTS.driver)).toBe('NAME raises|lowers STRENGTH');
    expect(shapeOf(STATEMENTS['alt-given'])).toBe('given [not] NAME');
    expect(shapeOf(STATEMENTS['alt-observe'])).toBe('observe [not] NAME');
    expect(shapeOf(STATEMENTS['alt-base'])).toBe('NAME base P');
    expect(shapeOf(STATEMENTS.horizon)).toBe('horizon DATE to DATE');
    // Every block takes notes and sources (completion used to forget them in two blocks).
    for (const d of DECLARATIONS.filter((row) => row.bodyRule !== null)) expect(d.statements).toEqual(expect.arrayContaining([STATEMENTS.note, STATEMENTS.source]));
    expect(Object.values(STATEMENTS).filter((s) => s.required).map((s) => s.kind)).toEqual(['probability', 'base']);
  });

  it('read names the same way: ASCII digits and any Unicode letter', () => {
    // Latin, accented, Cyrillic, CJK, Arabic-Indic digit (Nd), Roman numeral (Nl), superscript (No),
    // combining mark, symbol, space, punctuation.
    const characters = ['a', 'Z', '7', '_', 'é', 'Ж', '中', 'ʰ', '\u0661', 'Ⅻ', '²', '\u0301', '€', ' ', '-', '.'];
    const grammarName = (text: string) => scenarioGrammar.match(text, 'ident').succeeded();
    for (const c of characters) {
      expect(isName(`a${c}`), `a${c}`).toBe(grammarName(`a${c}`));
      expect(isName(c), c).toBe(grammarName(c));
      expect(isNamePart(`a${c}`, 1), c).toBe(grammarName(`a${c}`));
      expect(isNameStart(c, 0), c).toBe(grammarName(c));
    }
  });
});

describe('the generated editor files', () => {
  it('the committed TextMate grammar is what the vocabulary generates (npm run gen:tmlanguage)', () => {
    expect(read('client/syntaxes/scenario.tmLanguage.json')).toBe(jsonText(textMateGrammar()));
  });

  it('the committed wordPattern is what the vocabulary generates (npm run gen:tmlanguage)', () => {
    expect(JSON.parse(read('client/language-configuration.json')).wordPattern).toEqual(wordPattern());
  });

  it('highlights every keyword, phrase, strength and hedge of the vocabulary', () => {
    const grammar = textMateGrammar() as { repository: Record<string, { patterns?: { match?: string; name?: string }[] }> };
    const patterns = ['declaration', 'statement', 'value'].flatMap((k) => grammar.repository[k]!.patterns ?? [])
      .filter((p) => p.match && p.name && p.name !== 'variable.other.name.scenario')
      .map((p) => new RegExp(`^(?:${p.match})$`, 'u'));
    const words = [...LANGUAGE_KEYWORDS, ...PHRASES.flatMap((r) => r.forms), ...STRENGTHS.map((s) => s.word), ...HEDGES];
    for (const word of words) expect(patterns.some((re) => re.test(word)), word).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { declarationAt, declarationExtents, findDeclarationInText, findStatementInDeclaration } from '../../client/src/preview/declarations';

const text = [
  '// factor rapport in a comment',
  'scenario "factor rapport in a title" { seed 1 }',
  'factor crisis "Crises" {',
  '  probability almost certain',
  '}',
  'factor rapport_strong { probability 10% }',
  'event attack { probability 10%..25% }; outcome rapport "x" { base 20% }',
  'factor rapport "Trump and Khan" {',
  '  probability 55%..75%',
  '}',
  'outcome décision "A non-ASCII name" { base 20% }',
].join('\n');

function at(name: string): string | null {
  const r = findDeclarationInText(text, name);
  if (!r) return null;
  const line = text.slice(0, r.start).split('\n').length;
  return `${line}:${text.slice(r.start, r.end)}`;
}

describe('findDeclarationInText', () => {
  it('finds factors, events and outcomes by exact name', () => {
    expect(at('crisis')).toBe('3:crisis');
    expect(at('attack')).toBe('7:attack');
    expect(at('rapport_strong')).toBe('6:rapport_strong');
    expect(at('décision')).toBe('11:décision');
  });

  it('skips comments, strings and longer names', () => {
    // the first real declaration of `rapport` is the outcome after the `;` on line 7
    expect(at('rapport')).toBe('7:rapport');
  });

  it('returns null for unknown or invalid names', () => {
    expect(at('missing')).toBeNull();
    expect(findDeclarationInText(text, '.*')).toBeNull();
    expect(findDeclarationInText(text, 'a|factor')).toBeNull();
  });
});

describe('declarationAt (editor → preview sync)', () => {
  const model = [
    'factor crisis "Crises {" {        // a brace in a string',
    '  probability almost certain      // and } in a comment',
    '}',
    '',
    'outcome trade_up "Trade" {',
    '  base 50%',
    '  crisis raises weakly',
    '  judged likely // judged in a comment',
    '}',
    'outcome broken "no closing brace" {',
    '  base 20%',
    'event attack { probability 10% }',
  ].join('\n');
  const extents = declarationExtents(model);
  const offset = (line: number, column = 2) => model.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0) + column;

  it('names the declaration whose block holds the cursor, and nothing between blocks', () => {
    expect(extents.map((d) => d.name)).toEqual(['crisis', 'trade_up', 'broken', 'attack']);
    expect(declarationAt(extents, offset(2))).toBe('crisis');
    expect(declarationAt(extents, offset(3, 0))).toBe('crisis');
    expect(declarationAt(extents, offset(4, 0))).toBeNull();
    expect(declarationAt(extents, offset(7))).toBe('trade_up');
    // An unclosed block runs to the next declaration.
    expect(declarationAt(extents, offset(11))).toBe('broken');
    expect(declarationAt(extents, offset(12, 20))).toBe('attack');
  });

  it('finds the judged line inside a declaration, not in comments or other blocks', () => {
    const found = findStatementInDeclaration(model, 'trade_up', 'judged')!;
    expect(model.slice(found.start, found.end)).toBe('judged likely // judged in a comment');
    expect(findStatementInDeclaration(model, 'crisis', 'judged')).toBeNull();
    expect(findStatementInDeclaration(model, 'missing', 'judged')).toBeNull();
  });
});

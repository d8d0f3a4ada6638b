import { describe, expect, it } from 'vitest';
import { findDeclarationInText } from '../../client/src/preview/declarations';

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

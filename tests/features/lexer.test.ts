// The forgiving lexer the editing features read while the text does not parse.
import { describe, expect, it } from 'vitest';
import { isOpenString, lex, phraseAt, tokenAt } from '../../server/src/features/lexer';

const kinds = (text: string) => lex(text).map((t) => `${t.kind}:${t.text}`);

describe('lex', () => {
  it('reads the tokens of statements', () => {
    expect(kinds('attack raises x5..12 // big\n  base 0.10; judged very unlikely')).toEqual([
      'word:attack', 'word:raises', 'multiplier:x5..12', 'comment:// big',
      'word:base', 'number:0.10', 'punct:;', 'word:judged', 'word:very', 'word:unlikely',
    ]);
    expect(kinds('rapport 55%..75% horizon 2025-01-20 to 2026-01-20 samples 50_000')).toEqual([
      'word:rapport', 'number:55%', 'range:..', 'number:75%', 'word:horizon', 'date:2025-01-20', 'word:to',
      'date:2026-01-20', 'word:samples', 'number:50_000',
    ]);
  });

  it('keeps strings whole, with escapes, and stops an unterminated one at the line end', () => {
    expect(kinds('note "a \\" // b" x')).toEqual(['word:note', 'string:"a \\" // b"', 'word:x']);
    expect(kinds('note "open\nfactor')).toEqual(['word:note', 'string:"open', 'word:factor']);
    expect(isOpenString('"open')).toBe(true);
    expect(isOpenString('"a \\"')).toBe(true);
    expect(isOpenString('"done"')).toBe(false);
    expect(isOpenString('"')).toBe(true);
  });

  it('reads names as the grammar does: Unicode letters, ASCII digits and _', () => {
    expect(kinds('été_2 x3y x3 ×2.5 X2 to 4')).toEqual(['word:été_2', 'word:x3y', 'multiplier:x3', 'multiplier:×2.5', 'multiplier:X2 to 4']);
    // Digits other than ASCII are not part of a name (grammar/scenario.ohm, common/names.ts).
    expect(kinds('a\u0661 Жук_7')).toEqual(['word:a', 'punct:\u0661', 'word:Жук_7']);
  });

  it('finds multi-word phrases on one line, longest first', () => {
    const text = 'judged very likely; almost\ncertain';
    const tokens = lex(text);
    expect(phraseAt(text, tokens, 1)).toMatchObject({ form: 'very likely', phrase: 'very likely', next: 3 });
    expect(phraseAt(text, tokens, 2)).toMatchObject({ form: 'likely' });
    expect(phraseAt(text, tokens, 4)).toBeUndefined();
    const probable = 'highly probable';
    expect(phraseAt(probable, lex(probable), 0)).toMatchObject({ phrase: 'very likely', start: 0, end: 15 });
  });

  it('cuts a token at the end it is given', () => {
    expect(lex('rapport raises', 0, 3).map((t) => t.text)).toEqual(['rap']);
    expect(lex('note "abc"', 0, 7).map((t) => t.text)).toEqual(['note', '"a']);
  });

  it('puts the cursor on the word before punctuation', () => {
    const tokens = lex('crisis;');
    expect(tokenAt(tokens, 6)?.token.text).toBe('crisis');
    expect(tokenAt(tokens, 2)?.token.text).toBe('crisis');
    expect(tokenAt(lex('a b'), 1)?.token.text).toBe('a');
  });
});

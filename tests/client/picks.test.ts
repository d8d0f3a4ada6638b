// The quick pick of "Compare Forecast with Revision…": commit subjects are repository text, shown
// as written, on one line, with no control characters and no `$(icon)` drawn.
import { describe, expect, it } from 'vitest';
import { commitPicks, plainPickText } from '../../client/src/compare/picks';

const WORD_JOINER = '\u2060';

describe('commit picks', () => {
  it('defuse the icon syntax: `$(alert)` reads as written, with an invisible joiner after the $', () => {
    expect(plainPickText('Rapport: 40% <b>$(alert)</b>')).toBe(`Rapport: 40% <b>$${WORD_JOINER}(alert)</b>`);
    expect(plainPickText('$(a) and $(b)').split(WORD_JOINER)).toHaveLength(3);
    expect(plainPickText('costs $5 (est.)')).toBe('costs $5 (est.)');
  });

  it('put a subject on one line and replace control characters', () => {
    expect(plainPickText('first\r\n  second\nthird')).toBe('first second third');
    const cleaned = plainPickText('bell\u0007 escape\u001b[31m bidi\u202e');
    expect(cleaned).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    expect(cleaned.startsWith('bell\uFFFD escape\uFFFD[31m')).toBe(true);
  });

  it('one item per commit, newest first as given: subject, date and short id', () => {
    const picks = commitPicks([
      { commit: 'a'.repeat(40), date: '2025-01-02T12:00:00Z', subject: 'Rapport: 40%', path: 'm.scenario' },
      { commit: 'b'.repeat(40), date: '2025-01-01T12:00:00Z', subject: '', path: 'm.scenario' },
    ]);
    expect(picks).toEqual([
      { label: 'Rapport: 40%', description: '2025-01-02 · aaaaaaaa', commit: 'a'.repeat(40) },
      { label: '(no subject)', description: '2025-01-01 · bbbbbbbb', commit: 'b'.repeat(40) },
    ]);
  });
});

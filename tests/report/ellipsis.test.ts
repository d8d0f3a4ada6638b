// cutToChars (common/text/ellipsis.ts): the one way chart labels are cut to fit.
import { describe, expect, it } from 'vitest';
import { cutToChars } from '../../common/text/ellipsis';

describe('cutToChars', () => {
  it('leaves a text that fits, and cuts a longer one to the width, its last character an ellipsis', () => {
    expect(cutToChars('crisis', 6)).toBe('crisis');
    expect(cutToChars('china_ties', 6)).toBe('china…');
    expect([...cutToChars('x'.repeat(100), 28)].length).toBe(28);
  });

  it('counts characters, not UTF-16 units: no surrogate pair is split', () => {
    expect(cutToChars('😀😀😀😀', 4)).toBe('😀😀😀😀');
    expect(cutToChars('😀😀😀😀😀', 4)).toBe('😀😀😀…');
  });
});

// escapeMarkdown against hostile file content, and the number formats analysts read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatPercent, formatPoints, formatRange, percentLiteral } from '../../server/src/features/text';

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Undoes the escaping: what a CommonMark renderer shows for text made only of escapes and plain characters. */
function shown(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** True when every ASCII punctuation character is escaped by a backslash that is not itself escaped. */
function allEscaped(escaped: string): boolean {
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i]!;
    if (c === '\\') {
      if (!PUNCTUATION.test(escaped[i + 1] ?? '')) return false;
      i++;
    } else if (PUNCTUATION.test(c)) {
      return false;
    }
  }
  return true;
}

describe('escapeMarkdown', () => {
  const hostile = [
    '[click me](command:workbench.action.terminal.new)',
    '![img](https://evil.example/x.png)',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '`code` and ``more``',
    '**bold** __bold__ *em* _em_ ~~gone~~',
    'https://evil.example/path and www.evil.example and mail@evil.example',
    '&lt;b&gt; &#60; &amp;',
    '# heading\n- list\n> quote\n```\nfence\n```',
    '| table | row |',
    'a \\ backslash and \\[ escaped bracket',
    '[ref]: https://evil.example "title"',
  ];

  it.each(hostile)('makes %j inert', (input) => {
    const out = escapeMarkdown(input);
    expect(allEscaped(out)).toBe(true);
    expect(out).not.toMatch(/[\r\n]/);
    expect(out).not.toMatch(/(^|[^\\])[<[`*_]/);
    expect(out).not.toContain('https://');
    expect(out).not.toContain('www.');
    expect(shown(out)).toBe(input.replace(/[\r\n]+/g, ' '));
  });

  it('escapes every punctuation character of any string, and shows the text unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (input) => {
        const out = escapeMarkdown(input);
        expect(allEscaped(out)).toBe(true);
        expect(shown(out)).toBe(input.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' '));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves letters, digits and Unicode alone', () => {
    expect(escapeMarkdown('US–Pakistan relations 2025 ✓')).toBe('US–Pakistan relations 2025 ✓');
  });
});

describe('number formats', () => {
  it('writes probabilities as an analyst reads them', () => {
    expect(formatPercent(0.6312)).toBe('63%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0.9962)).toBe('99.6%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(percentLiteral(0.55)).toBe('55%');
    expect(percentLiteral(0.125)).toBe('12.5%');
    expect(formatRange(0.55, 0.8)).toBe('55%–80%');
    expect(formatRange(0.3, 0.3)).toBe('30%');
  });

  it('signs swings in percentage points', () => {
    expect(formatPoints(21.34)).toBe('+21.3');
    expect(formatPoints(-4)).toBe('−4');
    expect(formatPoints(0.01)).toBe('0');
  });
});

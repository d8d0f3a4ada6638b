// Inputs meant to break a parser: deep nesting, a 10,000-character line, 5 MB. Each gives
// diagnostics (or a clean result), never a crash or a stack overflow.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import { MAX_DOCUMENT_CHARS } from '../../server/src/syntax/assemble';

function codes(text: string): string[] {
  return [...new Set(analyze(text).diagnostics.map((d) => d.code))];
}

describe('pathological inputs', () => {
  it('deeply nested braces', () => {
    const text = `factor a ${'{'.repeat(20_000)}${'}'.repeat(20_000)}\n`;
    expect(codes(text)).toContain('syntax');
  });

  it('deeply nested braces inside a valid file keep the rest of the file checked', () => {
    const text = `factor a { probability 50% }\noutcome o ${'{ '.repeat(5_000)}\noutcome p { base 50%; a raises weakly; q raises weakly }\n`;
    const found = codes(text);
    expect(found).toContain('syntax');
    expect(found).toContain('unknown-name');
  });

  it('a 10,000-character line', () => {
    const label = 'x'.repeat(10_000);
    const { diagnostics, model } = analyze(`factor a "${label}" { probability 50% }\noutcome o { base 50%; a raises weakly }\n`);
    expect(diagnostics).toEqual([]);
    expect(model.variables.get('a')!.label).toHaveLength(10_000);
  });

  it('a 10,000-character name and a line of 10,000 stray characters', () => {
    expect(codes(`factor ${'n'.repeat(10_000)} { probability 50% }\n${'%'.repeat(10_000)}\n`)).toContain('syntax');
  });

  it('a 10,000-character line of chained drivers', () => {
    const drivers = Array.from({ length: 600 }, (_, i) => `f${i} raises weakly`).join('; ');
    expect(drivers.length).toBeGreaterThan(10_000);
    const { diagnostics } = analyze(`outcome o { base 50%; ${drivers} }\n`);
    expect(diagnostics).toHaveLength(600);
    expect(diagnostics.every((d) => d.code === 'unknown-name')).toBe(true);
  });

  /** Realistic declarations, `bytes` long or a little more. */
  function declarations(bytes: number): string {
    const block = (i: number) => `factor f${i} "A factor with a label" {\n  probability 20%..35%\n}\n` +
      `outcome o${i} {\n  base 10%\n  f${i} raises moderately\n  judged unlikely\n}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      parts.push(block(i));
      size += parts[parts.length - 1]!.length;
    }
    return parts.join('');
  }

  it('a 5 MB file of declarations: one diagnostic that says the file is too large to check', () => {
    const text = declarations(5_000_000);
    const { diagnostics, model } = analyze(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'syntax', severity: 'error', span: { start: 0, end: 1 } });
    expect(diagnostics[0]!.message).toMatch(/too large to check/);
    expect(model).toMatchObject({ hasErrors: true, order: [], outcomes: [] });
  });

  it('a file just under the size limit (some 15,000 lines) is parsed and checked in full, a broken declaration at its end included', () => {
    const text = `${declarations(MAX_DOCUMENT_CHARS - 1_000)}factor broken { probability }\n`;
    expect(text.length).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS);
    expect(text.split('\n').length).toBeGreaterThan(14_000);
    const { diagnostics, model } = analyze(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax']);
    expect(diagnostics[0]!.span.start).toBe(text.length - 2);
    expect(model.outcomes.length).toBeGreaterThan(1_800);
    expect(model.order).toHaveLength(model.variables.size);
  });

  it('thousands of distinct unknown names against thousands of declared ones', () => {
    const factors = Array.from({ length: 3000 }, (_, i) => `factor name${i} { probability 50% }`).join('\n');
    const outcomes = Array.from({ length: 30 }, (_, k) => {
      const drivers = Array.from({ length: 100 }, (__, i) => `  nome${k * 100 + i} raises weakly`).join('\n');
      return `outcome o${k} {\n  base 50%\n${drivers}\n}`;
    }).join('\n');
    const { diagnostics } = analyze(`${factors}\n${outcomes}\n`);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-name');
    expect(unknown).toHaveLength(3000);
    // The nearest first (one edit), then others within the spelling rule's distance.
    expect(unknown[0]!.candidates![0]).toBe('name0');
    // Past the suggestion budget, names get no suggestions (the diagnostic stays).
    expect(unknown[2999]!.candidates).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'unused')).toHaveLength(3000);
  });

  it('5 MB of garbage on one line', () => {
    expect(codes('{'.repeat(2_500_000) + 'é'.repeat(2_500_000))).toContain('syntax');
  });
});

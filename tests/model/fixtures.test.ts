// One fixture per code: each produces exactly the diagnostics its `// expect:` markers name, at
// the marked line and column, and nothing else. Applying a diagnostic's first fix removes it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import { DATED_CODES, FORECAST_CODES, IMPORT_CODES, SEVERITY } from '../../server/src/model/diagnostics';
import type { DiagnosticCode } from '../../server/src/model/diagnostics';
import { applyEdit, expectations, fixtureNames, lineColumn, readFixture } from './helpers';

const codeFixtures = fixtureNames().filter((f) => f !== 'language-example.scenario');

describe('check fixtures', () => {
  it('cover every code except those found against a forecast (judgment, observe-impossible), today (resolution-future, tests/model/resolved.test.ts) or other files (the imports, tests/model/imports*.test.ts)', () => {
    const codes = Object.keys(SEVERITY).filter((c) => !FORECAST_CODES.has(c as DiagnosticCode) && !DATED_CODES.has(c as DiagnosticCode) &&
      !IMPORT_CODES.has(c as DiagnosticCode)).sort();
    expect(codeFixtures.map((f) => f.replace(/\.scenario$/, '')).sort()).toEqual(codes);
  });

  it.each(codeFixtures)('%s produces exactly its expected diagnostics', (file) => {
    const text = readFixture(file);
    const wanted = expectations(text);
    expect(wanted.length).toBeGreaterThan(0);
    const { diagnostics } = analyze(text);
    const got = diagnostics.map((d) => ({ code: d.code, ...lineColumn(text, d.span.start) }));
    expect(got).toEqual(wanted);
    for (const d of diagnostics) {
      expect(d.severity).toBe(SEVERITY[d.code as DiagnosticCode]);
      expect(d.message.length).toBeGreaterThan(20);
      expect(d.message).not.toMatch(/\n/);
    }
  });

  // Codes whose fixture problem has a ready-made edit; the others need the analyst's judgment.
  const FIXABLE = new Set([
    'unknown-name', 'range-order', 'multiplier-below-one', 'hedge-word', 'samples-bounds', 'horizon-order',
    'invalid-date', 'missing-probability', 'missing-base', 'duplicate-driver', 'alternative-target', 'alternative-conflict', 'duplicate-resolution', 'unused',
  ]);

  it.each(codeFixtures)('%s: the first quick fix, if the code has one, removes the problem', (file) => {
    const text = readFixture(file);
    const [first] = analyze(text).diagnostics;
    expect(Boolean(first?.fixes?.length)).toBe(FIXABLE.has(first!.code));
    for (const fix of first!.fixes?.slice(0, 1) ?? []) {
      const after = analyze(applyEdit(text, fix)).diagnostics;
      expect(after.filter((d) => d.severity === 'error' || d.code === first!.code)).toEqual([]);
    }
  });
});

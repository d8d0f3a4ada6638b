// Test helpers for the model: fixtures read relative to this file, expectation markers, edits.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Replacement } from '../../server/src/model/diagnostics';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'checks');

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.scenario')).sort();
}

export interface Expectation {
  code: string;
  line: number;
  column: number;
}

/** Every `// expect: CODE LINE:COLUMN` marker of a fixture (1-based), in file order. */
export function expectations(text: string): Expectation[] {
  return [...text.matchAll(/\/\/ expect: ([a-z-]+) (\d+):(\d+)/g)].map((m) => ({
    code: m[1]!,
    line: Number(m[2]),
    column: Number(m[3]),
  }));
}

/** 1-based line and column of an offset (counted here, independently of the code under test). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export function applyEdit(text: string, edit: Replacement): string {
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

/** The offset of the n-th (0-based) occurrence of `needle`. */
export function offsetOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  return at;
}

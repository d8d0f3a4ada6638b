// Edit sequences for the incremental parser and the language server (tests/server/fuzz.test.ts
// uses the same pieces, edits and starting texts). An edit's place is a fraction of the text as
// it is then, so every edit of a sequence lands inside the text it is applied to.
import fc from 'fast-check';
import { LANGUAGE_EXAMPLE } from '../../tests/fixtures/languageExample';
import { MORE_TOKENS, SAMPLE_FILES, SAMPLE_NAMES } from './text';

/** Pieces that matter to the grammar: delimiters, keywords, numbers, names, comments, Unicode. */
export const PIECES = [
  '{', '}', '\n', ' ', '  ', ';', '"', '\\"', '%', '..', '.', '-', '//', '\r\n', 'x', '🎯', 'é',
  'factor ', 'event ', 'outcome ', 'alternative ', 'scenario ', 'probability ', 'base ', 'judged ',
  'raises ', 'lowers ', 'weakly', 'strongly', 'given ', 'not ', 'note "n"', 'source "s"',
  'likely', 'very ', 'unlikely', 'almost certain', 'may', '35%', '0.4', '20%..30%', 'x3', 'x2..5', '150%',
  'crisis', 'rapport', 'attack', 'new_name', 'samples 500', 'seed 3', 'horizon 2025-02-30 to 2025-01-01',
];

export interface Edit {
  /** Fractions of the current length, so every edit lands inside the text as it is then. */
  at: number;
  /** Typing stays in one place: most edits land near the previous one (the same declaration's matcher). */
  near: boolean;
  delta: number;
  length: number;
  text: string;
}

/** One edit that inserts text made of `pieces`. */
export function editOf(pieces: readonly string[]): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    near: fc.boolean(),
    delta: fc.integer({ min: -12, max: 12 }),
    length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 80 })),
    text: fc.oneof(
      fc.constant(''),
      fc.constantFrom(...pieces),
      fc.array(fc.constantFrom(...pieces), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 6 }),
    ),
  });
}

export const editArbitrary: fc.Arbitrary<Edit> = editOf(PIECES);

/** The campaign's edits also insert the further pieces (control characters, imports, Unicode). */
export const campaignEdit: fc.Arbitrary<Edit> = editOf([...PIECES, ...MORE_TOKENS]);

/** Smaller starting texts keep sequences fast; each still exercises every declaration kind. */
export const STARTS = [
  LANGUAGE_EXAMPLE,
  LANGUAGE_EXAMPLE.slice(LANGUAGE_EXAMPLE.indexOf('factor rapport'), LANGUAGE_EXAMPLE.indexOf('alternative')),
  'factor a {\n  probability likely\n}\noutcome o {\n  base 20%\n  a raises weakly\n  judged unlikely\n}\n',
  '',
];

/** Where an edit lands in the current text; `last` is where the previous edit of the sequence did. */
export function offsets(text: string, edit: Edit, last: number | null): { start: number; end: number } {
  const start = edit.near && last !== null
    ? Math.max(0, Math.min(text.length, last + edit.delta))
    : Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  return { start, end: Math.min(text.length, start + edit.length) };
}

/** The campaign's starting texts, named so that a finding names its start instead of printing it. */
export function startingTexts(): { name: string; text: string }[] {
  const named = ['the LANGUAGE.md example', 'the example from factor rapport to the alternatives', 'a factor and an outcome', 'an empty file'];
  return [
    ...STARTS.map((text, i) => ({ name: named[i]!, text })),
    ...SAMPLE_FILES.map((text, i) => ({ name: SAMPLE_NAMES[i]!, text })),
  ];
}

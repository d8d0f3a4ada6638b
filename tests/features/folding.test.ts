// Folding (server/src/features/folding.ts): multi-line blocks and runs of comments.
import { describe, expect, it } from 'vitest';
import { foldingRanges } from '../../server/src/features/folding';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;

describe('folding', () => {
  it('folds every multi-line block and runs of comments, keeping the closing brace visible', () => {
    const text = '// one\n// two\nfactor a {\n  probability 5%\n  // inside\n}\nfactor b { probability 5% }\noutcome o {\n  base 5%\n  a raises weakly // trailing\n  b raises weakly\n}\n';
    expect(foldingRanges(stateOf(text))).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 4 },
      { startLine: 7, endLine: 10 },
    ]);
  });

  it('folds an alternative with observe lines like any block', () => {
    const text = 'factor a { probability 5% }\noutcome o { base 5%; a raises weakly }\nalternative "Seen" {\n  observe a\n  // why\n  observe not o\n}\n';
    expect(foldingRanges(stateOf(text))).toEqual([{ startLine: 2, endLine: 5 }]);
  });

  it('folds an unclosed block to the end of the file', () => {
    expect(foldingRanges(stateOf('factor a {\n  probability\n\n'))).toEqual([{ startLine: 0, endLine: 3 }]);
  });

  it('folds each declaration of the example', () => {
    expect(foldingRanges(stateOf(EXAMPLE)).length).toBe(10);
  });
});

// Rename (server/src/features/rename.ts): prepared on a declared name, every occurrence renamed,
// names that are not names, words of the language and names in use refused with a message.
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../../server/src/features/rename';
import { applyEdits } from '../fixture';
import { marked, stateOf, TEST_URI } from './state';
import { NAMED_USES } from './sampleTexts';

const TEXT = NAMED_USES;

describe('rename', () => {
  it('prepares on a declared name and renames every occurrence', () => {
    const { state, cursors, text } = marked(TEXT);
    const range = prepareRename(state, cursors[1]!);
    expect(range).toEqual({ start: state.lines.positionAt(text.indexOf('crisis raises')), end: state.lines.positionAt(text.indexOf('crisis raises') + 6) });
    const edit = rename(state, cursors[1]!, 'turmoil');
    const renamed = applyEdits(text, edit.changes![TEST_URI]!);
    expect(renamed).toBe(text.replace(/crisis/g, 'turmoil'));
    const after = stateOf(renamed);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual(state.diagnostics.filter((d) => d.severity === 'error'));
  });

  it('renames from an observe line, the observed names too', () => {
    const { state, cursors, text } = marked(TEXT);
    expect(prepareRename(state, cursors[4]!)).not.toBeNull();
    const renamed = applyEdits(text, rename(state, cursors[4]!, 'strike').changes![TEST_URI]!);
    expect(renamed).toBe(text.replace(/attack/g, 'strike'));
    expect(renamed).toContain('observe not strike }');
  });

  it('does not prepare away from names or on an undeclared name', () => {
    const { state, cursors } = marked('factor f { <|>probability 5% }\noutcome o { base 5%; <|>ghost raises weakly }');
    expect(prepareRename(state, cursors[0]!)).toBeNull();
    expect(prepareRename(state, cursors[1]!)).toBeNull();
  });

  function refusal(newName: string): ResponseError<unknown> {
    const { state, cursors } = marked(TEXT);
    try {
      rename(state, cursors[0]!, newName);
    } catch (error) {
      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidParams);
      return error as ResponseError<unknown>;
    }
    throw new Error(`renaming to ${newName} was not refused`);
  }

  it('refuses names that are not names, keywords and names in use', () => {
    expect(refusal('two words').message).toContain('is not a valid name');
    expect(refusal('9lives').message).toContain('start with a letter');
    expect(refusal('a-b').message).toContain('is not a valid name');
    expect(refusal('likely').message).toContain('is a word of the language');
    expect(refusal('base').message).toContain('is a word of the language');
    expect(refusal('attack').message).toBe('"attack" is already the name of an event (line 2); choose a name not used in this file.');
    expect(refusal('push').message).toContain('already the name of an outcome');
  });

  it('refuses a name already used without a declaration', () => {
    const { state, cursors } = marked('factor <|>f { probability 5% }\noutcome o { base 5%; f raises weakly; ghost raises x2 }');
    expect(() => rename(state, cursors[0]!, 'ghost')).toThrow(/already used on line 2/);
  });

  it('accepts Unicode names and renaming to the same name', () => {
    const { state, cursors, text } = marked(TEXT);
    expect(applyEdits(text, rename(state, cursors[0]!, 'crise_économique').changes![TEST_URI]!)).toContain('crise_économique raises weakly');
    expect(rename(state, cursors[0]!, 'crisis').changes![TEST_URI]).toEqual([]);
  });
});

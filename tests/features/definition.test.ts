// Go to definition and find references (server/src/features/definition.ts).
import { describe, expect, it } from 'vitest';
import { definition, references } from '../../server/src/features/definition';
import { marked, TEST_URI } from './state';
import { NAMED_USES } from './sampleTexts';

const TEXT = NAMED_USES;

describe('definition and references', () => {
  it('goes from any use to the declaration', () => {
    const { state, cursors, text } = marked(TEXT);
    const target = { uri: TEST_URI, range: { start: state.lines.positionAt(text.indexOf('crisis')), end: state.lines.positionAt(text.indexOf('crisis') + 6) } };
    for (const cursor of cursors.slice(0, 3)) expect(definition(state, cursor)).toEqual(target);
    expect(definition(state, cursors[3]!)!.range.start).toEqual(state.lines.positionAt(text.indexOf('attack')));
    expect(definition(state, cursors[4]!)!.range.start).toEqual(state.lines.positionAt(text.indexOf('attack')));
  });

  it('finds the names of observe lines among the references', () => {
    const { state, cursors, text } = marked(TEXT);
    const found = references(state, cursors[4]!, false).map((l) => state.lines.offsetAt(l.range.start));
    expect(found).toEqual([text.indexOf('attack lowers'), text.indexOf('attack;'), text.indexOf('attack }', text.indexOf('"Seen"'))]);
  });

  it('finds every reference, with or without the declaration', () => {
    const { state, cursors, text } = marked(TEXT);
    const all = references(state, cursors[1]!, true).map((l) => state.lines.offsetAt(l.range.start));
    const expected = [...text.matchAll(/crisis/g)].map((m) => m.index!);
    expect(all).toEqual(expected);
    expect(references(state, cursors[1]!, false)).toHaveLength(expected.length - 1);
  });

  it('returns nothing away from names', () => {
    const { state, cursors } = marked('factor f { <|>probability 5% }');
    expect(definition(state, cursors[0]!)).toBeNull();
    expect(references(state, cursors[0]!, true)).toEqual([]);
  });

  it('follows names into and out of a declaration that does not parse', () => {
    const { state, cursors, text } = marked('factor a { probability 30% }\noutcome o { base; <|>a raises weakly }\noutcome p { base 5%; a raises x2 }');
    expect(state.document.errors.length).toBeGreaterThan(0);
    expect(state.lines.offsetAt(definition(state, cursors[0]!)!.range.start)).toBe(text.indexOf('a {'));
    expect(references(state, cursors[0]!, true)).toHaveLength(3);
  });
});

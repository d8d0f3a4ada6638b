// Where names occur (server/src/features/occurrences.ts): declarations and uses from the syntax
// tree, and the names inside a declaration that does not parse, read from its tokens.
import { describe, expect, it } from 'vitest';
import {
  allOccurrences, declarationOf, declaredNames, occurrenceAt, occurrencesOf, type Occurrence,
} from '../../server/src/features/occurrences';
import { fixture } from '../fixture';
import { stateOf } from './state';

/** `name role@offset`, for a compact comparison. */
const show = (o: Occurrence | undefined) => (o ? `${o.name} ${o.role}@${o.span.start}` : undefined);

const TEXT = [
  'factor crisis { probability 90% }',
  'event attack { probability 10% }',
  'outcome push { base 20%; crisis raises weakly; attack lowers x2 }',
  'alternative "A" { crisis 50%; push base 30%; given not attack }',
].join('\n');

describe('occurrences', () => {
  it('lists every declaration and use of a name in file order, not labels or keywords', () => {
    const at = (needle: string, n = 0) => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = TEXT.indexOf(needle, i + 1);
      return i;
    };
    expect(allOccurrences(stateOf(TEXT)).map(show)).toEqual([
      `crisis declaration@${at('crisis')}`,
      `attack declaration@${at('attack')}`,
      `push declaration@${at('push')}`,
      `crisis reference@${at('crisis', 1)}`,
      `attack reference@${at('attack', 1)}`,
      `crisis reference@${at('crisis', 2)}`,
      `push reference@${at('push', 1)}`,
      `attack reference@${at('attack', 2)}`,
    ]);
    expect(occurrencesOf(stateOf(TEXT), 'attack').map((o) => o.role)).toEqual(['declaration', 'reference', 'reference']);
  });

  it('reads the names of a declaration that does not parse, keeping it declared (broken)', () => {
    const text = 'factor a { probability 30% }\noutcome o { base; a raises weakly; ghost lowers x2 }\n';
    const state = stateOf(text);
    expect(state.document.errors.length).toBeGreaterThan(0);
    expect(allOccurrences(state).map(show)).toEqual([
      `a declaration@${text.indexOf('a {')}`,
      `o declaration@${text.indexOf('o {')}`,
      `a reference@${text.indexOf('a raises')}`,
      `ghost reference@${text.indexOf('ghost')}`,
    ]);
    expect(declaredNames(state).map((d) => [d.name, d.kind, d.broken])).toEqual([['a', 'factor', false], ['o', 'outcome', true]]);
    const broken = declaredNames(state)[1]!;
    expect(text.slice(broken.declarationSpan.start, broken.declarationSpan.end)).toContain('ghost lowers x2');
  });

  it('finds the name under the cursor, or just before it', () => {
    const { text, offsets } = fixture('factor <|>cri<|>sis<|> { probability 90% }\noutcome o { base 5%;<|> crisis raises weakly }');
    const state = stateOf(text);
    expect(offsets.map((o) => show(occurrenceAt(state, o)))).toEqual([
      `crisis declaration@${offsets[0]}`,
      `crisis declaration@${offsets[0]}`,
      `crisis declaration@${offsets[0]}`,
      undefined,
    ]);
  });

  it('binds a name to its first declaration, as the model does', () => {
    const text = 'factor a "first" { probability 5% }\nfactor a "second" { probability 6% }\noutcome o { base 5%; a raises weakly }';
    const state = stateOf(text);
    expect(declarationOf(state, 'a')).toMatchObject({ label: 'first', span: { start: text.indexOf('a "first"') }, broken: false });
    expect(declarationOf(state, 'ghost')).toBeUndefined();
    // Only declared in a broken declaration: that one.
    const broken = stateOf('factor b { probability }\noutcome o { base 5%; b raises weakly }');
    expect(declarationOf(broken, 'b')).toMatchObject({ name: 'b', broken: true });
  });
});

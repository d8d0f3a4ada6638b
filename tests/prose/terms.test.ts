import { describe, expect, it } from 'vitest';
import { sentencesOfText } from '../../server/src/prose/segment';
import { termsOf, type Term } from '../../server/src/prose/terms';
import { PHRASES } from '../../server/src/syntax/vocabulary';
import { OPED } from './oped';

/** The terms of a one-sentence text as [kind, words as written (negator too), meaning]. */
function terms(text: string): [Term['kind'], string, string | null][] {
  const [sentence] = sentencesOfText(text);
  return termsOf(text, sentence!).map((t) => [t.kind, text.slice(t.start, t.end), t.row?.phrase ?? (t.negated ? 'negated' : null)]);
}

describe('estimative terms of the op-ed', () => {
  const all = sentencesOfText(OPED).flatMap((s) => termsOf(OPED, s).map((t) => ({ s, t })));

  it('finds its eleven hedges and three ICD 203 phrases, by paragraph', () => {
    const hedges = all.filter((x) => x.t.kind === 'hedge').map((x) => `${x.s.paragraph}:${OPED.slice(x.t.start, x.t.end)}`);
    expect(hedges).toEqual([
      '3:potentially', '3:may', '3:is expected to', '4:are expected to', '4:is expected to', '4:could',
      '5:could potentially', '6:may', '7:is expected to', '7:could', '8:may',
    ]);
    const phrases = all.filter((x) => x.t.kind === 'phrase').map((x) => `${x.s.paragraph}:${x.t.row!.phrase}`);
    expect(phrases).toEqual(['3:likely', '3:likely', '6:unlikely']);
  });

  it('does not read "can", "cannot afford" or "would have" as hedges, nor a negation far away as in scope', () => {
    expect(terms('With these factors in mind, the future of US-Pakistan relations can be forecasted.')).toEqual([]);
    expect(terms('Given Pakistan’s size, the US cannot afford to let Pakistan destabilize beyond a certain point.')).toEqual([]);
    // "not forthcoming" is in another clause from "is expected to".
    expect(terms('Therefore, even if economic aid is not forthcoming in large amounts, the administration is expected to facilitate trade.'))
      .toEqual([['hedge', 'is expected to', null]]);
  });
});

describe('negation and scope', () => {
  it('reads "is unlikely to" as unlikely, and "not likely" as unlikely too', () => {
    expect(terms('Al Qaeda is unlikely to revive in Afghanistan.')).toEqual([['phrase', 'unlikely', 'unlikely']]);
    expect(terms('Al Qaeda is not likely to revive in Afghanistan.')).toEqual([['phrase', 'not likely', 'unlikely']]);
    expect(terms('A deal is not very likely this year.')).toEqual([['phrase', 'not very likely', 'very unlikely']]);
    expect(terms('A deal is not unlikely this year.')).toEqual([['phrase', 'not unlikely', 'likely']]);
    expect(terms('Trade isn’t almost certain to grow.')).toEqual([['phrase', 'isn’t almost certain', 'almost no chance']]);
  });

  it('marks negated hedges: "no longer expected to", "is not expected to", "may not"', () => {
    expect(terms('Trade is no longer expected to grow.')).toEqual([['hedge', 'no longer expected to', 'negated']]);
    expect(terms('Trade is not expected to grow.')).toEqual([['hedge', 'not expected to', 'negated']]);
    expect(terms('Trade may not grow.')).toEqual([['hedge', 'may not', 'negated']]);
  });

  it('keeps a negator out of scope across a clause boundary', () => {
    expect(terms('It is not the economy, but trade will likely grow.')).toEqual([['phrase', 'likely', 'likely']]);
    expect(terms('Nobody doubts it; trade will likely grow.')).toEqual([['phrase', 'likely', 'likely']]);
  });

  it('knows every spelling of every phrase in the vocabulary, and the adverbs', () => {
    for (const row of PHRASES) {
      for (const form of row.forms) {
        if (form === 'remote') continue;
        expect(terms(`This is ${form} to happen.`)).toEqual([['phrase', form, row.phrase]]);
      }
    }
    expect(terms('Trump will almost certainly win.')).toEqual([['phrase', 'almost certainly', 'almost certain']]);
    expect(terms('Trump will probably win.')).toEqual([['phrase', 'probably', 'likely']]);
    expect(terms('There is a remote chance of a deal.')).toEqual([['phrase', 'remote', 'almost no chance']]);
    expect(terms('A remote region of the country.')).toEqual([]);
  });

  it('finds confidence statements, and no hedge in the month of May or "as expected"', () => {
    expect(terms('We assess with high confidence that trade will likely grow.'))
      .toEqual([['confidence', 'high confidence', null], ['phrase', 'likely', 'likely']]);
    expect(terms('The talks resumed in May, as expected.')).toEqual([]);
    expect(terms('It is possible that trade grows.')).toEqual([['hedge', 'is possible', null]]);
  });
});

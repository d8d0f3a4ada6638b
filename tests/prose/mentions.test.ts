import { describe, expect, it } from 'vitest';
import { mentionsIn } from '../../server/src/prose/mentions';
import { modelReference } from '../../server/src/prose/modelRef';
import { sentencesOfText } from '../../server/src/prose/segment';

const OUTCOMES = [
  { name: 'trade_up', label: 'US–Pakistan trade grows' },
  { name: 'ct_backseat', label: 'Counter-terrorism cooperation takes a back seat' },
];

function mentions(text: string) {
  const [s] = sentencesOfText(text);
  return mentionsIn(text, s!, OUTCOMES).map((m) => [m.name, m.how, text.slice(m.start, m.end)]);
}

describe('mentions of outcomes', () => {
  it('finds a name in backticks, and a label written out with other dashes and case', () => {
    expect(mentions('We judge that `trade_up` is likely.')).toEqual([['trade_up', 'name', '`trade_up`']]);
    expect(mentions('It is likely that US-Pakistan trade grows.')).toEqual([['trade_up', 'label', 'US-Pakistan trade grows']]);
  });

  it('ignores names the model does not declare, unquoted names and labels inside longer words', () => {
    expect(mentions('`unknown_thing` and trade_up are likely.')).toEqual([]);
    expect(mentions('US–Pakistan trade growsx is likely.')).toEqual([]);
  });
});

describe('the model a draft names', () => {
  it('reads front matter and an HTML comment', () => {
    expect(modelReference('---\ntitle: x\nscenario: models/a.scenario\n---\nText.')).toMatchObject({ path: 'models/a.scenario', problem: null });
    const text = '<!-- scenario: us-pakistan-2025.scenario -->\nText.';
    const ref = modelReference(text)!;
    expect(text.slice(ref.start, ref.end)).toBe('us-pakistan-2025.scenario');
  });

  it('names no model when the reference is missing or late in the file', () => {
    expect(modelReference('Just prose. It may rain.')).toBeNull();
    expect(modelReference(`${'line\n'.repeat(40)}<!-- scenario: a.scenario -->`)).toBeNull();
  });

  it('says why an absolute path, a URL or another extension cannot be used', () => {
    expect(modelReference('<!-- scenario: /etc/a.scenario -->')!.problem).toMatch(/relative/);
    expect(modelReference('<!-- scenario: https://x.test/a.scenario -->')!.problem).toMatch(/URL/);
    expect(modelReference('<!-- scenario: a.txt -->')!.problem).toMatch(/\.scenario/);
  });
});

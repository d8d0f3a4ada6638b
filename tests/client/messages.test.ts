import { describe, expect, it } from 'vitest';
import { parseFromPage } from '../../common/pageMessages';

const uri = 'file:///models/a.scenario';

describe('parseFromPage', () => {
  it('accepts every known message with its fields', () => {
    expect(parseFromPage({ type: 'ready', uri })).toEqual({ type: 'ready', uri });
    expect(parseFromPage({ type: 'copyMarkdown', uri })).toEqual({ type: 'copyMarkdown', uri });
    expect(parseFromPage({ type: 'copyKeyJudgments', uri })).toEqual({ type: 'copyKeyJudgments', uri });
    expect(parseFromPage({ type: 'saveJson', uri })).toEqual({ type: 'saveJson', uri });
    expect(parseFromPage({ type: 'saveCsv', uri })).toEqual({ type: 'saveCsv', uri });
    expect(parseFromPage({ type: 'reveal', uri, name: 'khan_popular' })).toEqual({ type: 'reveal', uri, name: 'khan_popular' });
    expect(parseFromPage({ type: 'selectOutcome', uri, name: 'trade_up' })).toEqual({ type: 'selectOutcome', uri, name: 'trade_up' });
  });

  it('accepts reveal of a judged line and of a position, and nothing else of the kind', () => {
    expect(parseFromPage({ type: 'reveal', uri, name: 'trade_up', statement: 'judged' })).toEqual({ type: 'reveal', uri, name: 'trade_up', statement: 'judged' });
    expect(parseFromPage({ type: 'reveal', uri, name: 'trade_up', statement: 'base' })).toBeNull();
    expect(parseFromPage({ type: 'revealPosition', uri, line: 12, character: 3 })).toEqual({ type: 'revealPosition', uri, line: 12, character: 3 });
    for (const [line, character] of [[-1, 0], [1.5, 0], ['3', 0], [0, Number.NaN], [0, 1e12]]) {
      expect(parseFromPage({ type: 'revealPosition', uri, line, character })).toBeNull();
    }
  });

  it('drops extra fields instead of passing them on', () => {
    expect(parseFromPage({ type: 'saveJson', uri, path: '/etc/passwd' })).toEqual({ type: 'saveJson', uri });
  });

  it('ignores unknown types and non-objects', () => {
    for (const value of [null, undefined, 42, 'ready', [], { type: 'runCommand', uri, command: 'x' }, { type: 'eval', uri }]) {
      expect(parseFromPage(value)).toBeNull();
    }
  });

  it('requires a string URI of bounded length', () => {
    expect(parseFromPage({ type: 'ready' })).toBeNull();
    expect(parseFromPage({ type: 'ready', uri: 7 })).toBeNull();
    expect(parseFromPage({ type: 'ready', uri: 'x'.repeat(5000) })).toBeNull();
  });

  it('accepts names with letters beyond ASCII, as the grammar does', () => {
    expect(parseFromPage({ type: 'reveal', uri, name: 'résultat_2' })).toEqual({ type: 'reveal', uri, name: 'résultat_2' });
    expect(parseFromPage({ type: 'selectOutcome', uri, name: 'выборы' })).toEqual({ type: 'selectOutcome', uri, name: 'выборы' });
  });

  it('accepts only declaration names for reveal and selectOutcome', () => {
    for (const name of ['', '1abc', 'a b', '<img src=x onerror=alert(1)>', 'a'.repeat(300), 'x)|(.*', 42, null]) {
      expect(parseFromPage({ type: 'reveal', uri, name })).toBeNull();
      expect(parseFromPage({ type: 'selectOutcome', uri, name })).toBeNull();
    }
  });
});

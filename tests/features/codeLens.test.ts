// The code lens (server/src/features/codeLens.ts) that opens the forecast preview.
import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../server/src/features/codeLens';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf, TEST_URI } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;

describe('code lens', () => {
  it('opens the preview from the scenario block, or from the first line', () => {
    const state = stateOf(EXAMPLE);
    const [lens] = codeLenses(state);
    expect(lens!.range.start.line).toBe(1);
    expect(lens!.command).toEqual({ title: 'Open forecast preview', command: 'scenario.showPreviewToSide', arguments: [TEST_URI] });
    expect(codeLenses(stateOf('factor a { probability 5% }'))[0]!.range.start).toEqual({ line: 0, character: 0 });
  });

  it('sits on the scenario keyword, wherever the block is and whatever else does not parse', () => {
    expect(codeLenses(stateOf(EXAMPLE))[0]!.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    const lenses = codeLenses({ ...stateOf('factor a { probability }\n\n  scenario "S" { samples 100 }\n'), uri: 'file:///x.scenario' });
    expect(lenses).toEqual([{
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } },
      command: { title: 'Open forecast preview', command: 'scenario.showPreviewToSide', arguments: ['file:///x.scenario'] },
    }]);
  });
});

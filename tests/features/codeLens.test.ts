// The code lenses (server/src/features/codeLens.ts): one opens the forecast preview; with
// `scenario.inlayHints.position: codeLens`, one above each outcome shows its computed probability.
import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../server/src/features/codeLens';
import { inlayHints } from '../../server/src/features/inlayHints';
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

  it('shows each outcome’s computed probability above it when asked, with the inlay hint’s text', () => {
    const state = stateOf(EXAMPLE);
    expect(codeLenses(state)).toHaveLength(1);
    const [, ...outcomes] = codeLenses(state, { outcomes: true });
    const hints = inlayHints(state, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
    expect(outcomes.map((l) => l.command!.title)).toEqual(hints.map((h) => h.label));
    state.forecast!.outcomes.forEach((o, i) => {
      const at = EXAMPLE.indexOf(`outcome ${o.name}`);
      expect(outcomes[i]!.range).toEqual({ start: state.lines.positionAt(at), end: state.lines.positionAt(at + 'outcome'.length) });
      expect(outcomes[i]!.command).toMatchObject({ command: 'scenario.showPreviewToSide', arguments: [TEST_URI] });
      expect(outcomes[i]!.command!.tooltip).toMatch(new RegExp(`^Computed forecast of ${o.name}: \\d`));
    });
  });

  it('shows no outcome lenses before the first forecast', () => {
    expect(codeLenses(stateOf(EXAMPLE, { forecast: false }), { outcomes: true })).toHaveLength(1);
  });
});

// Inlay hints (server/src/features/inlayHints.ts): the computed probability after each outcome.
import { describe, expect, it } from 'vitest';
import { inlayHints } from '../../server/src/features/inlayHints';
import { formatPercent } from '../../common/text/numbers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;

describe('inlay hints', () => {
  it('puts the computed probability after each outcome header', () => {
    const state = stateOf(EXAMPLE);
    const hints = inlayHints(state, { start: { line: 0, character: 0 }, end: state.lines.positionAt(EXAMPLE.length) });
    expect(hints).toHaveLength(3);
    state.forecast!.outcomes.forEach((o, i) => {
      const header = EXAMPLE.indexOf(`outcome ${o.name}`);
      const lineEnd = EXAMPLE.indexOf(' {', header);
      expect(hints[i]!.position).toEqual(state.lines.positionAt(lineEnd));
      expect(hints[i]!.label).toBe(`≈ ${formatPercent(o.probability)} ${o.phrase}`);
    });
  });

  it('shows only hints in the range asked for, and none without a forecast', () => {
    const state = stateOf(EXAMPLE);
    const line = state.lines.positionAt(EXAMPLE.indexOf('outcome trade_up')).line;
    expect(inlayHints(state, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } })).toHaveLength(1);
    const none = stateOf(EXAMPLE, { forecast: false });
    expect(inlayHints(none, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } })).toEqual([]);
  });

  it('marks a stale forecast', () => {
    const fresh = stateOf(EXAMPLE);
    const stale = stateOf(EXAMPLE, { staleForecast: fresh.forecast! });
    const hints = inlayHints(stale, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
    expect(hints[0]!.label).toMatch(/\(earlier version\)$/);
  });
});

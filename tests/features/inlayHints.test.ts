// Inlay hints (server/src/features/inlayHints.ts): the computed probability right after each
// outcome's name, steady while a newer forecast is on its way.
import { describe, expect, it } from 'vitest';
import { inlayHints } from '../../server/src/features/inlayHints';
import { formatPercent } from '../../common/text/numbers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

describe('inlay hints', () => {
  it('puts the computed probability right after each outcome name, before its label', () => {
    const state = stateOf(EXAMPLE);
    const hints = inlayHints(state, WHOLE);
    expect(hints).toHaveLength(3);
    state.forecast!.outcomes.forEach((o, i) => {
      const nameEnd = EXAMPLE.indexOf(`outcome ${o.name}`) + `outcome ${o.name}`.length;
      expect(EXAMPLE.slice(nameEnd, nameEnd + 2)).toBe(' "'); // the label follows the hint
      expect(hints[i]!.position).toEqual(state.lines.positionAt(nameEnd));
      expect(hints[i]!.label).toBe(`≈ ${formatPercent(o.probability)} ${o.phrase}`);
      expect(hints[i]).toMatchObject({ paddingLeft: true, paddingRight: true });
    });
  });

  it('goes right after the name of an outcome without a label too', () => {
    const text = 'factor a { probability 60% }\noutcome plain {\n  base 20%\n  a raises strongly\n}\n';
    const state = stateOf(text);
    const [hint] = inlayHints(state, WHOLE);
    expect(hint!.position).toEqual(state.lines.positionAt(text.indexOf('plain') + 'plain'.length));
  });

  it('shows only hints in the range asked for, and none without a forecast', () => {
    const state = stateOf(EXAMPLE);
    const line = state.lines.positionAt(EXAMPLE.indexOf('outcome trade_up')).line;
    expect(inlayHints(state, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } })).toHaveLength(1);
    const none = stateOf(EXAMPLE, { forecast: false });
    expect(inlayHints(none, WHOLE)).toEqual([]);
  });

  it('keeps the previous hints word for word while a newer forecast is on its way', () => {
    const fresh = stateOf(EXAMPLE);
    const edited = EXAMPLE.replace('Washington presses', 'Washington keeps pressing');
    const typing = stateOf(edited, { staleForecast: fresh.forecast! });
    const before = inlayHints(fresh, WHOLE);
    const during = inlayHints(typing, WHOLE);
    expect(during.map((h) => [h.label, h.tooltip])).toEqual(before.map((h) => [h.label, h.tooltip]));
    for (const hint of during) expect(String(hint.label)).not.toMatch(/earlier|\(/);
  });

  it('says in the tooltip, never in the label, that numbers are an earlier version’s because of an error', () => {
    const fresh = stateOf(EXAMPLE);
    const broken = EXAMPLE.replace('probability almost certain', 'probability 150%');
    const hints = inlayHints(stateOf(broken, { staleForecast: fresh.forecast! }), WHOLE);
    expect(hints.map((h) => h.label)).toEqual(inlayHints(fresh, WHOLE).map((h) => h.label));
    expect(JSON.stringify(hints[0]!.tooltip)).toContain('(last good forecast).');
  });
});

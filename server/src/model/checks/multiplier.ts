// `multiplier-below-one`: a driver multiplies the odds by K ≥ 1; the direction comes from the verb.
// `raises x0.5` means `lowers x2`, and the fix says so.
import type { DriverStatement, MultiplierStrength } from '../../syntax/ast';
import type { Diagnostic, Replacement } from '../diagnostics';
import { formatNumber } from '../values';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const multiplierBelowOneCheck: Check = ({ symbols }) => {
  const out: Diagnostic[] = [];
  for (const decl of symbols.allVariables) {
    for (const line of symbols.drivers.get(decl)!) {
      const s = line.strength;
      if (s.kind === 'multiplier' && (s.low < 1 || s.high < 1)) out.push(belowOne(line, s));
    }
  }
  return out;
};

function belowOne(line: DriverStatement, s: MultiplierStrength): Diagnostic {
  const opposite = line.direction === 'raises' ? 'lowers' : 'raises';
  const fixes: Replacement[] = [];
  let advice = `use a multiplier of at least 1 (x1 changes nothing), and ${q(opposite)} for the other direction.`;
  // Both ends strictly between 0 and 1: the opposite verb with the inverse multiplier says the same.
  if (s.low > 0 && s.high > 0 && s.low < 1 && s.high < 1 && s.low <= s.high) {
    const from = formatNumber(1 / s.high);
    const to = formatNumber(1 / s.low);
    const strength = from === to ? `x${from}` : `x${from}..${to}`;
    const rewritten = `${opposite} ${strength}`;
    advice = `to say the same, write ${q(rewritten)}.`;
    fixes.push({ span: { start: line.directionSpan.start, end: s.span.end }, newText: rewritten, title: `Change to ${q(rewritten)}` });
  }
  return diagnostic('multiplier-below-one', s.span,
    `${q(s.text)} is below 1: a driver multiplies the odds by at least 1 and the verb gives the direction; ${advice}`,
    { fixes });
}

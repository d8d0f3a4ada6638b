// `range-order`: a range, of a probability (`35%..20%`) or of a multiplier (`x5..2`), is written
// low end first. The fix swaps the ends.
import type { MultiplierStrength, RangeProbability } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const rangeOrderCheck: Check = ({ probabilities, text, symbols }) => {
  const out: Diagnostic[] = [];
  for (const { expr } of probabilities) {
    if (expr.kind === 'range' && expr.low.value > expr.high.value) out.push(probabilityRange(expr, text));
  }
  for (const decl of symbols.allVariables) {
    for (const line of symbols.drivers.get(decl)!) {
      const s = line.strength;
      if (s.kind === 'multiplier' && s.low > s.high) out.push(multiplierRange(s));
    }
  }
  return out;
};

function probabilityRange(r: RangeProbability, text: string): Diagnostic {
  const between = text.slice(r.low.span.end, r.high.span.start);
  const swapped = `${r.high.text}${between}${r.low.text}`;
  return diagnostic('range-order', r.span,
    `The range ${q(r.text)} starts above where it ends: write the low end first, ${q(swapped)}.`,
    { fixes: [{ span: r.span, newText: swapped, title: `Change to ${q(swapped)}` }] });
}

function multiplierRange(s: MultiplierStrength): Diagnostic {
  const parts = /^x\s*([^.\s][^\s]*?)\s*\.\.\s*(.+)$/.exec(s.text.trim());
  const swapped = parts ? `x${parts[2]!.trim()}..${parts[1]}` : `x${s.high}..${s.low}`;
  return diagnostic('range-order', s.span,
    `The multiplier range ${q(s.text)} starts above where it ends: write the low end first, ${q(swapped)}.`,
    { fixes: [{ span: s.span, newText: swapped, title: `Change to ${q(swapped)}` }] });
}

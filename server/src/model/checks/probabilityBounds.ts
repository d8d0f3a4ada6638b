// `probability-bounds`: every probability lies between 0% and 100% (0 and 1 as a decimal).
import type { PointProbability } from '../../syntax/ast';
import type { Diagnostic, Replacement } from '../diagnostics';
import { pointInBounds } from '../values';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const probabilityBoundsCheck: Check = ({ probabilities }) => {
  const out: Diagnostic[] = [];
  for (const { expr } of probabilities) {
    const points = expr.kind === 'point' ? [expr] : expr.kind === 'range' ? [expr.low, expr.high] : [];
    for (const p of points) if (!pointInBounds(p)) out.push(boundsDiagnostic(p));
  }
  return out;
};

function boundsDiagnostic(p: PointProbability): Diagnostic {
  const fixes: Replacement[] = [];
  let advice = 'write a percentage from 0% to 100% or a decimal from 0 to 1.';
  // `35` where `35%` was meant: the commonest slip.
  if (p.unit === 'decimal' && p.value > 1 && p.value <= 100) {
    const percent = `${p.text}%`;
    advice = `a decimal runs from 0 to 1; did you mean ${q(percent)}?`;
    fixes.push({ span: p.span, newText: percent, title: `Change to ${q(percent)}` });
  }
  const side = p.value > 1 ? 'above 100%' : 'below 0%';
  return diagnostic('probability-bounds', p.span, `${q(p.text)} is ${side}: ${advice}`, { fixes });
}

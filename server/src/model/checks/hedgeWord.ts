// `hedge-word`: "may", "could", "expected"… carry no defined probability. The message lists the
// ICD 203 phrases; the fixes offer each phrase, the likeliest reading first.
import type { HedgeProbability } from '../../syntax/ast';
import { formatWrittenRange } from '../../../../common/text/numbers';
import { PHRASES } from '../../syntax/vocabulary';
import type { Diagnostic } from '../diagnostics';
import type { Check } from './context';
import { diagnostic, q } from './context';

/** Hedges that lean towards "it will happen"; the rest read as a toss-up. */
const LEANING_YES = new Set(['expected', 'should', 'would', 'probable']);

export const hedgeWordCheck: Check = ({ probabilities }) => {
  const out: Diagnostic[] = [];
  for (const { expr } of probabilities) if (expr.kind === 'hedge') out.push(hedgeDiagnostic(expr));
  return out;
};

/** The ICD 203 phrases with their ranges, as the message lists them. */
const PHRASE_TABLE = PHRASES.map((r) => `${r.phrase} (${formatWrittenRange(r.low, r.high, '..')})`).join(', ');

function hedgeDiagnostic(h: HedgeProbability): Diagnostic {
  const first = LEANING_YES.has(h.text.trim().toLowerCase()) ? 'likely' : 'roughly even chance';
  const phrases = [first, ...PHRASES.map((r) => r.phrase).filter((p) => p !== first)];
  return diagnostic('hedge-word', h.span,
    `${q(h.text)} carries no defined probability: write a percentage (35%), a range (20%..35%) ` +
    `or an ICD 203 phrase: ${PHRASE_TABLE}.`,
    { fixes: phrases.map((p) => ({ span: h.span, newText: p, title: `Change to ${q(p)}` })) });
}

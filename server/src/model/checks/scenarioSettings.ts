// The scenario block: `samples-bounds`, `invalid-date` (of the horizon, and of every `resolved …
// on DATE` line), `horizon-order` and `duplicate-scenario`.
import { formatCount } from '../../../../common/text/numbers';
import type { DateLit, HorizonStatement, NumberStatement } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import {
  compareDates, dateExists, daysInMonth, DEFAULT_SAMPLES, SAMPLES_MAX, SAMPLES_MIN, samplesValid,
} from '../values';
import type { Check } from './context';
import { diagnostic, q } from './context';
import { resolvedStatements } from './resolution';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

export const samplesBoundsCheck: Check = ({ symbols }) => {
  const out: Diagnostic[] = [];
  for (const decl of symbols.scenarios) {
    for (const s of decl.statements) {
      if (s.kind === 'samples' && !samplesValid(s.value)) out.push(samplesDiagnostic(s));
    }
  }
  return out;
};

function samplesDiagnostic(s: NumberStatement): Diagnostic {
  const nearest = s.value < SAMPLES_MIN ? SAMPLES_MIN : s.value > SAMPLES_MAX ? SAMPLES_MAX : Math.round(s.value);
  return diagnostic('samples-bounds', s.valueSpan,
    `samples ${s.text} is outside 1,000..1,000,000: use a whole number in that range ` +
    `(the default is ${formatCount(DEFAULT_SAMPLES)}).`,
    { fixes: [{ span: s.valueSpan, newText: String(nearest), title: `Change to ${nearest}` }] });
}

export const invalidDateCheck: Check = ({ symbols }) => {
  const out: Diagnostic[] = [];
  for (const h of horizons(symbols.scenarios)) {
    for (const d of [h.from, h.to]) if (!dateExists(d)) out.push(dateDiagnostic(d));
  }
  for (const decl of symbols.allVariables) {
    for (const r of resolvedStatements(decl)) if (!dateExists(r.date)) out.push(dateDiagnostic(r.date));
  }
  return out;
};

function dateDiagnostic(d: DateLit): Diagnostic {
  if (!(d.month >= 1 && d.month <= 12)) {
    return diagnostic('invalid-date', d.span,
      `${q(d.text)} is not a date: the month must be 01 to 12 (dates are written YEAR-MONTH-DAY).`);
  }
  const last = daysInMonth(d.year, d.month);
  const fixed = `${d.text.slice(0, d.text.lastIndexOf('-') + 1)}${String(last).padStart(2, '0')}`;
  return diagnostic('invalid-date', d.span,
    `${q(d.text)} is not a date: ${MONTHS[d.month - 1]} ${d.year} has ${last} days.`,
    { fixes: d.day > last ? [{ span: d.span, newText: fixed, title: `Change to ${q(fixed)}` }] : [] });
}

export const horizonOrderCheck: Check = ({ symbols, text }) => {
  const out: Diagnostic[] = [];
  for (const h of horizons(symbols.scenarios)) {
    if (!dateExists(h.from) || !dateExists(h.to) || compareDates(h.to, h.from) >= 0) continue;
    const span = { start: h.from.span.start, end: h.to.span.end };
    const between = text.slice(h.from.span.end, h.to.span.start);
    const swapped = `${h.to.text}${between}${h.from.text}`;
    out.push(diagnostic('horizon-order', span,
      `The horizon ends (${h.to.text}) before it starts (${h.from.text}): write the earlier date first.`,
      { fixes: [{ span, newText: swapped, title: `Change to ${q(swapped)}` }] }));
  }
  return out;
};

function horizons(scenarios: { statements: { kind: string }[] }[]): HorizonStatement[] {
  return scenarios.flatMap((d) => d.statements.filter((s): s is HorizonStatement => s.kind === 'horizon'));
}

export const duplicateScenarioCheck: Check = ({ symbols, lineOf }) => {
  const [first, ...rest] = symbols.scenarios;
  if (!first) return [];
  return rest.map((decl) => diagnostic('duplicate-scenario', decl.keywordSpan,
    `A file has at most one scenario block, and one is already on line ${lineOf(first.keywordSpan.start)}: ` +
    'merge this block into it.', {
      related: [{ span: first.keywordSpan, message: 'the scenario block is declared here' }],
    }));
};

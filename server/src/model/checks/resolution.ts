// The `resolved yes|no on DATE` line (LANGUAGE.md: Declarations): `duplicate-resolution` (a
// question resolves once) and `resolution-future` (a resolution dated after today). Its date's
// `invalid-date` is reported with the horizon's (scenarioSettings.ts).
//
// `resolution-future` depends on the day it is checked, so it is not one of CHECKS (whose results
// are kept per syntax tree): analyzeSource adds it for the `today` its caller passes in. Nothing
// here reads the clock.
import type { ResolvedStatement, ScenarioDocument, VariableDeclaration } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import { removalSpan } from '../edits';
import { compareDates, dateExists, type CalendarDate } from '../values';
import type { Check } from './context';
import { diagnostic, q } from './context';

/** The `resolved` lines of a factor, event or outcome, in file order. */
export function resolvedStatements(decl: { statements: readonly { kind: string }[] }): ResolvedStatement[] {
  return decl.statements.filter((s): s is ResolvedStatement => s.kind === 'resolved');
}

export const duplicateResolutionCheck: Check = ({ symbols, text, lineOf }) => {
  const out: Diagnostic[] = [];
  for (const decl of symbols.allVariables) {
    const [first, ...rest] = resolvedStatements(decl);
    if (!first) continue;
    for (const line of rest) {
      out.push(diagnostic('duplicate-resolution', line.span,
        `${q(decl.name.text)} is already resolved on line ${lineOf(first.span.start)} ` +
        `(${q(text.slice(first.span.start, first.span.end))}): a question resolves once, so keep the one line ` +
        'that says how it turned out (this one is ignored).', {
          related: [{ span: first.span, message: `${q(decl.name.text)} is first resolved here` }],
          fixes: [{ span: removalSpan(text, line.span), newText: '', title: 'Remove this resolved line' }],
        }));
    }
  }
  return out;
};

/** An ISO date (`2026-03-01`) as a calendar date, or null when it is not one. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return dateExists(d) ? d : null;
}

/**
 * `resolution-future`: a resolution dated after `today` (an ISO date, the caller's own day). The
 * first resolved line of each declaration only (a second is `duplicate-resolution`).
 */
export function resolutionFutureDiagnostics(doc: ScenarioDocument, today: string): Diagnostic[] {
  const now = parseIsoDate(today);
  if (!now) return [];
  const out: Diagnostic[] = [];
  for (const decl of doc.declarations) {
    if (decl.kind !== 'factor' && decl.kind !== 'event' && decl.kind !== 'outcome') continue;
    const first = resolvedStatements(decl as VariableDeclaration)[0];
    if (!first || !dateExists(first.date) || compareDates(first.date, now) <= 0) continue;
    out.push(diagnostic('resolution-future', first.date.span,
      `${q(first.date.text)} is after today (${today}): a question is resolved once it has turned out, ` +
      'so write the day it did (or leave the line out until then).', {
        fixes: [{ span: first.date.span, newText: today, title: `Change to ${q(today)}` }],
      }));
  }
  return out;
}

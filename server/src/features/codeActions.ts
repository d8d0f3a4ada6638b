// Code actions: the quick fixes the checks prepared (did-you-mean, the judged phrase the forecast
// supports, the swapped range, the opposite verb, a missing base or probability, removing an
// unused factor), and rewriting a probability under the cursor between a phrase and numbers.
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { Diagnostic } from '../model/diagnostics';
import { phraseFor, phraseRow } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { toLspDiagnostic } from './diagnostics';
import { probabilityExprAt } from './nodes';
import { overlaps, rangeToSpan, spanToRange } from './text';
import { formatWrittenRange } from '../../../common/text/numbers';

export function codeActions(state: DocumentState, params: CodeActionParams): CodeAction[] {
  const span = rangeToSpan(state, params.range);
  const only = params.context.only;
  const wanted = (kind: string): boolean => !only?.length || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    for (const d of state.diagnostics) {
      if (!d.fixes?.length || !overlaps(d.span, span)) continue;
      actions.push(...quickFixes(state, d));
    }
  }
  if (wanted(CodeActionKind.RefactorRewrite)) actions.push(...rewrites(state, span));
  return actions;
}

function quickFixes(state: DocumentState, d: Diagnostic): CodeAction[] {
  const linked: LspDiagnostic = toLspDiagnostic(state, d);
  // Removing a declaration is never the obvious fix: the analyst may be about to use it.
  const preferFirst = d.code !== 'unused';
  return (d.fixes ?? []).map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [linked],
    isPreferred: preferFirst && i === 0,
    edit: { changes: { [state.uri]: [{ range: spanToRange(state, fix.span), newText: fix.newText }] } },
  }));
}

/** `likely` → `55%..80%`, and `70%` or `60%..75%` → the phrase whose range holds the mean. */
function rewrites(state: DocumentState, span: { start: number; end: number }): CodeAction[] {
  const found = probabilityExprAt(state, span);
  if (!found) return [];
  const { expr } = found;
  const edit = (newText: string) => ({ changes: { [state.uri]: [{ range: spanToRange(state, expr.span), newText }] } });
  if (expr.kind === 'phrase') {
    const row = phraseRow(expr.phrase);
    if (!row) return [];
    const numbers = formatWrittenRange(row.low, row.high, '..');
    return [{ title: `Write '${expr.text.replace(/\s+/g, ' ')}' as ${numbers}`, kind: CodeActionKind.RefactorRewrite, edit: edit(numbers) }];
  }
  if (expr.kind === 'point' || expr.kind === 'range') {
    const low = expr.kind === 'point' ? expr.value : expr.low.value;
    const high = expr.kind === 'point' ? expr.value : expr.high.value;
    if (!(low >= 0 && high <= 1 && low <= high)) return [];
    const row = phraseFor((low + high) / 2);
    const written = expr.text.replace(/\s+/g, ' ');
    return [{
      title: `Write ${written} as '${row.phrase}' (${formatWrittenRange(row.low, row.high)})`,
      kind: CodeActionKind.RefactorRewrite,
      edit: edit(row.phrase),
    }];
  }
  return [];
}

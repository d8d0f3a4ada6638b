// The editor features of a draft in prose (LANGUAGE.md, "Drafts in prose"), as pure functions of
// one analysed version of the draft: its diagnostics in LSP form, their quick fixes, and the hover
// of a mention of an outcome, which is the outcome's hover in its model (hover.ts, explainName).
import {
  CodeActionKind, DiagnosticSeverity, MarkupKind,
  type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type Hover, type Position,
} from 'vscode-languageserver';
import type { ProseDiagnostic, ProseOutcome } from '../prose/check';
import { mentionsIn } from '../prose/mentions';
import { sentencesOf, type Paragraph } from '../prose/segment';
import type { LineIndex } from '../syntax/lines';
import { escapeMarkdown } from '../../../common/text/markdown';
import type { DocumentState } from './context';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import { explainName } from './hover';

/** What the draft itself gets wrong: a model it names that cannot be used, a binary or too large text. */
export interface DraftProblem {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

/** One analysed version of a draft. */
export interface DraftState {
  uri: string;
  text: string;
  lines: LineIndex;
  problems: DraftProblem[];
  diagnostics: ProseDiagnostic[];
  /** The model's analysed state (with its forecast once computed), or null when there is none at hand. */
  model: DocumentState | null;
  /** The model's outcomes as the checks read them (names, labels, probabilities). */
  outcomes: readonly ProseOutcome[];
  /** The model's path as the draft writes it. */
  modelPath: string | null;
  /** The draft's paragraphs (computed once per version); empty for a text too large to read. */
  paragraphs: () => readonly Paragraph[];
}

const range = (state: DraftState, start: number, end: number) => ({ start: state.lines.positionAt(start), end: state.lines.positionAt(end) });

function toLsp(state: DraftState, d: ProseDiagnostic): LspDiagnostic {
  const result: LspDiagnostic = {
    range: range(state, d.start, d.end),
    severity: DiagnosticSeverity.Warning,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.fixes.length) {
    const data: DiagnosticData = { fixes: d.fixes.map((f) => ({ range: range(state, f.start, f.end), newText: f.newText, title: f.title })) };
    result.data = data;
  }
  return result;
}

export function proseDiagnostics(state: DraftState): LspDiagnostic[] {
  return [
    ...state.problems.map((p): LspDiagnostic => ({
      range: range(state, p.start, p.end),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    })),
    ...state.diagnostics.map((d) => toLsp(state, d)),
  ];
}

/** The quick fixes of the diagnostics the range touches: the ICD 203 phrases, the computed phrase. */
export function proseCodeActions(state: DraftState, params: CodeActionParams): CodeAction[] {
  const only = params.context?.only;
  if (only?.length && !only.some((o) => CodeActionKind.QuickFix === o || CodeActionKind.QuickFix.startsWith(`${o}.`))) return [];
  const start = state.lines.offsetAt(params.range.start);
  const end = state.lines.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  for (const d of state.diagnostics) {
    if (!d.fixes.length || d.start > end || start > d.end) continue;
    const linked = toLsp(state, d);
    for (const fix of d.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [linked],
        isPreferred: fix.preferred === true,
        edit: { changes: { [state.uri]: [{ range: range(state, fix.start, fix.end), newText: fix.newText }] } },
      });
    }
  }
  return actions;
}

/** The hover of a mention of an outcome (`name` in backticks, or its label): the outcome's forecast. */
export function proseHover(state: DraftState, position: Position): Hover | null {
  if (!state.model || state.outcomes.length === 0) return null;
  const offset = state.lines.offsetAt(position);
  const paragraph = state.paragraphs().find((p) => p.start <= offset && offset <= p.end);
  if (!paragraph) return null;
  const sentence = sentencesOf(state.text, paragraph.start, paragraph.end, paragraph.number).find((s) => s.start <= offset && offset <= s.end);
  if (!sentence) return null;
  const mention = mentionsIn(state.text, sentence, state.outcomes).find((m) => m.start <= offset && offset < m.end);
  if (!mention) return null;
  const explained = explainName(state.model, mention.name);
  if (!explained) return null;
  const from = state.modelPath ? `\n\n*From the model ${escapeMarkdown(state.modelPath)}.*` : '';
  return { contents: { kind: MarkupKind.Markdown, value: `${explained}${from}` }, range: range(state, mention.start, mention.end) };
}

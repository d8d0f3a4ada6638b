// The checks of a document as LSP diagnostics. `data` carries the ready-made fixes as ranges, the
// did-you-mean candidates and a cycle's path, for other LSP clients and tools; our own code actions
// are computed from the document state of the same version.
import {
  DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Range,
} from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../model/diagnostics';
import type { DocumentState } from './context';
import { spanToRange } from './text';

export const DIAGNOSTIC_SOURCE = 'scenario';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What travels in `Diagnostic.data`. */
export interface DiagnosticData {
  fixes?: { range: Range; newText: string; title: string }[];
  candidates?: string[];
  cycle?: string[];
}

export function toLspDiagnostic(state: DocumentState, d: Diagnostic): LspDiagnostic {
  const result: LspDiagnostic = {
    range: spanToRange(state, d.span),
    severity: SEVERITIES[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.unnecessary || d.code === 'unused') result.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) {
    // A place in an imported file carries its own line and character (its span is that file's).
    result.relatedInformation = d.related.map((r) => ({
      location: r.elsewhere
        ? { uri: pathToFileURL(r.elsewhere.file).href, range: { start: r.elsewhere.start, end: r.elsewhere.end } }
        : { uri: state.uri, range: spanToRange(state, r.span) },
      message: r.message,
    }));
  }
  const data: DiagnosticData = {};
  if (d.fixes?.length) {
    data.fixes = d.fixes.map((f) => ({ range: spanToRange(state, f.span), newText: f.newText, title: f.title }));
  }
  if (d.candidates?.length) data.candidates = [...d.candidates];
  if (d.cycle?.length) data.cycle = [...d.cycle];
  if (Object.keys(data).length) result.data = data;
  return result;
}

export function toLspDiagnostics(state: DocumentState): LspDiagnostic[] {
  return state.diagnostics.map((d) => toLspDiagnostic(state, d));
}

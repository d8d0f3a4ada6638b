// What is published for a document: its LSP diagnostics, capped so that a pathological file does
// not send megabytes per keystroke; the last entry then says how many were left out.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { MAX_PUBLISHED_DIAGNOSTICS } from './limits';

export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const shown = diagnostics.slice(0, max);
  const last = shown[shown.length - 1]!;
  shown.push({
    range: last.range,
    severity: DiagnosticSeverity.Information,
    source: 'scenario',
    message: `${diagnostics.length - max} more problems in this file are not shown: fix the ones above first.`,
  });
  return shown;
}

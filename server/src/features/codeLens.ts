// One lens that opens the forecast preview beside the editor: the extension's declared command
// (package.json), the one ctrl+k v runs.
import type { CodeLens } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { spanToRange } from './text';

const OPEN_PREVIEW_COMMAND = 'scenario.showPreviewToSide';

export function codeLenses(state: DocumentState): CodeLens[] {
  const scenario = state.document.declarations.find((d) => d.kind === 'scenario');
  const range = scenario
    ? spanToRange(state, scenario.keywordSpan)
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, command: { title: 'Open forecast preview', command: OPEN_PREVIEW_COMMAND, arguments: [state.uri] } }];
}

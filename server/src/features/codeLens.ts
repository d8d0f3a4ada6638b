// One lens that opens the forecast preview beside the editor: the extension's declared command
// (package.json), the one ctrl+k v runs. With `scenario.inlayHints.position: codeLens`, also a
// lens above each outcome with its computed probability (the inlay hint's text), which opens the
// preview too.
import type { CodeLens } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { computedOutcomes } from './inlayHints';
import { spanToRange } from './text';

const OPEN_PREVIEW_COMMAND = 'scenario.showPreviewToSide';

export function codeLenses(state: DocumentState, options: { outcomes: boolean } = { outcomes: false }): CodeLens[] {
  const scenario = state.document.declarations.find((d) => d.kind === 'scenario');
  const range = scenario
    ? spanToRange(state, scenario.keywordSpan)
    : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const lenses: CodeLens[] = [{ range, command: { title: 'Open forecast preview', command: OPEN_PREVIEW_COMMAND, arguments: [state.uri] } }];
  if (!options.outcomes) return lenses;
  for (const { declaration, text, plainTooltip } of computedOutcomes(state)) {
    lenses.push({
      range: spanToRange(state, declaration.keywordSpan),
      command: { title: text, tooltip: plainTooltip, command: OPEN_PREVIEW_COMMAND, arguments: [state.uri] },
    });
  }
  return lenses;
}

// What the server offers, and for which documents. The client hands over .scenario files and, for
// drafts in prose, Markdown and plain text on disk (common/protocol.ts). Hover and quick fixes
// serve both; every other feature serves .scenario files only, so that a Markdown file never gets
// a formatter, completion, symbols or code lenses from this server in the way of VS Code's own.
// Features whose static form takes a document selector carry one; the others are registered with
// one after `initialized` when the client can register dynamically (VS Code can). A client that
// cannot gets them for every document, and the server answers nothing for a draft.
import {
  BulkRegistration, CodeActionKind, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest,
  DocumentLinkRequest, DocumentSymbolRequest, ReferencesRequest, RenameRequest, TextDocumentSyncKind,
  type ClientCapabilities, type SemanticTokensLegend, type ServerCapabilities,
} from 'vscode-languageserver';
import { SCENARIO_DOCUMENTS } from '../../../common/protocol';

export interface Capabilities {
  capabilities: ServerCapabilities;
  /** To register once the client is initialized; null when nothing is registered dynamically. */
  registrations: BulkRegistration | null;
}

export function serverCapabilities(client: ClientCapabilities, legend: SemanticTokensLegend): Capabilities {
  const documentSelector = SCENARIO_DOCUMENTS();
  const text = client.textDocument ?? {};
  const bulk = BulkRegistration.create();
  let dynamic = 0;
  /** The static option, or undefined when it is registered with a selector instead. */
  const scenarioOnly = <T extends object>(canRegister: boolean | undefined, register: (options: T & { documentSelector: typeof documentSelector }) => void, options: T): T | undefined => {
    if (!canRegister) return options;
    register({ ...options, documentSelector });
    dynamic++;
    return undefined;
  };
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: false },
    completionProvider: scenarioOnly(text.completion?.dynamicRegistration, (o) => bulk.add(CompletionRequest.type, o),
      { resolveProvider: false, triggerCharacters: [' ', '"', '/'] }),
    definitionProvider: scenarioOnly(text.definition?.dynamicRegistration, (o) => bulk.add(DefinitionRequest.type, o), {}),
    referencesProvider: scenarioOnly(text.references?.dynamicRegistration, (o) => bulk.add(ReferencesRequest.type, o), {}),
    renameProvider: scenarioOnly(text.rename?.dynamicRegistration, (o) => bulk.add(RenameRequest.type, o), { prepareProvider: true }),
    documentSymbolProvider: scenarioOnly(text.documentSymbol?.dynamicRegistration, (o) => bulk.add(DocumentSymbolRequest.type, o), { label: 'Scenario' }),
    documentFormattingProvider: scenarioOnly(text.formatting?.dynamicRegistration, (o) => bulk.add(DocumentFormattingRequest.type, o), {}),
    codeLensProvider: scenarioOnly(text.codeLens?.dynamicRegistration, (o) => bulk.add(CodeLensRequest.type, o), { resolveProvider: false }),
    // Import paths open the file they lead to.
    documentLinkProvider: scenarioOnly(text.documentLink?.dynamicRegistration, (o) => bulk.add(DocumentLinkRequest.type, o), { resolveProvider: false }),
    // The factors, events and outcomes of every .scenario file of the workspace.
    workspaceSymbolProvider: true,
    semanticTokensProvider: { documentSelector, legend, full: true, range: false },
    foldingRangeProvider: { documentSelector },
    inlayHintProvider: { documentSelector, resolveProvider: false },
    // Model paths in drafts are bounded by the workspace folders, so the server follows them.
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  return { capabilities, registrations: dynamic > 0 ? bulk : null };
}

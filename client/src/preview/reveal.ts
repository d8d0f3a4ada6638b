// Clicking a row in the preview reveals that declaration in the editor. The language server's
// document symbols say where each name is declared; the text is searched when the server has
// no symbol for it (still starting, or the name sits in a block that does not parse).
import * as vscode from 'vscode';
import { findDeclarationInText, findStatementInDeclaration } from './declarations';
import { NOT_AFTER_NAME_PART, NOT_BEFORE_NAME_PART, isName } from '../../../common/names';

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

/** Declarations are top-level symbols; their children are uses (driver lines), so search level by level. */
function findSymbol(symbols: readonly AnySymbol[], name: string): vscode.Range | undefined {
  let level: readonly AnySymbol[] = symbols;
  while (level.length > 0) {
    const found = level.find((s) => s.name === name);
    if (found) return 'selectionRange' in found ? found.selectionRange : found.location.range;
    level = level.flatMap((s) => ('children' in s ? s.children : []));
  }
  return undefined;
}

export async function declarationRange(document: vscode.TextDocument, name: string): Promise<vscode.Range | undefined> {
  try {
    const symbols = await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
    const range = symbols ? findSymbol(symbols, name) : undefined;
    if (range) return range;
  } catch {
    // no symbol provider yet: fall back to the text
  }
  const found = findDeclarationInText(document.getText(), name);
  return found ? new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)) : undefined;
}

/**
 * Shows the document (in the column where it is already visible, if it is) with NAME selected; a
 * name the document imports is shown where it is declared, in its own file (the server's
 * workspace symbols know it).
 */
export async function revealDeclaration(uri: vscode.Uri, name: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const range = await declarationRange(document, name);
  if (!range) {
    const elsewhere = await importedDeclaration(document, name);
    if (elsewhere) {
      await showRange(await vscode.workspace.openTextDocument(elsewhere.uri), elsewhere.range);
      return;
    }
    void vscode.window.showWarningMessage(`Scenario: "${name}" is not declared in this file any more.`);
    return;
  }
  await showRange(document, range);
}

/**
 * Where an imported name is declared: the server's definition of a use of it in this document, or
 * else the workspace's one declaration of that name.
 */
async function importedDeclaration(document: vscode.TextDocument, name: string): Promise<vscode.Location | undefined> {
  if (!isName(name)) return undefined;
  try {
    // A name is letters, digits and `_` (no character to escape): its uses, the first few.
    const uses = [...document.getText().matchAll(new RegExp(`${NOT_AFTER_NAME_PART}${name}${NOT_BEFORE_NAME_PART}`, 'gu'))].slice(0, 20);
    for (const m of uses) {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[] | undefined>(
        'vscode.executeDefinitionProvider', document.uri, document.positionAt(m.index!));
      const first = found?.[0];
      if (first) return 'targetUri' in first ? new vscode.Location(first.targetUri, first.targetSelectionRange ?? first.targetRange) : first;
    }
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', name);
    const exact = (symbols ?? []).filter((s) => s.name === name);
    return exact.length === 1 ? exact[0]!.location : undefined;
  } catch {
    return undefined;
  }
}

/** Shows a statement of a declaration (its `judged` line), or the declaration when it has none. */
export async function revealStatement(uri: vscode.Uri, name: string, keyword: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const found = findStatementInDeclaration(document.getText(), name, keyword);
  if (!found) return revealDeclaration(uri, name);
  await showRange(document, new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)));
}

/** Puts the cursor at a place in the document (an error the preview lists). */
export async function revealPosition(uri: vscode.Uri, line: number, character: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = document.validatePosition(new vscode.Position(line, character));
  await showRange(document, new vscode.Range(position, position));
}

/**
 * Puts the cursor at the first word of a line (1-based) of a file. `panelColumn` is the column of
 * the page that asks: the file opens beside it rather than over it.
 */
export async function revealLine(uri: vscode.Uri, line: number, panelColumn?: vscode.ViewColumn): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const index = Math.max(0, Math.min(line - 1, document.lineCount - 1));
  const start = new vscode.Position(index, document.lineAt(index).firstNonWhitespaceCharacterIndex);
  await showRange(document, new vscode.Range(start, start), panelColumn);
}

/**
 * In the column where the document is already visible, if it is; else in another editor's column
 * than the asking page's, or beside that page. The editor gets the focus.
 */
async function showRange(document: vscode.TextDocument, range: vscode.Range, panelColumn?: vscode.ViewColumn): Promise<void> {
  const uri = document.uri.toString();
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const elsewhere = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== panelColumn);
  const column = visible?.viewColumn
    ?? (panelColumn === undefined ? vscode.ViewColumn.One : elsewhere?.viewColumn ?? vscode.ViewColumn.Beside);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: column,
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// Drafts in prose in a real VS Code (issue 13): the op-ed as a Markdown draft next to its model
// gets a prose-hedge on each of its hedges with the ICD 203 phrases as quick fixes, a mention of
// an outcome gets its forecast on hover, a Markdown file that names no model keeps VS Code's own
// Markdown features and gets nothing from Scenario, and "Scenario: Draft Model from Text" turns
// the op-ed into a new untitled .scenario editor.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { api, waitFor, hoverText, codeOf, scratch, closeEverything, positionOf } = require('./helpers');

// The suite runs in the extension host on this machine: the samples are read from the repository.
const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const sample = (name) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

async function show(uri) {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

const scenarioDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'scenario');

suite('Drafts in prose', () => {
  suiteSetup(async () => {
    await api();
    await scratch('us-pakistan-2025.scenario', sample('us-pakistan-2025.scenario'));
  });

  teardown(closeEverything);

  test('the op-ed next to its model: a prose-hedge on each of its 11 hedges, the phrases as quick fixes', async () => {
    const document = await show(await scratch('us-pakistan-oped.md', sample('us-pakistan-oped.md')));
    assert.strictEqual(document.languageId, 'markdown');
    const hedges = await waitFor('11 prose-hedge diagnostics', () => {
      const found = scenarioDiagnostics(document.uri).filter((d) => codeOf(d) === 'prose-hedge');
      return found.length === 11 ? found : null;
    });
    assert.ok(hedges.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.deepStrictEqual(hedges.map((d) => document.getText(d.range)).slice(0, 3), ['potentially', 'may', 'is expected to']);
    const may = hedges[1];
    // Asked again while the server is still busy with the model the draft names (a forecast read
    // from disk re-checks the draft): the fixes are those of the latest check, never none for long.
    let seen = [];
    const titles = await waitFor('the seven phrases as quick fixes', async () => {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, may.range, vscode.CodeActionKind.QuickFix.value);
      seen = (actions || []).map((a) => a.title);
      const say = seen.filter((t) => /^Say '/.test(t));
      return say.length === 7 ? say : null;
    }).catch((error) => { throw new Error(`${error.message}; last actions: ${JSON.stringify(seen)}`); });
    assert.ok(titles.includes("Say 'likely' (55–80%)"), JSON.stringify(titles));
  });

  test('a mention of an outcome shows its forecast on hover', async () => {
    const text = '<!-- scenario: us-pakistan-2025.scenario -->\n# Memo\n\nWe judge that `democracy_push` is likely.\n';
    const document = await show(await scratch('memo.md', text));
    const position = positionOf(document, 'democracy_push', 3);
    const shown = await waitFor('the forecast in the hover', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
      const value = hoverText(hovers || []).replace(/\\(.)/g, '$1');
      return /Forecast:\*\* \d/.test(value) ? value : null;
    });
    assert.match(shown, /outcome\*\* \*\*democracy_push\*\*/);
    assert.match(shown, /From the model us-pakistan-2025\.scenario/);
  });

  test('a Markdown file that names no model keeps VS Code\'s Markdown features and gets nothing from Scenario', async () => {
    const plain = await show(await scratch('plain.md', '# Heading\n\nThe US may adopt a new approach.\n\n## Second\n\nMore text.\n'));
    // VS Code's own Markdown outline answers for it.
    const symbols = await waitFor('Markdown\'s document symbols', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', plain.uri);
      return found && found.length > 0 ? found : null;
    });
    assert.match(symbols[0].name, /Heading/);
    // A draft opened after it is checked, so the server has handled the plain file by then.
    const draft = await show(await scratch('after-plain.md', '<!-- scenario: us-pakistan-2025.scenario -->\nIt may rain.\n'));
    await waitFor('the draft\'s diagnostics', () => scenarioDiagnostics(draft.uri).length === 1);
    assert.deepStrictEqual(scenarioDiagnostics(plain.uri), []);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', plain.uri, positionOf(plain, 'may', 1));
    assert.ok(!hoverText(hovers || []).includes('ICD 203'));
  });

  test('Scenario: Draft Model from Text turns the op-ed into an untitled .scenario editor with its outcomes', async () => {
    const text = await show(await scratch('us-pakistan-oped.txt', sample('us-pakistan-oped.txt')));
    await vscode.commands.executeCommand('scenario.draftModelFromText');
    const draft = await waitFor('the drafted model', () => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document !== text && editor.document.languageId === 'scenario' ? editor.document : null;
    });
    assert.strictEqual(draft.isUntitled, true);
    const outcomes = draft.getText().split('\n').filter((line) => line.startsWith('outcome ')).length;
    assert.strictEqual(outcomes, 13);
    assert.match(draft.getText(), /source "us-pakistan-oped, paragraph 3"/);
    // The draft checks with no errors (the language server has it: its forecast comes next).
    const extension = await api();
    const result = await waitFor('the draft\'s forecast', async () => {
      const r = await extension.languageClient.sendRequest('scenario/forecast', { uri: draft.uri.toString() });
      return r && r.forecast ? r : null;
    });
    assert.strictEqual(result.forecast.outcomes.length, 13);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(draft.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });

  test('a selection with no estimative judgment drafts nothing: no new editor', async () => {
    const text = await show(await scratch('title.txt', sample('us-pakistan-oped.txt')));
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(0, 0, 0, text.lineAt(0).text.length); // the title
    const result = await vscode.commands.executeCommand('scenario.draftModelFromText');
    assert.strictEqual(result, undefined);
    assert.strictEqual(vscode.window.activeTextEditor.document, text);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.isUntitled && e.document.languageId === 'scenario'));
  });
});

// The extension in a real VS Code: language, diagnostics, hover and completion from the language
// server, and the forecast preview (opens, shows the forecast, keeps it while the file is broken,
// follows the editor unless locked, exports).
const assert = require('assert');
const vscode = require('vscode');
const { api, fixtureUri, positionOf, waitFor, hoverText, codeOf, scratch, closeEverything } = require('./helpers');

const EXAMPLE = 'example.scenario';
const OUTCOMES = ['democracy_push', 'trade_up', 'security_ties'];

async function openExample() {
  const document = await vscode.workspace.openTextDocument(fixtureUri(EXAMPLE));
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

async function untitled(content) {
  const document = await vscode.workspace.openTextDocument({ language: 'scenario', content });
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

async function scratchDocument(name, content) {
  const document = await vscode.workspace.openTextDocument(await scratch(name, content));
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

suite('Scenario language features', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeEverything);

  test('.scenario files get the scenario language and the extension activates', async () => {
    const document = await openExample();
    assert.strictEqual(document.languageId, 'scenario');
    assert.ok(vscode.extensions.getExtension('scenario-forecasts.scenario-forecasts').isActive);
  });

  test('a misspelled driver is an unknown-name error on exactly that name', async () => {
    const example = await openExample();
    const document = await untitled(example.getText().replace('  rapport raises moderately', '  rapportt raises moderately'));
    const diagnostic = await waitFor('an unknown-name diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'unknown-name'));
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(document.getText(diagnostic.range), 'rapportt');
    assert.match(diagnostic.message, /rapport/);
  });

  test('the clean example has no errors', async () => {
    const document = await openExample();
    // wait until the server has checked it (a forecast notification follows the check)
    await waitFor('the server to answer', async () => (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri) || []).length > 0);
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => d.message), []);
  });

  test('hover on a factor explains it', async () => {
    const document = await openExample();
    const position = positionOf(document, 'crisis raises', 2);
    const text = await waitFor('a hover', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
      return hoverText(hovers || []).replace(/\\(.)/g, '$1') || null; // drop Markdown escapes
    });
    assert.match(text, /Pakistan's political, constitutional and economic crises/);
    assert.match(text, /9[5-9](\.\d+)?\s?%|almost certain/);
  });

  test('completion offers names where a driver belongs and phrases after probability', async () => {
    const example = await openExample();
    const text = example.getText()
      .replace('  judged likely\n}\n\noutcome trade_up', '  \n  judged likely\n}\n\noutcome trade_up')
      .replace('factor khan_popular "Imran Khan and the PTI remain the most popular force" {\n  probability very likely',
        'factor khan_popular "Imran Khan and the PTI remain the most popular force" {\n  probability ');
    const document = await scratchDocument('completion.scenario', text);
    const labels = async (position) => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
      return (list ? list.items : []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const driverSpot = positionOf(document, '  \n  judged likely', 2);
    // names that can drive democracy_push: not the ones it already lists, not itself
    const names = await waitFor('name completions', async () => {
      const l = await labels(driverSpot);
      return l.includes('attack') ? l : null;
    });
    assert.ok(names.includes('trade_up'), `names: ${names.join(', ')}`);
    assert.ok(!names.includes('democracy_push'), `an outcome cannot drive itself: ${names.join(', ')}`);
    const phraseSpot = positionOf(document, 'probability \n', 'probability '.length);
    const phrases = await labels(phraseSpot);
    assert.ok(phrases.includes('likely') && phrases.includes('almost certain'), `phrases: ${phrases.join(', ')}`);
  });
});

suite('Forecast preview', () => {
  let scenario;
  suiteSetup(async () => {
    scenario = await api();
  });

  teardown(closeEverything);

  test('Open Preview to the Side opens a webview panel that shows the forecast', async () => {
    const document = await openExample();
    const panel = await vscode.commands.executeCommand('scenario.showPreviewToSide');
    assert.ok(panel, 'the command returns the panel');
    assert.strictEqual(panel.viewType, 'scenario.preview');
    await waitFor('the panel beside the editor', () => panel.viewColumn === vscode.ViewColumn.Two);
    assert.match(panel.webview.html, /default-src 'none'/);
    assert.doesNotMatch(panel.webview.html, /unsafe-/);
    assert.strictEqual(panel.webview.options.enableCommandUris, false);
    const message = await waitFor('a forecast posted to the page', () => {
      const m = scenario.previewOf(document.uri) && scenario.previewOf(document.uri).lastPosted;
      return m && m.forecast ? m : null;
    });
    assert.deepStrictEqual(message.forecast.outcomes.map((o) => o.name), OUTCOMES);
    for (const o of message.forecast.outcomes) assert.ok(o.probability > 0 && o.probability < 1, `${o.name}: ${o.probability}`);
    assert.strictEqual(message.stale, false);
    assert.strictEqual(message.uri, document.uri.toString());
  });

  test('while a declaration does not parse, the rest is forecast anew and it keeps its last good numbers, marked', async () => {
    const example = await openExample();
    const document = await scratchDocument('stale.scenario', example.getText());
    await vscode.commands.executeCommand('scenario.showPreviewToSide', document.uri);
    const preview = () => scenario.previewOf(document.uri);
    const good = await waitFor('a fresh forecast', () => preview() && preview().lastPosted && preview().lastPosted.forecast && !preview().lastPosted.stale && preview().lastPosted);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, positionOf(document, '  base 50%'), '  base {{\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const partial = await waitFor('a partial forecast of the broken version', () => {
      const m = preview().lastPosted;
      return m.version === document.version && m.forecast && m.forecast.excluded ? m : null;
    });
    const broken = partial.forecast.excluded.filter((e) => e.kind === 'outcome').map((e) => e.name);
    assert.ok(broken.length > 0, 'the broken outcome is listed as not forecast anew');
    for (const o of partial.forecast.outcomes) {
      const before = good.forecast.outcomes.find((g) => g.name === o.name);
      if (broken.includes(o.name)) assert.ok(o.stale, `${o.name} is marked as not updated`);
      else assert.strictEqual(o.stale, undefined, `${o.name} is new`);
      assert.strictEqual(o.probability, before.probability, `${o.name} keeps its numbers (nothing it depends on changed)`);
    }
    assert.strictEqual(partial.forecast.outcomes.length, good.forecast.outcomes.length, 'no row disappears');
    assert.ok(partial.notice && partial.notice.length > 0, 'a notice says why');
    await vscode.commands.executeCommand('undo');
    await waitFor('a fresh forecast again', () => {
      const m = preview().lastPosted;
      return m.version === document.version && !m.stale && m.forecast && !m.forecast.excluded;
    });
  });

  test('an unlocked preview follows the active editor; a locked one stays', async () => {
    const example = await openExample();
    await vscode.commands.executeCommand('scenario.showPreviewToSide');
    const other = await untitled(example.getText().replace('US–Pakistan relations, 2025', 'Second file'));
    await waitFor('the preview to follow the untitled file', () => scenario.previewOf(other.uri));
    await waitFor('its forecast', () => scenario.previewOf(other.uri).lastPosted && scenario.previewOf(other.uri).lastPosted.forecast);
    assert.strictEqual(scenario.previewOf(example.uri), undefined);
    const locked = await vscode.commands.executeCommand('scenario.togglePreviewLock');
    assert.strictEqual(locked, true);
    assert.match(scenario.previewOf(other.uri).panel.title, /^\[Forecast\]/);
    await vscode.window.showTextDocument(example, vscode.ViewColumn.One);
    // the preview manager reacts to the active-editor event, which has fired once this holds
    await waitFor('the example to be the active editor', () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document === example);
    assert.ok(scenario.previewOf(other.uri), 'the locked preview stays on its document');
    assert.strictEqual(scenario.previewOf(example.uri), undefined);
  });

  test('Save Forecast as JSON and CSV write the forecast', async () => {
    const document = await openExample();
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const jsonUri = vscode.Uri.joinPath(folder, 'out', 'example.forecast.json');
    const csvUri = vscode.Uri.joinPath(folder, 'out', 'example.forecast.csv');
    const written = await vscode.commands.executeCommand('scenario.saveForecastJson', document.uri, jsonUri);
    assert.strictEqual(written && written.toString(), jsonUri.toString());
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(jsonUri)));
    assert.deepStrictEqual(json.outcomes.map((o) => o.name), OUTCOMES);
    await vscode.commands.executeCommand('scenario.saveForecastCsv', document.uri, csvUri);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri));
    for (const name of OUTCOMES) assert.ok(csv.includes(name), `CSV has ${name}`);
  });

  test('Save Forecast Report (HTML) writes the standalone report; Copy Key Judgments copies them', async () => {
    const document = await openExample();
    const htmlUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'out', 'example.report.html');
    const written = await vscode.commands.executeCommand('scenario.saveForecastReport', document.uri, htmlUri);
    assert.strictEqual(written && written.toString(), htmlUri.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlUri));
    assert.ok(html.startsWith('<!DOCTYPE html>'), 'an HTML document');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /<script/i);
    assert.ok(html.indexOf('id="key-judgments"') < html.indexOf('id="outcomes"'), 'key judgments first');
    for (const name of OUTCOMES) assert.ok(html.includes(`<code>${name}</code>`), `the report has ${name}`);
    assert.strictEqual(await vscode.commands.executeCommand('scenario.copyKeyJudgments', document.uri), true);
  });
});

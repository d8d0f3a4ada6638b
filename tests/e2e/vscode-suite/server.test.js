// The language client around the server: settings reach it, and a crashed server is restarted.
const assert = require('assert');
const vscode = require('vscode');
const { api, fixtureUri, waitFor, closeEverything } = require('./helpers');

suite('Language client', () => {
  let scenario;
  suiteSetup(async () => {
    scenario = await api();
  });
  teardown(closeEverything);

  test('scenario.inlayHints.enabled switches the inlay hints off and on', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('example.scenario'));
    await vscode.window.showTextDocument(document);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = () => vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, range);
    await waitFor('inlay hints from the server', async () => (await hints()).length > 0);
    const config = vscode.workspace.getConfiguration('scenario.inlayHints');
    await config.update('enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.strictEqual((await hints()).length, 0);
    } finally {
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.ok((await hints()).length > 0);
  });

  test('a crashed language server is restarted and answers again', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('example.scenario'));
    await vscode.window.showTextDocument(document);
    const client = scenario.languageClient;
    // the server's child process (a private field of vscode-languageclient's node client)
    const pid = () => client._serverProcess && client._serverProcess.pid;
    // Killed while it initializes, a server is not restarted by vscode-languageclient (its start
    // fails for good): the crash this test means comes once the server runs.
    const RUNNING = 2; // vscode-languageclient's State.Running
    const before = await waitFor('the server process, running', () => client.state === RUNNING && pid());
    process.kill(before, 'SIGKILL');
    await waitFor('a new server process', () => pid() && pid() !== before && client.isRunning());
    const symbols = await waitFor('document symbols from the new server', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
      return s && s.length > 0 ? s : null;
    });
    assert.ok(symbols.some((s) => s.name === 'crisis'));
  });
});

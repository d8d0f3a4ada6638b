// Helpers for the in-host suite: the workspace's fixture, positions by text, polling.
const vscode = require('vscode');
// Polls until probe() returns something truthy (the same implementation as the Node runners').
const { waitFor } = require('../lib/waitFor.cjs');

const EXTENSION_ID = 'scenario-forecasts.scenario-forecasts';

async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

function fixtureUri(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the suite needs a workspace folder with the fixtures');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The position of the n-th occurrence of `needle` (plus `delta` characters) in a document. */
function positionOf(document, needle, delta = 0, occurrence = 1) {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return document.positionAt(at + delta);
}

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Writes a scratch file into the workspace (files are not dirty, unlike untitled documents). */
async function scratch(name, content) {
  const uri = fixtureUri(`scratch/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Reverts every dirty document and closes all editors, so no "save changes?" dialog can block. */
async function closeEverything() {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = { EXTENSION_ID, api, fixtureUri, positionOf, waitFor, hoverText, codeOf, scratch, closeEverything };

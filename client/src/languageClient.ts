// The language client: starts dist/server.js over IPC for .scenario files (on disk and untitled)
// and for Markdown and plain text on disk, which the server reads as drafts in prose only when they
// name a model (it answers nothing for the others, and registers its other features for .scenario
// files only: VS Code's own Markdown features are left alone). Traces into the "Scenario" output channel (`scenario.trace.server`), and restarts a crashed
// server a bounded number of times before telling the user.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  InlayHintRequest,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { PROSE_DOCUMENTS, SCENARIO_DOCUMENTS } from '../../common/protocol';
import { RestartPolicy } from './restartPolicy';

export const CLIENT_ID = 'scenario'; // the client reads `scenario.trace.server` by this id
const RESTART_WINDOW_MS = 3 * 60_000;

/** Restarts within the policy's budget; past it, stays down and offers the output and a restart. */
export function restartingErrorHandler(policy: RestartPolicy, output: vscode.LogOutputChannel, restartCommand: string): ErrorHandler {
  return {
    error(error, _message, count) {
      output.error(`[client] connection error (${count ?? 1}): ${error.message}`);
      return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      if (policy.allowRestart()) {
        output.warn(`[client] the language server stopped; restarting (${policy.remaining()} more restarts allowed in this window)`);
        return { action: CloseAction.Restart, handled: true };
      }
      output.error('[client] the language server stopped too often; not restarting');
      void vscode.window
        .showErrorMessage('The Scenario language server stopped several times in a few minutes and was not restarted. Checks and the forecast preview are off.', 'Show Output', 'Restart')
        .then((choice) => {
          if (choice === 'Show Output') output.show(true);
          if (choice === 'Restart') void vscode.commands.executeCommand(restartCommand);
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

function inlayHintsEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('scenario.inlayHints', document).get<boolean>('enabled', true);
}

/** Asks VS Code to fetch inlay hints again (after `scenario.inlayHints.enabled` changed). */
export function refreshInlayHints(client: LanguageClient): void {
  for (const editor of vscode.window.visibleTextEditors) {
    client.getFeature(InlayHintRequest.method).getProvider(editor.document)?.onDidChangeInlayHints.fire();
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, policy: RestartPolicy): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const modelWatcher = vscode.workspace.createFileSystemWatcher('**/*.scenario');
  context.subscriptions.push(modelWatcher);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // drafts only on disk: a draft names its model by a path relative to its own file
    documentSelector: [...SCENARIO_DOCUMENTS(), ...PROSE_DOCUMENTS()],
    synchronize: {
      // settings changes reach the server; it reads them with workspace/configuration
      configurationSection: 'scenario',
      // a model saved or changed on disk: the drafts that read it from disk are checked again
      fileEvents: modelWatcher,
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never, // the error handler reports; no pop-ups per log line
    errorHandler: restartingErrorHandler(policy, output, 'scenario.restartServer'),
    middleware: {
      // `scenario.inlayHints.enabled` switches the server's hints off without restarting it
      provideInlayHints: (document, range, token, next) => (inlayHintsEnabled(document) ? next(document, range, token) : []),
    },
  };
  return new LanguageClient(CLIENT_ID, 'Scenario Language Server', serverOptions, clientOptions);
}

/** `scenario.server.maxRestarts`, clamped to its declared bounds. */
export function maxRestartsSetting(): number {
  const max = vscode.workspace.getConfiguration('scenario').get<number>('server.maxRestarts', 5);
  return Number.isFinite(max) ? Math.max(0, Math.min(20, Math.round(max))) : 5;
}

export function restartPolicyFromSettings(): RestartPolicy {
  return new RestartPolicy(maxRestartsSetting(), RESTART_WINDOW_MS);
}

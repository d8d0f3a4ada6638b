// The language client: starts dist/server.js over IPC for .scenario files (on disk and untitled),
// traces into the "Scenario" output channel (`scenario.trace.server`), and restarts a crashed
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
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'scenario' },
      { scheme: 'untitled', language: 'scenario' },
    ],
    // settings changes reach the server; it reads them with workspace/configuration
    synchronize: { configurationSection: 'scenario' },
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

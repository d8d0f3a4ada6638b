// "Scenario: Compare Forecast with Last Commit" and "Scenario: Compare Forecast with Revision…":
// the second offers the file's commits (the server's git log, --follow) in a quick pick, each with
// its date and subject (picks.ts makes repository text safe to show there).
import * as vscode from 'vscode';
import type { FileCommitsRequest } from '../../../common/protocol';
import { ComparePanel, type CompareDeps } from './panel';
import { commitPicks, plainPickText } from './picks';

export interface CompareCommandDeps extends CompareDeps {
  commits(uri: vscode.Uri): Promise<FileCommitsRequest.Result>;
}

export function compareWithLastCommit(deps: CompareCommandDeps, uri: vscode.Uri): Promise<ComparePanel> {
  return ComparePanel.show(deps, uri, 'HEAD', 'the last commit');
}

export async function compareWithRevision(deps: CompareCommandDeps, uri: vscode.Uri, rev?: unknown): Promise<ComparePanel | undefined> {
  // A revision given by a caller (tests, other extensions) skips the pick.
  if (typeof rev === 'string' && /^[0-9a-f]{7,64}$/.test(rev)) return ComparePanel.show(deps, uri, rev, rev.slice(0, 8));
  const log = await deps.commits(uri);
  if (log.commits.length === 0) {
    void vscode.window.showInformationMessage(`Scenario: no revisions to compare with: ${plainPickText(log.notice ?? 'this file has no commits')}`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(commitPicks(log.commits), {
    title: 'Compare the forecast with a revision', placeHolder: 'A commit of this file (newest first)', matchOnDescription: true,
  });
  if (!picked) return undefined;
  return ComparePanel.show(deps, uri, picked.commit, `${picked.commit.slice(0, 8)} (${picked.description?.slice(0, 10) ?? ''}) ${picked.label}`);
}

// "Scenario: Compare Forecast with Last Commit" and "Scenario: Compare Forecast with Revision…":
// the second offers the file's commits (the server's git log, --follow) in a quick pick, each with
// its date and subject. Subjects are repository text: control characters replaced and VS Code's
// `$(icon)` syntax defused, so a subject reads exactly as written and draws no icon.
import * as vscode from 'vscode';
import type { FileCommitItem } from '../../../common/history';
import type { FileCommitsRequest } from '../../../common/protocol';
import { replaceControls } from '../../../common/text/controls';
import { ComparePanel, type CompareDeps } from './panel';

/** Text for a quick pick's label or description: one line, no control characters, no `$(…)` icons. */
export function plainPickText(text: string): string {
  // U+2060 WORD JOINER between `$` and `(` stops the icon syntax and is invisible.
  return replaceControls(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/\$\(/g, '$\u2060(');
}

export interface CommitPick extends vscode.QuickPickItem {
  commit: string;
}

export function commitPicks(commits: readonly FileCommitItem[]): CommitPick[] {
  return commits.map((c) => ({
    label: plainPickText(c.subject || '(no subject)'),
    description: `${c.date.slice(0, 10)} · ${c.commit.slice(0, 8)}`,
    commit: c.commit,
  }));
}

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

// The quick pick of "Scenario: Compare Forecast with Revision…": one item per commit of the file,
// its subject as the label and its date and short id as the description. Subjects are repository
// text: control characters replaced and VS Code's `$(icon)` syntax defused, so a subject reads
// exactly as written and draws no icon. Pure (no vscode import), so it is tested on its own.
import type { FileCommitItem } from '../../../common/history';
import { replaceControls } from '../../../common/text/controls';

/** Text for a quick pick's label or description: one line, no control characters, no `$(…)` icons. */
export function plainPickText(text: string): string {
  // U+2060 WORD JOINER between `$` and `(` stops the icon syntax and is invisible.
  return replaceControls(text.replace(/\s*[\r\n]+\s*/g, ' ')).replace(/\$\(/g, '$\u2060(');
}

export interface CommitPick {
  label: string;
  description: string;
  commit: string;
}

export function commitPicks(commits: readonly FileCommitItem[]): CommitPick[] {
  return commits.map((c) => ({
    label: plainPickText(c.subject || '(no subject)'),
    description: `${c.date.slice(0, 10)} · ${c.commit.slice(0, 8)}`,
    commit: c.commit,
  }));
}


// A git repository for the history benchmarks, written in one `git fast-import` (thousands of
// commits in a second or two, where a commit per process would take minutes): each commit sets
// some files' text, one day after the one before. git is run with argument arrays, never a shell,
// and without the user's or the system's git configuration.
import { execFileSync } from 'node:child_process';

/** The first commit's time: 2025-01-01 12:00 UTC. */
export const FIRST_COMMIT = 1735732800;
export const DAY = 86400;

/**
 * Makes `dir` a repository on branch main whose commit k sets the files `commitFiles(k)` returns
 * ({ path: text }) and is dated FIRST_COMMIT + k days; the work tree holds the last commit.
 */
export function makeRepository(dir, commits, commitFiles) {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  const chunks = [];
  for (let k = 0; k < commits; k++) {
    const message = `Version ${k + 1}`;
    chunks.push(`commit refs/heads/main\ncommitter Analyst <analyst@example.org> ${FIRST_COMMIT + k * DAY} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    for (const [path, text] of Object.entries(commitFiles(k))) {
      chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n`, text, '\n');
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: Buffer.from(chunks.join(''), 'utf8'), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env });
  return dir;
}

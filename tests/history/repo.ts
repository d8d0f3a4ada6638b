// Real git repositories in a temporary folder for the history tests: fixed author, committer and
// dates (so commit ids are the same on every run), no global or system configuration read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../fixture';

export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Analyst', GIT_AUTHOR_EMAIL: 'analyst@example.org',
  GIT_COMMITTER_NAME: 'Analyst', GIT_COMMITTER_EMAIL: 'analyst@example.org',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0',
};

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(file: string, text: string): string;
  /** Commits everything with a fixed date: day `day` of January 2025, noon UTC. */
  commit(message: string, day: number): string;
  remove(): void;
}

export function makeRepo(prefix = 'scenario-history-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    write(file, text) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    commit(message, day) {
      const date = `2025-01-${String(day).padStart(2, '0')}T12:00:00Z`;
      git('add', '-A');
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
        cwd: dir, env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const SAMPLE = readFileSync(join(repoRoot, 'samples', 'us-pakistan-2025.scenario'), 'utf8');

/** A small model: two factors, one outcome, with two numbers to change. */
export function smallModel(p: { rapport?: string; base?: string; attack?: string; extra?: string } = {}): string {
  return [
    'scenario "Small" {',
    '  seed 3',
    '}',
    '',
    'factor rapport "Leaders get on" {',
    `  probability ${p.rapport ?? 'likely'}`,
    '}',
    '',
    'event attack "An attack" {',
    `  probability ${p.attack ?? '10%'}`,
    '}',
    '',
    'outcome ties "Security re-engagement" {',
    `  base ${p.base ?? '20%'}`,
    '  rapport raises x3',
    '  attack raises x5',
    p.extra ?? '',
    '}',
    '',
  ].join('\n');
}

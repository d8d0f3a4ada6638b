#!/usr/bin/env node
// Replays the ILLUSTRATIVE history of samples/track-record/ (history.json) into a new git
// repository with the commits' own dates, so that `scenario score` finds forecasts of record made
// before each question resolved:
//
//   node scripts/replay-track-record.mjs OUT_FOLDER
//   npx scenario score OUT_FOLDER
//
// The tests build the same repository (tests/history/trackRecordSample.test.ts). Each commit
// writes one file as it is now without its `resolved` lines, with the manifest's edits applied
// (each text must occur exactly once, or the script stops: the manifest cannot drift from the
// files silently); the `final` commit writes every file as it is. Author and committer are fixed,
// and no global or system git configuration is read, so the commit ids are the same everywhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'samples', 'track-record');

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Analyst', GIT_AUTHOR_EMAIL: 'analyst@example.org',
  GIT_COMMITTER_NAME: 'Analyst', GIT_COMMITTER_EMAIL: 'analyst@example.org',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0',
};

/** A file as it was before its questions resolved: without its `resolved` lines, with the edits applied. */
export function versionText(text, edits) {
  let out = text.replace(/^[ \t]*resolved[ \t].*\r?\n/gm, '');
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`history.json: ${JSON.stringify(from)} must occur exactly once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** Writes the sample's history into `out` (a new or empty folder); returns the commit ids in order. */
export function replayTrackRecord(out, sample = SAMPLE_FOLDER) {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);
  mkdirSync(out, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(sample, 'history.json'), 'utf8'));
  const files = readdirSync(sample).filter((f) => f.endsWith('.scenario')).sort();
  const git = (args, env = {}) => execFileSync('git', args, { cwd: out, env: { ...process.env, ...IDENTITY, ...env }, encoding: 'utf8' });
  git(['init', '-q', '-b', 'main']);
  const commits = [];
  for (const c of manifest.commits) {
    if (c.final) for (const f of files) writeFileSync(join(out, f), readFileSync(join(sample, f), 'utf8'));
    else writeFileSync(join(out, c.file), versionText(readFileSync(join(sample, c.file), 'utf8'), c.edits));
    git(['add', '-A']);
    git(['commit', '-q', '--allow-empty', '-m', c.subject], { GIT_AUTHOR_DATE: c.date, GIT_COMMITTER_DATE: c.date });
    commits.push(git(['rev-parse', 'HEAD']).trim());
  }
  return commits;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node scripts/replay-track-record.mjs OUT_FOLDER\n');
    process.exit(2);
  }
  const commits = replayTrackRecord(resolve(out));
  process.stdout.write(`${out}: ${commits.length} commits replayed; now run: npx scenario score ${out}\n`);
}

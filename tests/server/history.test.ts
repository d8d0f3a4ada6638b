// History and compare through the real protocol (scenario/fileCommits, scenario/history,
// scenario/compare) against a real temporary git repository with fixed commit dates: the commits
// newest first with their subjects as written, the history oldest first with the working copy
// marked and a version with errors as a gap with its count, the diff with the CLI's numbers (its
// shares add up to each delta, the sentence from explain.ts), the document's unsaved text as the
// new side, one-line notices outside a repository and for a bad revision, and the cache kept
// across requests (a second history forecasts nothing).
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareRequest, FileCommitsRequest, HistoryRequest } from '../../common/protocol';
import { makeRepo, SAMPLE, type TempRepo } from '../history/repo';
import { startServer, type TestServer } from './harness';

let server: TestServer;
let repo: TempRepo;
let file: string;
let uri: string;
const RAPPORT_40 = SAMPLE.replace('probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says');

beforeAll(async () => {
  repo = makeRepo('scenario-server-history-');
  file = repo.write('us pakistan.scenario', SAMPLE);
  repo.commit('Op-ed model', 1);
  repo.write('us pakistan.scenario', SAMPLE.replace('base 50%', 'base maybe'));
  repo.commit('Broken base <b>$(alert)</b>', 2);
  repo.write('us pakistan.scenario', RAPPORT_40);
  repo.commit('Rapport: 40%', 3);
  uri = pathToFileURL(file).toString();
  server = await startServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  repo?.remove();
});

describe('scenario/fileCommits', () => {
  it('lists the commits newest first with dates and subjects as written', async () => {
    const r = await server.request<FileCommitsRequest.Result>('scenario/fileCommits', { uri } satisfies FileCommitsRequest.Params);
    expect(r.notice).toBeNull();
    expect(r.commits.map((c) => c.subject)).toEqual(['Rapport: 40%', 'Broken base <b>$(alert)</b>', 'Op-ed model']);
    expect(r.commits.map((c) => c.date.slice(0, 10))).toEqual(['2025-01-03', '2025-01-02', '2025-01-01']);
    expect(r.commits[0]!.commit).toMatch(/^[0-9a-f]{40}$/);
    const bounded = await server.request<FileCommitsRequest.Result>('scenario/fileCommits', { uri, max: 2 });
    expect(bounded.commits).toHaveLength(2);
    expect(bounded.truncated).toBe(true);
  });
});

describe('scenario/history', () => {
  it('has every version oldest first, a gap with its error count, the working copy marked', async () => {
    writeFileSync(file, SAMPLE.replace('probability 10%..25%', 'probability 30%'));
    try {
      const r = await server.request<HistoryRequest.Result>('scenario/history', { uri } satisfies HistoryRequest.Params);
      expect(r.notice).toBeNull();
      const h = r.history!;
      expect(h.max).toBe(200);
      expect(h.versions.map((v) => v.subject)).toEqual(['Op-ed model', 'Broken base <b>$(alert)</b>', 'Rapport: 40%', null]);
      expect(h.versions[1]!.outcomes).toBeNull();
      expect(h.versions[1]!.errors).toBeGreaterThan(0);
      expect(h.versions[3]!.workingCopy).toBe(true);
      const first = h.versions[0]!.outcomes!;
      const third = h.versions[2]!.outcomes!;
      expect(first.length).toBeGreaterThan(1);
      expect(first.map((o) => o.name)).toEqual(third.map((o) => o.name));
      expect(first.some((o, i) => Math.abs(o.probability - third[i]!.probability) > 1e-6)).toBe(true);
      // Warm: the same request again reads every version from the worker's cache.
      const again = await server.request<HistoryRequest.Result>('scenario/history', { uri });
      expect(again.history!.computed).toBe(0);
      expect(again.history!.cached).toBe(4);
      expect(again.history!.versions).toEqual(h.versions);
    } finally {
      writeFileSync(file, RAPPORT_40);
    }
  });

  it('says in one line that a file outside a repository has no history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-no-repo-'));
    try {
      const outside = join(dir, 'm.scenario');
      writeFileSync(outside, SAMPLE);
      const r = await server.request<HistoryRequest.Result>('scenario/history', { uri: pathToFileURL(outside).toString() });
      expect(r.history).toBeNull();
      expect(r.notice).toMatch(/not in a git repository|not a git repository/i);
      expect(r.notice).not.toContain('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenario/compare', () => {
  it('attributes the move from the first commit to the file, as scenario diff does', async () => {
    const log = await server.request<FileCommitsRequest.Result>('scenario/fileCommits', { uri });
    const oldest = log.commits[2]!.commit;
    const r = await server.request<CompareRequest.Result>('scenario/compare', { uri, rev: oldest } satisfies CompareRequest.Params);
    expect(r.notice).toBeNull();
    const d = r.diff!;
    expect(d.before.commit).toBe(oldest);
    const rapport = d.changes.find((c) => c.name === 'rapport' && c.kind === 'probability')!;
    expect(rapport.side).toBe('after');
    expect(RAPPORT_40.split('\n')[rapport.line! - 1]).toContain('probability 40%');
    const moved = d.outcomes.filter((o) => o.delta !== null && o.delta !== 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const o of moved) {
      const sum = o.attribution.reduce((s, a) => s + a.points, 0);
      expect(Math.abs(sum - o.delta!)).toBeLessThan(1e-6);
      expect(o.explanation).toMatch(/(rose|fell) from \d+% to \d+%/);
      expect(o.explanation).toContain('`rapport`');
    }
  });

  it('compares with the document as open in the editor, unsaved edits too', async () => {
    const edited = RAPPORT_40.replace('probability 10%..25%', 'probability 30%');
    server.open(uri, edited);
    try {
      const r = await server.request<CompareRequest.Result>('scenario/compare', { uri, rev: 'HEAD' });
      expect(r.notice).toBeNull();
      expect(r.diff!.changes.map((c) => `${c.kind} ${c.name}`)).toEqual(['probability trigger']);
    } finally {
      server.close(uri);
    }
  });

  it('names the side with errors, and a revision that does not exist, in one line', async () => {
    const log = await server.request<FileCommitsRequest.Result>('scenario/fileCommits', { uri });
    const broken = await server.request<CompareRequest.Result>('scenario/compare', { uri, rev: log.commits[1]!.commit });
    expect(broken.diff).toBeNull();
    expect(broken.notice).toMatch(/^the old version \(.*\) has \d+ errors?, first at line \d+/);
    const missing = await server.request<CompareRequest.Result>('scenario/compare', { uri, rev: 'no-such-branch' });
    expect(missing.diff).toBeNull();
    expect(missing.notice).toMatch(/not a revision/);
  });
});

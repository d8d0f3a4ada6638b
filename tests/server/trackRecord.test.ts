// scenario/trackRecord through the real protocol: the replayed sample's record as `scenario score`
// computes it, progress notifications per file with the request's id, and a one-line notice
// for a URI that is not a folder on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackRecordProgressNotification, TrackRecordRequest } from '../../common/protocol';
import { VersionCache } from '../../server/src/history/cache';
import { scorePaths } from '../../server/src/history/records';
import { startServer, type TestServer } from './harness';
// @ts-expect-error: a plain ES module without types
import { replayTrackRecord } from '../../scripts/replay-track-record.mjs';

let server: TestServer;
let dir: string;
const progress: TrackRecordProgressNotification.Params[] = [];

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'scenario-server-track-')), 'repo');
  (replayTrackRecord as (out: string) => string[])(dir);
  server = await startServer();
  server.connection.onNotification('scenario/trackRecordProgress', (p: TrackRecordProgressNotification.Params) => {
    progress.push(p);
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('scenario/trackRecord', () => {
  it('answers with the record scenario score computes, and reports progress per file under its id', async () => {
    const r = await server.request<TrackRecordRequest.Result>('scenario/trackRecord', { id: 7, uris: [pathToFileURL(dir).toString()] } satisfies TrackRecordRequest.Params);
    expect(r.id).toBe(7);
    expect(r.notice).toBeNull();
    const direct = await scorePaths([dir], { cache: new VersionCache() });
    expect(r.record!.questions).toEqual(direct.questions);
    expect(r.record!.summary).toEqual(direct.summary);
    expect(r.record!.summary.recordedBefore).toBe(11);
    expect(progress.filter((p) => p.id === 7).map((p) => `${p.done}/${p.total}`)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('a URI that is not a file on disk is a notice, not an error', async () => {
    const r = await server.request<TrackRecordRequest.Result>('scenario/trackRecord', { id: 8, uris: ['untitled:Untitled-1'] });
    expect(r).toEqual({ id: 8, record: null, notice: 'The track record needs a folder on disk (open a folder or a workspace).' });
    const odd = await server.request<TrackRecordRequest.Result>('scenario/trackRecord', { id: 9, uris: 'not a list' });
    expect(odd.record).toBeNull();
  });
});

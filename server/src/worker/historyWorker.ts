// The history worker (bundled as dist/historyWorker.js): the git history and diff attribution of
// the editor's requests, off the server's main loop, in a worker_threads Worker that the server
// (session/historyService.ts) starts with resourceLimits and a time limit per job. It lives as
// long as the server, so its in-memory cache of versions (by blob id) makes a second history of
// the same file read no blob and forecast nothing.
import { parentPort } from 'node:worker_threads';
import { VersionCache } from '../history/cache';
import { editorCommits, editorCompare, editorHistory } from '../history/editor';
import { describeError } from '../util/errors';

export type HistoryJob =
  | { id: number; kind: 'commits'; file: string; max?: number }
  | { id: number; kind: 'history'; file: string; max?: number }
  | { id: number; kind: 'compare'; file: string; rev: string; text: string | null };

export interface HistoryReply {
  id: number;
  result?: unknown;
  error?: string;
}

const cache = new VersionCache(null, 20_000);

async function run(job: HistoryJob): Promise<unknown> {
  switch (job.kind) {
    case 'commits':
      return editorCommits(job.file, job.max, {}, cache);
    case 'history':
      return editorHistory(job.file, job.max, cache);
    case 'compare':
      return editorCompare(job.file, job.rev, job.text);
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: HistoryJob) => {
    run(job).then(
      (result) => port.postMessage({ id: job.id, result } satisfies HistoryReply),
      (error: unknown) => port.postMessage({ id: job.id, error: describeError(error) } satisfies HistoryReply),
    );
  });
}

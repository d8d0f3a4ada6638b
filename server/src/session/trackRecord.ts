// The editor's track record (scenario/trackRecord): `scenario score` of the folders the client
// names (server/src/history/records.ts), with progress per file, and the versions' numbers kept
// in memory across requests (the history's VersionCache, by blob id), so that the page's update
// after a save reads only the new version. Git runs as child processes; each version's forecast
// is short and records.ts yields between versions, so typing is never held up for long. Never
// throws: a failure is a one-line notice.
import { VersionCache } from '../history/cache';
import { scorePaths } from '../history/records';
import { describeError } from '../util/errors';
import type { TrackRecordRequest } from '../../../common/protocol';
import { replaceControls } from '../../../common/text/controls';
import { fileOfUri } from './workspaceFiles';

const cache = new VersionCache(null, 20_000);
const MAX_URIS = 100;

export async function trackRecordFor(
  params: TrackRecordRequest.Params,
  progress: (done: number, total: number) => void,
): Promise<TrackRecordRequest.Result> {
  const id = typeof params?.id === 'number' ? params.id : 0;
  const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string').slice(0, MAX_URIS) : [];
  const paths = uris.map(fileOfUri).filter((p): p is string => p !== null);
  if (paths.length === 0) return { id, record: null, notice: 'The track record needs a folder on disk (open a folder or a workspace).' };
  try {
    const { missing: _missing, ...record } = await scorePaths(paths, { cache, progress });
    return { id, record, notice: null };
  } catch (e) {
    return { id, record: null, notice: replaceControls(describeError(e).replace(/\s*[\r\n]+\s*/g, ' ')) };
  }
}

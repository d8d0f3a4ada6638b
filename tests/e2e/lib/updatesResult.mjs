// What the e2e run measured of updates while typing, kept in the git-ignored work folder so that
// `npm run bench` can print it beside its own numbers: one file, one line format, for both.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORK } from './paths.mjs';

export const UPDATES_RESULT = path.join(WORK, 'updates-bench.json');

/** `edit -> new numbers in the preview: median 240 ms, min 180 ms over 15 edits` */
export function updatesLine({ editToPreview: e }) {
  return `edit -> new numbers in the preview: median ${e.medianMs} ms, min ${e.minMs} ms, max ${e.maxMs} ms over ${e.edits} edits`;
}

/** `inlay hints while typing: 285 samples, none "(earlier version)", …`, or null when not measured. */
export function inlayHintsLine({ inlayHints: h }) {
  if (!h) return null;
  return `inlay hints while typing: ${h.samples} samples, ${h.earlierVersion} with "(earlier version)", ` +
    `"${h.steady}" right after the name (trimmed to the same width by VS Code in ${h.trimmedByVsCode})`;
}

/** Which run produced the numbers. */
export function updatesSource({ run, editToPreview }) {
  return `${editToPreview.sample}, from ${run.command} at ${run.at}, commit ${run.commit}` +
    `${run.uncommitted ? ' with uncommitted changes' : ''}, ${run.editor}`;
}

export function writeUpdatesResult(result) {
  writeFileSync(UPDATES_RESULT, `${JSON.stringify(result, null, 2)}\n`);
}

/** The last run's result, or null when there is none (or it cannot be read). */
export function readUpdatesResult() {
  if (!existsSync(UPDATES_RESULT)) return null;
  try {
    return JSON.parse(readFileSync(UPDATES_RESULT, 'utf8'));
  } catch {
    return null;
  }
}

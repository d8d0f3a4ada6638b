// `scenario textconv FILE`: what `git diff` and `git log -p` should show of a .scenario file (a
// git textconv driver, README "Forecast changes in plain git"): the file's text as it is, then
// one comment line per outcome with its forecast, so a diff shows the lines that changed and the
// numbers that moved with them. Deterministic (no timing), probabilities only (fast: git runs it
// once per version shown). A file with errors gets one line that says so instead of numbers.
// A file that imports reads its imports as `scenario history` does: the working copy from the
// disk, a copy of a committed version from that version's commit (the newest commit that gave a
// file its blob: git hands the driver only a temporary copy).
// Always exits 0 with the text when the file can be read, so git still shows the text diff.
import * as fs from 'node:fs';
import { formatPercent, formatCount } from '../../../common/text/numbers';
import { replaceControls } from '../../../common/text/controls';
import type { VersionSummary } from '../history/cache';
import { copySummary, summarizeText } from '../history/versions';
import type { ImportRoot } from '../model/imports/host';
import { blobText } from '../history/git';
import { phraseFor } from '../syntax/vocabulary';
import type { CommandResult } from './forecast';

export const TEXTCONV_MARK = '// ---- forecast (scenario textconv) ----';

export async function runTextconv(file: string, options: { root?: ImportRoot; readFile?: (f: string) => Buffer } = {}): Promise<CommandResult> {
  let bytes: Buffer;
  let text: string;
  try {
    bytes = (options.readFile ?? fs.readFileSync)(file);
    text = blobText(bytes, 'input');
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `scenario textconv: ${replaceControls((e as Error).message)}\n` };
  }
  let summary: VersionSummary | Error;
  try {
    summary = await copySummary(file, bytes, { root: options.root });
  } catch (e) {
    summary = e as Error;
  }
  return { output: textconv(text, summary), exitCode: 0, errorOutput: '' };
}

/** The text, then the forecast as comment lines (`// forecast democracy_push: 76% (likely)`). */
export function textconv(text: string, given?: VersionSummary | Error): string {
  const lines = [text.endsWith('\n') || text.length === 0 ? text.replace(/\n$/, '') : text, '', TEXTCONV_MARK];
  let summary: VersionSummary;
  try {
    if (given instanceof Error) throw given;
    summary = given ?? summarizeText(text);
  } catch (e) {
    lines.push(`// no forecast: ${oneLine((e as Error).message)}`);
    return `${lines.join('\n')}\n`;
  }
  if (summary.outcomes === null) {
    const errors = `${formatCount(summary.errors)} error${summary.errors === 1 ? '' : 's'}`;
    lines.push(summary.importError ? `// no forecast: ${errors}, ${oneLine(summary.importError)}` : `// no forecast: ${errors} (scenario check shows them)`);
  } else {
    const sampling = summary.method === 'monte-carlo' ? summary.samples : undefined;
    for (const o of summary.outcomes) lines.push(`// forecast ${o.name}: ${formatPercent(o.probability, sampling)} (${phraseFor(o.probability).phrase})`);
  }
  return `${lines.join('\n')}\n`;
}

const oneLine = (s: string) => replaceControls(s.replace(/\s*[\r\n]+\s*/g, ' '));

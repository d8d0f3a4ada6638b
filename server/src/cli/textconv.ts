// `scenario textconv FILE`: what `git diff` and `git log -p` should show of a .scenario file (a
// git textconv driver, README "Forecast changes in plain git"): the file's text as it is, then
// one comment line per outcome with its forecast, so a diff shows the lines that changed and the
// numbers that moved with them. Deterministic (no timing), probabilities only (fast: git runs it
// once per version shown). A file with errors gets one line that says so instead of numbers.
// Always exits 0 with the text when the file can be read, so git still shows the text diff.
import * as fs from 'node:fs';
import { formatPercent, formatCount } from '../../../common/text/numbers';
import { replaceControls } from '../../../common/text/controls';
import { summarizeText } from '../history/versions';
import { blobText } from '../history/git';
import { phraseFor } from '../syntax/vocabulary';
import type { CommandResult } from './forecast';

export const TEXTCONV_MARK = '// ---- forecast (scenario textconv) ----';

export function runTextconv(file: string, readFile: (f: string) => Buffer = fs.readFileSync): CommandResult {
  let text: string;
  try {
    text = blobText(readFile(file), 'input');
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `scenario textconv: ${replaceControls((e as Error).message)}\n` };
  }
  return { output: textconv(text), exitCode: 0, errorOutput: '' };
}

/** The text, then the forecast as comment lines (`// forecast democracy_push: 76% (likely)`). */
export function textconv(text: string): string {
  const lines = [text.endsWith('\n') || text.length === 0 ? text.replace(/\n$/, '') : text, '', TEXTCONV_MARK];
  let summary: ReturnType<typeof summarizeText>;
  try {
    summary = summarizeText(text);
  } catch (e) {
    lines.push(`// no forecast: ${replaceControls((e as Error).message)}`);
    return `${lines.join('\n')}\n`;
  }
  if (summary.outcomes === null) {
    lines.push(`// no forecast: ${formatCount(summary.errors)} error${summary.errors === 1 ? '' : 's'} (scenario check shows them)`);
  } else {
    const sampling = summary.method === 'monte-carlo' ? summary.samples : undefined;
    for (const o of summary.outcomes) lines.push(`// forecast ${o.name}: ${formatPercent(o.probability, sampling)} (${phraseFor(o.probability).phrase})`);
  }
  return `${lines.join('\n')}\n`;
}

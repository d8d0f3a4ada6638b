// `scenario draft TEXT_FILE [-o OUT]` (LANGUAGE.md, More commands): a first model from an
// analyst's prose, on stdout or into OUT. Exit 0 with a draft; 1 when the text has nothing to
// draft from (no sentences); 2 for a usage error, an unreadable, binary or too large file.
import * as fs from 'node:fs';
import { basename } from 'node:path';
import { binaryProblem } from '../prose/check';
import { draftFromText } from '../prose/draft';
import { PROSE_LIMITS } from '../prose/segment';

export interface DraftRun {
  output: string;
  errorOutput: string;
  exitCode: 0 | 1 | 2;
}

export interface DraftIo {
  readFile(file: string): Buffer;
  writeFile(file: string, text: string): void;
  size(file: string): number;
}

const realIo: DraftIo = {
  readFile: (file) => fs.readFileSync(file),
  writeFile: (file, text) => fs.writeFileSync(file, text, 'utf8'),
  size: (file) => fs.statSync(file).size,
};

export function runDraft(file: string, options: { output?: string }, io: DraftIo = realIo): DraftRun {
  const fail = (message: string, exitCode: 1 | 2): DraftRun => ({ output: '', errorOutput: `scenario draft: ${file}: ${message}\n`, exitCode });
  let text: string;
  try {
    // Bounded before it is read: a text of many megabytes is refused, not loaded.
    const size = io.size(file);
    if (size > PROSE_LIMITS.maxChars * 3) return fail(`the file is too large to draft from (${(size / 1e6).toFixed(1)} MB)`, 2);
    text = io.readFile(file).toString('utf8');
  } catch (e) {
    return fail(`cannot read the file (${(e as Error).message})`, 2);
  }
  const binary = binaryProblem(text);
  if (binary) return fail(binary, 2);
  const name = basename(file).replace(/\.(txt|text|md|markdown)$/i, '') || 'the text';
  const draft = draftFromText(text.replace(/^\uFEFF/, ''), { sourceName: name });
  if (draft.text === null) return fail(draft.message ?? 'nothing to draft from', draft.message?.includes('too large') ? 2 : 1);
  const summary = `scenario draft: ${draft.outcomes} outcome${draft.outcomes === 1 ? '' : 's'} and ${draft.factors} factor${draft.factors === 1 ? '' : 's'} from ${file}`;
  if (options.output) {
    try {
      io.writeFile(options.output, draft.text);
    } catch (e) {
      return { output: '', errorOutput: `scenario draft: cannot write ${options.output} (${(e as Error).message})\n`, exitCode: 2 };
    }
    return { output: '', errorOutput: `${summary}, written to ${options.output}\n`, exitCode: 0 };
  }
  return { output: draft.text, errorOutput: '', exitCode: 0 };
}

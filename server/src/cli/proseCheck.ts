// `scenario check draft.md`: a draft in prose checked against the model it names (LANGUAGE.md,
// "Drafts in prose"), as records of the same shape as a .scenario file's diagnostics. The model is
// analysed and forecast by the one analysis (analysis/analyzeSource.ts), with its imports read
// from the disk inside `--root` as `scenario check` reads them (cli/imports.ts).
import { dirname, resolve } from 'node:path';
import { analyzeSource, type JudgmentForecast } from '../analysis/analyzeSource';
import { binaryProblem, checkProse, proseModelOf, type ProseModel } from '../prose/check';
import { modelReference } from '../prose/modelRef';
import { LineIndex } from '../syntax/lines';
import type { CheckRecord } from './check';
import { cliImports } from './imports';

export interface DraftCheck {
  records: CheckRecord[];
  /** A reason the draft could not be checked (for stderr, exit 2), or null. */
  problem: string | null;
}

/** The model a draft names, analysed and forecast; a problem when it cannot be. */
export function draftModel(file: string, text: string, readFile: (file: string, encoding: 'utf8') => string, forecast: JudgmentForecast,
  root?: string): { model: ProseModel | null; problem: string | null } {
  const ref = modelReference(text);
  if (!ref) return { model: null, problem: null };
  if (ref.problem) return { model: null, problem: `${file}: error: the model ${JSON.stringify(ref.path)} cannot be used: ${ref.problem}` };
  const path = resolve(dirname(file), ref.path);
  let source: string;
  try {
    source = readFile(path, 'utf8');
  } catch (e) {
    return { model: null, problem: `${file}: error: cannot read its model ${JSON.stringify(ref.path)} (${(e as Error).message})` };
  }
  // Its own import graph: the model is read for the draft, not reported as a file checked.
  const imports = cliImports(root);
  const read = imports.graph.file(imports.add(path, source));
  const analysis = 'analysis' in read
    ? analyzeSource({ text: source, document: read.analysis.document, imports: read.context }, forecast)
    : analyzeSource({ text: source }, forecast);
  const declared = [...analysis.model.variables.values()].filter((v) => v.kind === 'outcome').map((v) => ({ name: v.name, label: v.label }));
  return { model: proseModelOf(analysis.forecast, declared), problem: null };
}

export function checkDraftText(file: string, text: string, readFile: (file: string, encoding: 'utf8') => string, forecast: JudgmentForecast,
  root?: string): DraftCheck {
  const binary = binaryProblem(text);
  if (binary) return { records: [], problem: `${file}: error: ${binary}` };
  const { model, problem } = draftModel(file, text, readFile, forecast, root);
  if (problem) return { records: [], problem };
  const checked = checkProse(text, model);
  if (checked.notice) return { records: [], problem: `${file}: error: ${checked.notice}` };
  const lines = new LineIndex(text);
  return {
    problem: null,
    records: checked.diagnostics.map((d) => {
      const start = lines.positionAt(d.start);
      const end = lines.positionAt(d.end);
      return {
        file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
        severity: d.severity, code: d.code, message: d.message,
      };
    }),
  };
}

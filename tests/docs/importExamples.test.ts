// The models with imports shown in README.md and docs/language.md must be valid too: every fenced
// block that starts with an `import` checks with no errors or warnings as a file saved beside the
// sample questions (samples/pakistan/), whose library it imports, and forecasts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { ImportGraph } from '../../server/src/analysis/importGraph';
import { forecast } from '../../server/src/engine/forecast';
import { diskImportHost } from '../../server/src/model/imports/diskHost';
import { overlayHost } from '../../server/src/model/imports/host';
import { repoRoot } from '../fixture';

const IMPORT_START = /^(\/\/.*\n)*\s*import\s+"/;

function importBlocks(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const blocks = [...text.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  return blocks.filter((b) => IMPORT_START.test(b));
}

describe.each(['README.md', 'docs/language.md'])('models with imports in %s', (file) => {
  const blocks = importBlocks(file);

  it('has one', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b, i) => [i, b] as const))('block %i checks clean beside samples/pakistan\'s questions, and forecasts', (_i, block) => {
    const path = join(repoRoot, 'samples', 'pakistan', 'docs-example.scenario');
    const graph = new ImportGraph(overlayHost(diskImportHost, (p) => (p === path ? block : undefined)), { path: repoRoot, name: 'the repository' });
    const read = graph.file(path);
    if (!('analysis' in read)) throw new Error(read.problem);
    const { diagnostics, forecast: result } = analyzeSource(
      { text: read.text, document: read.analysis.document, imports: read.context }, (model) => forecast(model));
    expect(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(read.analysis.model.inputs.every((i) => i.origin !== undefined)).toBe(true);
    expect(result!.outcomes.length).toBeGreaterThan(0);
  });
});

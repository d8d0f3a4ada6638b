// The models shown to users in README.md and docs/ must be valid: every fenced block that starts
// with a declaration checks with no errors or warnings, and forecasts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { forecast } from '../../server/src/engine/forecast';
import type { Forecast } from '../../common/forecast';

const DECLARATION_START = /^(\/\/.*\n)*\s*(scenario\s+"|(factor|event|outcome)\s+[A-Za-z]|alternative\s+")/;

function modelBlocks(file: string): string[] {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const blocks: string[] = [];
  let open: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      if (open) blocks.push(open.join('\n'));
      open = open ? null : [];
    } else if (open) {
      open.push(line);
    }
  }
  return blocks.filter((b) => DECLARATION_START.test(b));
}

describe.each(['README.md', 'docs/language.md', 'docs/track-record.md'])('models in %s', (file) => {
  const blocks = modelBlocks(file);

  it('has at least one model', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b, i) => [i, b] as const))('block %i checks clean and forecasts', (_i, block) => {
    // The one analysis, with the checks found against the forecast (judgment, observe-impossible).
    let result: Forecast | null = null;
    const { diagnostics } = analyzeSource({ text: block }, (model) => (result = forecast(model)));
    const problems = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    expect(problems).toEqual([]);
    expect(result!.outcomes.length).toBeGreaterThan(0);
  });
});

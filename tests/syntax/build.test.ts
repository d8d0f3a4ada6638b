// The syntax tree is built by walking ohm's concrete syntax tree directly (build.ts). It must
// equal what the ohm-semantics builder it replaced produces, on every kind of statement and
// token, wherever the tokens sit (spaces, line breaks, comments between them).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeclaration } from '../../server/src/syntax/build';
import { START_RULES, scenarioGrammar } from '../../server/src/syntax/grammar';
import { scanDocument } from '../../server/src/syntax/scan';
import { buildWithSemantics } from './semanticsReference';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

/** Every declaration of a file, built both ways; how many matched and failed. */
function compareAll(text: string): { matched: number; failed: number } {
  let matched = 0;
  let failed = 0;
  for (const chunk of scanDocument(text).chunks) {
    if (chunk.keyword === null) continue;
    const chunkText = text.slice(chunk.start, chunk.end);
    const result = scenarioGrammar.match(chunkText, START_RULES[chunk.keyword]);
    if (result.failed()) {
      failed++;
      continue;
    }
    expect(buildDeclaration(result, chunkText), chunkText).toEqual(buildWithSemantics(result));
    matched++;
  }
  return { matched, failed };
}

const EVERY_FORM = `
scenario "Every \\"form\\" \\\\ of it" { question "Q?"; horizon 2025-01-20 to 2026-1-2
  samples 20_000 seed -7 note "n" source "s" }
factor f1 { probability 35% }
factor f2 "label" { probability 0.4 ; note "x" }
event e1 "L" {
  probability   20 %  ..  35%
  source "a\\qb"
}
event e2 { probability 20% to 35% }
factor f3 { probability roughly   even
  odds }
factor f4 { probability almost no chance }
factor f5 { probability very likely } factor f6 { probability may }
factor naïve_ü { probability 150% }
outcome o1 "O" {
  base 30%
  f1 raises weakly
  f2 lowers x3
  e1 raises x 2..5
  e2 lowers ×1.5 to X4
  f3 // a comment between tokens
    raises
    decisively
  naïve_ü raises x0.5..x2
  judged likely
  note "n"
}
alternative "What if" {
  f1 95%..99%
  f2 base 10%
  given not e1
  given e2
  observe o1; observe // a comment between tokens
    not f3
  note "why"; source "where"
}
`;

describe('buildDeclaration (direct CST walk)', () => {
  it('equals the ohm-semantics builder on every statement and token form', () => {
    expect(compareAll(EVERY_FORM)).toEqual({ matched: 12, failed: 0 });
  });

  it('equals it on the samples and the language fixture', () => {
    const samples = new URL('../../samples/', import.meta.url);
    const files = readdirSync(samples).filter((f) => f.endsWith('.scenario'));
    expect(files.length).toBeGreaterThan(0);
    let matched = 0;
    for (const file of files) matched += compareAll(readFileSync(new URL(file, samples), 'utf8')).matched;
    matched += compareAll(LANGUAGE_EXAMPLE).matched;
    expect(matched).toBeGreaterThan(20);
  });
});

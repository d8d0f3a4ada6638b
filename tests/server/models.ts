// Scenario texts for the server tests and the bench: the normative example of LANGUAGE.md and
// generated models of any size.
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

/** The example of LANGUAGE.md (normative): valid, no errors, 4 inputs, 3 outcomes, 2 alternatives. */
export const SAMPLE = LANGUAGE_EXAMPLE;

const STRENGTH_WORDS = ['weakly', 'moderately', 'strongly'];
const PHRASE_WORDS = ['likely', 'unlikely', 'very likely', 'roughly even chance', '35%', '20%..40%', '0.6'];

/**
 * A valid model of about `lines` lines: blocks of 4 factors driving 1 outcome (9 + 9 lines per
 * block with notes), so every factor is used and the variables grow with the size.
 */
export function generateModel(lines: number, options: { samples?: number } = {}): string {
  const out: string[] = [
    'scenario "Generated" {',
    '  question "How does a generated model behave?"',
    `  samples ${options.samples ?? 20000}`,
    '  seed 7',
    '}',
    '',
  ];
  for (let block = 0; out.length < lines; block++) {
    const names: string[] = [];
    for (let f = 0; f < 4; f++) {
      const name = `f${block}_${f}`;
      names.push(name);
      out.push(`factor ${name} "Factor ${block}.${f}" {`);
      out.push(`  probability ${PHRASE_WORDS[(block + f) % PHRASE_WORDS.length]}`);
      out.push(`  note "Generated factor number ${f} of block ${block}."`);
      out.push('}');
      out.push('');
    }
    out.push(`outcome o${block} "Outcome ${block}" {`);
    out.push(`  base ${10 + (block % 7) * 10}%`);
    names.forEach((name, i) => out.push(`  ${name} ${i % 3 === 2 ? 'lowers' : 'raises'} ${STRENGTH_WORDS[(block + i) % 3]}`));
    out.push('  judged likely');
    out.push('}');
    out.push('');
  }
  return out.join('\n');
}

/**
 * A model whose forecast is slow: `inputs` uncertain factors (too many to enumerate, so Monte
 * Carlo) driving `outcomes` outcomes, with the largest sample count.
 */
export function slowModel(inputs = 400, outcomes = 40): string {
  const out: string[] = ['scenario "Slow" {', '  samples 1000000', '}', ''];
  for (let i = 0; i < inputs; i++) out.push(`factor s${i} { probability 20%..80% }`);
  for (let o = 0; o < outcomes; o++) {
    out.push(`outcome r${o} {`, '  base 10%..30%');
    for (let i = o; i < inputs; i += outcomes) out.push(`  s${i} raises x1.5..3`);
    out.push('}');
  }
  out.push('alternative "All up" {');
  for (let i = 0; i < inputs; i += 10) out.push(`  given s${i}`);
  out.push('}');
  return out.join('\n');
}

/**
 * A model no machine forecasts in seconds: 1,000 variables whose outcomes each have 8 drivers among
 * the 40 declared just before (too dense for exact inference), at 1,000,000 samples: over 10^9
 * variable-samples of Monte Carlo. For tests of what a forecast running long does.
 */
export function longModel(): string {
  const out: string[] = ['scenario "Long" {', '  samples 1000000', '}', ''];
  const names: string[] = [];
  let state = 7;
  const next = (k: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % k);
  for (let i = 0; i < 1000; i++) {
    if (i < 40) {
      out.push(`factor f${i} { probability 20%..80% }`);
      names.push(`f${i}`);
      continue;
    }
    out.push(`outcome o${i} {`, '  base 10%..30%');
    const drivers = new Set<string>();
    while (drivers.size < 8) drivers.add(names[names.length - 1 - next(40)]!);
    for (const d of drivers) out.push(`  ${d} raises x1.5..3`);
    out.push('}');
    names.push(`o${i}`);
  }
  return out.join('\n');
}

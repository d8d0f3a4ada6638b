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

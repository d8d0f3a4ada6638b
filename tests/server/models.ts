// Scenario texts for the server tests and the bench: the normative example of LANGUAGE.md and
// generated models of any size.

/** The example of LANGUAGE.md (normative): valid, no errors, 4 inputs, 3 outcomes, 2 alternatives. */
export const SAMPLE = `// US–Pakistan relations in the first year of Trump's second term
scenario "US–Pakistan relations, 2025" {
  question "Where will US–Pakistan relations stand at the end of 2025?"
  horizon 2025-01-20 to 2026-01-20
  samples 50000
  seed 2025
}

factor crisis "Pakistan's political, constitutional and economic crises" {
  probability almost certain
  note "Election-fraud allegations against the governing coalition."
  source "op-ed, paragraph 2"
}

factor khan_popular "Imran Khan and the PTI remain the most popular force" {
  probability very likely
}

factor rapport "Trump and Khan keep a positive relationship" {
  probability 55%..75%
}

event attack "A major terror attack touches US interests" {
  probability 10%..25%
}

outcome democracy_push "Washington presses Islamabad on democracy and free speech" {
  base 20%
  crisis raises moderately
  khan_popular raises moderately
  rapport raises moderately
  judged likely
}

outcome trade_up "US–Pakistan trade grows" {
  base 50%
  crisis raises weakly
  judged likely
}

outcome security_ties "Washington re-engages Islamabad on counter-terrorism" {
  base 0.10
  attack raises x5..12
  democracy_push lowers weakly
  judged very unlikely
}

alternative "Khan released" {
  rapport 85%..95%
  khan_popular almost certain
}

alternative "Attack happens" {
  given attack
}
`;

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

// Generates a realistic .scenario file of about `lines` lines: factors, events, outcomes with
// drivers, alternatives, comments; every name unique. Deterministic (no randomness); `salt`
// goes into every name, so files generated with different salts share no declaration text.
const PHRASES = ['likely', 'very likely', 'unlikely', 'almost certain', 'roughly even odds', 'probable'];
const STRENGTHS = ['weakly', 'moderately', 'strongly', 'decisively', 'x3', 'x2..5'];

export function generateScenario(lines, salt = 'g') {
  const out = [
    '// Generated model for benchmarks',
    'scenario "Generated benchmark" {',
    '  question "What happens by the end of the horizon?"',
    '  horizon 2025-01-20 to 2026-01-20',
    '  samples 20000',
    '  seed 7',
    '}',
    '',
  ];
  const drivers = [];
  for (let i = 0; out.length < lines; i++) {
    const k = i % 4;
    if (k === 0 || k === 1) {
      const kind = k === 0 ? 'factor' : 'event';
      const name = `${kind}_${salt}_${i}`;
      drivers.push(name);
      const p = i % 3 === 0 ? `${10 + (i % 80)}%..${15 + (i % 80)}%` : i % 3 === 1 ? PHRASES[i % PHRASES.length] : `0.${10 + (i % 89)}`;
      out.push(`${kind} ${name} "Condition number ${i} holds over the horizon" {`);
      out.push(`  probability ${p}`);
      out.push(`  note "Assessment ${i}: based on reporting up to the start of the horizon."`);
      out.push(`  source "report ${i}, paragraph ${i % 7}"`);
      out.push('}', '');
    } else if (k === 2) {
      const name = `outcome_${salt}_${i}`;
      out.push(`// Outcome ${i}`);
      out.push(`outcome ${name} "Outcome number ${i} happens" {`);
      out.push(`  base ${5 + (i % 60)}%`);
      for (let d = 1; d <= 3 && d <= drivers.length; d++) {
        const driver = drivers[drivers.length - d];
        out.push(`  ${driver} ${d % 2 ? 'raises' : 'lowers'} ${STRENGTHS[(i + d) % STRENGTHS.length]}`);
      }
      out.push(`  judged ${PHRASES[i % PHRASES.length]}`);
      out.push('}', '');
    } else {
      out.push(`alternative "What if ${i}" {`);
      out.push(`  ${drivers[drivers.length - 1]} 85%..95%`);
      out.push(`  given not ${drivers[drivers.length - 2]}`);
      out.push('}', '');
    }
  }
  return out.join('\n');
}

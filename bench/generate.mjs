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

/**
 * A Monte Carlo model of `variables` variables, as a .scenario file and as the equivalent
 * Squiggle program, both from one structure (for the whole-process comparison in startup.mjs).
 * The first `inputs` variables are factors and events, true with an uncertain probability
 * (uniform over a range); every other is an outcome whose odds start at an uncertain base
 * (uniform) and are multiplied or divided by an uncertain K (log-uniform over x2..5-like ranges)
 * for each of its `drivers` drivers that holds, i.e. P = logistic(logit(base) ± Σ ln K), drivers
 * drawn from the 12 variables declared just before (outcomes drive outcomes too).
 * Deterministic: the same arguments give the same texts.
 */
export function generateMonteCarloModel(variables = 60, { inputs = Math.round(variables * 0.4), drivers = 3, seed = 11 } = {}) {
  let state = seed;
  const next = (k) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % k);
  const vars = [];
  for (let i = 0; i < variables; i++) {
    const low = 5 + next(50);
    const range = [low / 100, (low + 5 + next(25)) / 100];
    if (i < inputs) {
      vars.push({ name: `f${i}`, kind: next(3) === 0 ? 'event' : 'factor', range });
      continue;
    }
    const chosen = new Set();
    while (chosen.size < Math.min(drivers, i)) chosen.add(i - 1 - next(Math.min(12, i)));
    const links = [...chosen].map((d) => {
      const k = 1.5 + next(3);
      return { driver: vars[d].name, sign: next(4) === 0 ? -1 : 1, k: [k, k + 1 + next(4)] };
    });
    vars.push({ name: `o${i}`, kind: 'outcome', range, links });
  }
  const pct = (x) => `${Math.round(x * 100)}%`;
  const scenario = [
    `scenario "Generated Monte Carlo model, ${variables} variables" {`, '  samples 20000', '  seed 7', '}', '',
  ];
  const squiggle = [`// The same ${variables}-variable model as the .scenario file, one sample set per variable.`];
  const bernoulli = (name, p) => `${name} = SampleSet.map2(SampleSet.fromDist(uniform(0, 1)), ${p}, {|u, q| u < q ? 1 : 0})`;
  for (const v of vars) {
    const [a, b] = v.range;
    if (v.kind !== 'outcome') {
      scenario.push(`${v.kind} ${v.name} { probability ${pct(a)}..${pct(b)} }`);
      squiggle.push(bernoulli(v.name, `uniform(${a}, ${b})`));
      continue;
    }
    scenario.push(`outcome ${v.name} {`, `  base ${pct(a)}..${pct(b)}`);
    for (const l of v.links) scenario.push(`  ${l.driver} ${l.sign > 0 ? 'raises' : 'lowers'} x${l.k[0]}..${l.k[1]}`);
    scenario.push('}');
    squiggle.push(`${v.name}_base = uniform(${a}, ${b})`);
    const terms = v.links.map((l) => ` ${l.sign > 0 ? '+' : '-'} ${l.driver} * uniform(log(${l.k[0]}), log(${l.k[1]}))`);
    squiggle.push(`${v.name}_p = 1 / (1 + exp(-(log(${v.name}_base / (1 - ${v.name}_base))${terms.join('')})))`);
    squiggle.push(bernoulli(v.name, `${v.name}_p`));
  }
  const outcomes = vars.filter((v) => v.kind === 'outcome');
  squiggle.push(`{${outcomes.map((v) => `${v.name}: mean(${v.name}_p)`).join(', ')}}`);
  return {
    scenario: `${scenario.join('\n')}\n`,
    squiggle: `${squiggle.join('\n')}\n`,
    size: {
      variables, inputs, outcomes: outcomes.length, drivers,
      factors: vars.filter((v) => v.kind === 'factor').length, events: vars.filter((v) => v.kind === 'event').length,
    },
  };
}

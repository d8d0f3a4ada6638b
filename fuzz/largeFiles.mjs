// Large generated files, shared by bench/memory.mjs, tests/server/memory.test.ts and the fuzz
// campaign's server target (plain JavaScript so the bench can import it without a build).

/**
 * About `chars` characters of factors, ~50 characters each (20,000 factors in 990,000), the shape
 * of issue 15's failure; with `withOutcome`, one outcome driven by 20 of them.
 */
export function factorsFile(chars, withOutcome = false) {
  const outcome = withOutcome
    ? ['outcome o "One outcome" {', '  base 20%', ...Array.from({ length: 20 }, (_, i) => `  f${i} raises weakly`), '}', ''].join('\n')
    : '';
  const target = chars - outcome.length;
  const out = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const block = `factor f${i} "Factor ${i}" {\n  probability ${10 + (i % 80)}%\n}\n`;
    if (length + block.length > target) break;
    out.push(block);
    length += block.length;
  }
  return out.join('') + outcome;
}

/**
 * About `chars` characters of empty factors (`factor f1{}`, 11 characters): the most declarations,
 * checks and diagnostics (each is missing its probability and unused) per character.
 */
export function emptyDeclarationsFile(chars) {
  const out = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const line = `factor f${i}{}\n`;
    if (length + line.length > chars) break;
    out.push(line);
    length += line.length;
  }
  return out.join('');
}

/**
 * A realistic model of about `lines` lines (and at most `maxChars` characters): blocks of four
 * factors and the outcome they drive.
 */
export function realisticFile(lines, maxChars = Infinity) {
  const out = ['scenario "Generated" {', '  samples 20000', '}', ''];
  let length = out.join('\n').length;
  for (let block = 0; out.length < lines; block++) {
    const lines = [];
    const names = [];
    for (let f = 0; f < 4; f++) {
      names.push(`f${block}_${f}`);
      lines.push(`factor f${block}_${f} "Factor ${block}.${f}" {`, `  probability ${['likely', '35%', '20%..40%'][f % 3]}`,
        `  note "Generated factor number ${f} of block ${block}."`, '}', '');
    }
    lines.push(`outcome o${block} "Outcome ${block}" {`, `  base ${10 + (block % 7) * 10}%`);
    names.forEach((name, i) => lines.push(`  ${name} ${i % 3 === 2 ? 'lowers' : 'raises'} moderately`));
    lines.push('}', '');
    const added = lines.join('\n').length + 1;
    if (length + added > maxChars) break;
    out.push(...lines);
    length += added;
  }
  return out.join('\n');
}

/**
 * Where a one-character edit goes: the first digit of the name of the first factor at or after
 * fraction `at` (0..1) of the text. Retyping it keeps the file's shape (a name may clash).
 */
export function nameDigitAt(text, at) {
  const found = text.indexOf('factor f', Math.floor(at * text.length));
  return (found < 0 ? text.indexOf('factor f') : found) + 'factor f'.length;
}

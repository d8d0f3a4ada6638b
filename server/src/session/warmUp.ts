// Warms the parser and the checks up in the idle moments after `initialize` is answered. Before
// V8 has compiled them, ohm's matcher and our tree building run about three times slower, and
// the first document's check is the one an analyst waits for. Each round is real work on the
// same code paths: the parse and check of a small built-in model, renamed per round so nothing
// comes from the parser's cache (and its chunks are dropped from the cache afterwards). Rounds
// are small and stop as soon as a document is open, so a real check waits for one round at most.
import { analyze, type Analysis } from '../model/analyze';
import type { ScenarioDocument } from '../syntax/ast';
import { chunkCache } from '../syntax/chunk';
import { scanDocument } from '../syntax/scan';

/** A small model with every declaration and most statement forms; `r` makes its names unique. */
export function warmUpText(r: number, blocks = 4): string {
  const out = [
    `scenario "Warm-up ${r}" {`,
    '  question "Does the parser answer quickly?"',
    '  horizon 2025-01-01 to 2026-01-01',
    '  samples 1000',
    '  seed 1',
    '}',
    '',
  ];
  for (let b = 0; b < blocks; b++) {
    const n = `${r}_${b}`;
    out.push(
      `// Block ${b}`,
      `factor warm_a${n} "A factor that holds" {`, '  probability likely', '  note "Why it holds."', '  source "Where it is said."', '}',
      `event warm_b${n} {`, '  probability 20%..30%', '}',
      `factor warm_c${n} { probability 0.4 }`,
      `outcome warm_o${n} "An outcome" {`, '  base 30%', `  warm_a${n} raises strongly`, `  warm_b${n} lowers x2..3`,
      `  warm_c${n} raises weakly`, '  judged roughly even chance', '}',
      `outcome warm_p${n} {`, '  base 10%', `  warm_o${n} raises moderately`, '  judged unlikely', '}',
      `alternative "What if ${n}" {`, `  warm_a${n} 90%`, `  warm_p${n} base 15%`, `  given not warm_b${n}`, '}',
      '',
    );
  }
  return out.join('\n');
}

/** One round: parse and check the built-in model, then drop its chunks from the parser's cache. */
export function warmUpRound(r: number): Analysis & { document: ScenarioDocument } {
  const text = warmUpText(r);
  const analysis = analyze(text);
  for (const chunk of scanDocument(text).chunks) chunkCache.delete(text.slice(chunk.start, chunk.end));
  return analysis;
}

/** Runs up to `rounds` rounds, one per turn of the event loop, while `idle()` holds. */
export function warmUpWhileIdle(idle: () => boolean, rounds = 6, round: (r: number) => unknown = warmUpRound): void {
  let r = 0;
  const step = (): void => {
    if (r >= rounds || !idle()) return;
    try {
      round(r++);
    } catch {
      return; // a warm-up is an optimisation only
    }
    setImmediate(step);
  };
  setImmediate(step);
}

// Monte Carlo samples of worlds run by frontier.wat, block by block, where nothing but the worlds
// and the sums are wanted (no swings, no outcome with θ drawn per sample): the sampled worlds of an
// exact forecast. The same numbers to the last bit as montecarlo.ts's JavaScript loop (a test
// compares them), which a cold CLI interpreted for a tenth of its forecast. The worlds are counted
// in JavaScript (worlds.ts) from each block's values.
import type { CompiledModel } from './compile';
import { kernelInstance, MemoryLayout } from './kernelPool';
import kernelBytes from './frontier.wat';
import type { KernelExports } from './frontierKernel';
import { TO_UNIT, type UniformBlocks } from './random';
import type { SampleTables } from './worldDraw';
import type { WorldCounter } from './worlds';

/** Samples per call, and how often the stopping rule is asked (montecarlo.ts asks at its multiples too). */
export const WORLD_BLOCK = 512;

/**
 * Samples 0 … samples − 1 (padded tables, see SampleTables) into `sum` (per variable) and
 * `squares` (per outcome), each world counted in `worlds`. `enough` (as monteCarlo's), asked
 * after every block, can stop early. Returns the samples drawn.
 */
export function sampleWorldsInKernel(
  c: CompiledModel, tables: SampleTables, samples: number, uniforms: UniformBlocks, worlds: WorldCounter,
  sum: Float64Array, squares: Float64Array, checkCancelled: () => void,
  enough: ((samples: number, largestWorld: number) => boolean) | null,
): number {
  const { n, outcomes } = c;
  const padded = tables.padded!;
  const stride = n + 1;
  const layout = new MemoryLayout(0);
  const at = {
    state: layout.take(16),
    table: layout.take(8 * tables.table.length),
    tableStart: layout.take(4 * n, 4),
    padded: layout.take(4 * padded.length, 4),
    sum: layout.take(8 * n),
    squares: layout.take(8 * outcomes.length),
    outcomes: layout.take(4 * outcomes.length, 4),
    u: layout.take(8 * n),
    conditional: layout.take(8 * n),
    xs: layout.take(stride * WORLD_BLOCK, 1),
  };
  const kernel = kernelInstance(kernelBytes, layout.bytes).exports as unknown as KernelExports;
  const buffer = kernel.memory.buffer;
  const f64 = new Float64Array(buffer);
  const i32 = new Int32Array(buffer);
  const bytes = new Uint8Array(buffer);
  f64.set(tables.table, at.table / 8);
  i32.set(tables.tableStart, at.tableStart / 4);
  i32.set(padded, at.padded / 4);
  f64.fill(0, at.sum / 8, at.sum / 8 + n);
  f64.fill(0, at.squares / 8, at.squares / 8 + outcomes.length);
  i32.set(outcomes, at.outcomes / 4);
  uniforms.saveState(i32, at.state / 4);
  let drawn = 0;
  while (drawn < samples) {
    if ((drawn & 1023) === 0) checkCancelled();
    const count = Math.min(WORLD_BLOCK, samples - drawn);
    kernel.worldSamples(count, at.state, n, tables.width, at.table, at.tableStart, at.padded, at.sum, at.squares,
      at.outcomes, outcomes.length, at.u, at.conditional, at.xs, TO_UNIT);
    for (let s = 0; s < count; s++) worlds.add(bytes, drawn + s, at.xs + s * stride);
    drawn += count;
    if (drawn < samples && enough?.(drawn, worlds.largest)) break;
  }
  uniforms.loadState(i32, at.state / 4);
  sum.set(f64.subarray(at.sum / 8, at.sum / 8 + n));
  squares.set(f64.subarray(at.squares / 8, at.squares / 8 + outcomes.length));
  return drawn;
}

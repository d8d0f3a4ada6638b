// Named, timed steps with a pass/fail summary; polling instead of fixed sleeps.
import { createRequire } from 'node:module';

export function createRun(title) {
  const results = [];
  const t0 = Date.now();
  const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1);
  return {
    results,
    log: (message) => console.log(`[${title} ${elapsed()}s] ${message}`),
    /** Runs a step; a failure is recorded and rethrown (later steps depend on earlier ones). */
    async step(name, fn) {
      const start = Date.now();
      try {
        const detail = await fn();
        results.push({ name, ok: true, seconds: (Date.now() - start) / 1000, detail });
        console.log(`[${title} ${elapsed()}s] PASS ${name}${detail ? ` — ${detail}` : ''}`);
        return detail;
      } catch (error) {
        results.push({ name, ok: false, seconds: (Date.now() - start) / 1000, detail: String(error?.message ?? error).split('\n')[0] });
        console.log(`[${title} ${elapsed()}s] FAIL ${name}: ${error?.stack ?? error}`);
        throw error;
      }
    },
  };
}

/** Polls `probe` until it returns a truthy value; one implementation with the in-host suite's. */
export const { waitFor } = createRequire(import.meta.url)('./waitFor.cjs');

export function printSummary(sections) {
  const lines = ['', '==================== e2e summary ===================='];
  let failed = 0;
  for (const { title, results, error } of sections) {
    lines.push(`${title}:`);
    for (const r of results) {
      if (!r.ok) failed++;
      lines.push(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(58)} ${r.seconds.toFixed(1).padStart(6)} s${r.ok ? '' : `  (${r.detail})`}`);
    }
    if (error && !results.some((r) => !r.ok)) {
      failed++;
      lines.push(`  FAIL  ${error}`);
    }
  }
  lines.push(failed === 0 ? 'RESULT: ALL PASSED' : `RESULT: ${failed} FAILED`);
  lines.push('=====================================================');
  console.log(lines.join('\n'));
  return failed;
}

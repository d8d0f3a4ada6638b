// The engine's WebAssembly instances are kept from one forecast for the next (engine/kernelPool.ts),
// their memory as the last forecast left it: every forecast must give the numbers it gives in a
// fresh process, whatever ran before it, and a pass outside any forecast keeps working.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../server/src/engine/compile';
import { forecast } from '../../server/src/engine/forecast';
import { buildPlan, frontierBuffer, runPlan } from '../../server/src/engine/frontier';
import { expectedTables } from '../../server/src/engine/tables';
import { analyze } from '../../server/src/model/analyze';
import { buildModel, randomModel } from './build';

const model = (name: string) => analyze(readFileSync(fileURLToPath(new URL(`../../samples/${name}`, import.meta.url)), 'utf8')).model;
const numbers = (f: ReturnType<typeof forecast>) => JSON.stringify({ ...f, elapsedMs: 0 });

describe('kept kernel instances', () => {
  it('give every forecast the same numbers, whichever forecasts ran before it', () => {
    const names = ['us-pakistan-2025.scenario', 'election.scenario', 'supply-chain-risk.scenario'];
    const first = names.map((name) => numbers(forecast(model(name))));
    // Again in another order, and between models of other shapes (their memory left behind).
    for (const seed of [1, 2, 3]) forecast(buildModel(randomModel(seed, 6, 12)));
    const again = [...names].reverse().map((name) => numbers(forecast(model(name)))).reverse();
    expect(again).toEqual(first);
  });

  it('leave passes outside a forecast their own memory', () => {
    const c = compileModel(buildModel(randomModel(4, 5, 8)));
    const tables = expectedTables(c, new Map(), () => {});
    const plan = buildPlan(c, false)!;
    const buffer = frontierBuffer(plan);
    const before = new Float64Array(c.n);
    runPlan(plan, tables, before, buffer);
    forecast(model('election.scenario'));
    const after = new Float64Array(c.n);
    runPlan(plan, tables, after, buffer);
    expect(Array.from(after)).toEqual(Array.from(before));
  });
});

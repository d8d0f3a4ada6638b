// Long work is visible (issue 15): the forecast says which stage of which scenario it starts, the
// baseline first and each alternative in file order, and a run stopped by isCancelled stops in the
// stage it last reported.
import { describe, expect, it } from 'vitest';
import { FORECAST_STAGES, type ForecastProgress, progressText } from '../../common/progress';
import { ForecastCancelled } from '../../server/src/engine/cancel';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel, randomModel } from './build';

const model = buildModel({
  ...randomModel(5, 5, 6),
  alternatives: [{ title: 'First holds', given: { f0: true } }, { title: 'Last seen', observe: { o5: true } }],
});

function stagesOf(options: Parameters<typeof forecast>[1] = {}): ForecastProgress[] {
  const seen: ForecastProgress[] = [];
  forecast(model, { ...options, onProgress: (p) => seen.push(p) });
  return seen;
}

describe('forecast progress', () => {
  it('each scenario in turn, each starting with its probabilities, every stage a known one', () => {
    for (const options of [{}, { exactLimit: 0 }]) {
      const seen = stagesOf(options);
      expect(seen.map((p) => p.scenario)).toEqual([...seen.map((p) => p.scenario)].sort((a, b) => a - b));
      for (const scenario of [0, 1, 2]) {
        const own = seen.filter((p) => p.scenario === scenario);
        expect(own[0]!.stage).toBe('probabilities');
        expect(own.map((p) => p.stage)).toContain('bands');
        expect(own.every((p) => p.scenarios === 3 && FORECAST_STAGES.includes(p.stage))).toBe(true);
      }
      expect(seen.filter((p) => p.scenario === 2).every((p) => p.name === 'Last seen')).toBe(true);
      expect(seen.every((p, i) => i === 0 || p.elapsedMs >= seen[i - 1]!.elapsedMs)).toBe(true);
    }
  });

  it('a forecast of probabilities only has no bands or swings to report', () => {
    const stages = new Set(stagesOf({ bandMethod: 'none' }).map((p) => p.stage));
    expect(stages.has('probabilities')).toBe(true);
    expect([...stages].filter((s) => s !== 'probabilities' && s !== 'worlds')).toEqual([]);
  });

  it('a run stopped by isCancelled stops in the stage it last reported', () => {
    let last: ForecastProgress | null = null;
    let stop = false;
    expect(() => forecast(model, {
      onProgress: (p) => {
        last = p;
        if (p.scenario === 1 && p.stage === 'bands') stop = true;
      },
      isCancelled: () => stop,
    })).toThrow(ForecastCancelled);
    expect(progressText(last!)).toBe('bands of alternative “First holds” (2 of 3)');
  });
});

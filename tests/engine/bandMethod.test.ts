// `bandMethod: 'none'` (the judgment check of `scenario check`): the same method and the same
// probabilities and judged calls as a full forecast, without computing bands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';

describe('forecasts without bands', () => {
  for (const sample of ['us-pakistan-2025', 'supply-chain-risk', 'election']) {
    it(`keep the method, probabilities and judged calls of ${sample}`, () => {
      const { model } = analyze(readFileSync(`samples/${sample}.scenario`, 'utf8'));
      const full = forecast(model);
      const bare = forecast(model, { bandMethod: 'none' });
      expect(bare.method).toBe(full.method);
      expect(bare.outcomes.map((o) => [o.name, o.probability, o.judged])).toEqual(full.outcomes.map((o) => [o.name, o.probability, o.judged]));
      for (const o of bare.outcomes) expect(o.band).toEqual([o.probability, o.probability]);
      for (const o of bare.outcomes) expect([o.swing, o.signposts, o.linchpins]).toEqual([[], [], []]);
      expect(full.outcomes.some((o) => o.band[0] < o.band[1])).toBe(true);
    });
  }
});

// The sample models: each checks clean (no errors, no warnings, judged calls included) and
// forecasts; the op-ed sample covers everything the op-ed names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { judgmentDiagnostics } from '../../server/src/engine/judgment';
import { analyze } from '../../server/src/model/analyze';

const samplePath = (name: string) => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
const load = (name: string) => {
  const text = readFileSync(samplePath(name), 'utf8');
  return { text, ...analyze(text) };
};

const SAMPLES = ['us-pakistan-2025.scenario', 'supply-chain-risk.scenario', 'election.scenario', 'hostile-labels.scenario'];

describe.each(SAMPLES)('%s', (name) => {
  it('checks with no errors and no warnings, judged calls included', () => {
    const { model, diagnostics } = load(name);
    expect(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(model.hasErrors).toBe(false);
    expect(judgmentDiagnostics(model, forecast(model))).toEqual([]);
  });

  it('forecasts every outcome, with every alternative', () => {
    const { model } = load(name);
    const f = forecast(model);
    expect(f.outcomes.map((o) => o.name)).toEqual(model.outcomes.map((o) => o.name));
    expect(f.alternatives.length).toBe(model.alternatives.length);
    expect(f.alternatives.length).toBeGreaterThan(0);
    for (const o of f.outcomes) {
      expect(o.probability).toBeGreaterThan(0);
      expect(o.probability).toBeLessThan(1);
      expect(o.band[0]).toBeLessThanOrEqual(o.band[1]);
    }
  });
});

describe('the op-ed sample', () => {
  const { model } = load('us-pakistan-2025.scenario');
  const op = readFileSync(fileURLToPath(new URL('../../samples/us-pakistan-2025.scenario', import.meta.url)), 'utf8');

  it('has every factor the op-ed names, its trigger event and every outcome it forecasts', () => {
    const factors = model.inputs.filter((v) => v.kind === 'factor').map((v) => v.name);
    expect(factors).toEqual(expect.arrayContaining([
      'crisis', 'weak_government', 'khan_popular', 'trump_mandate', 'rapport', // the five of paragraph 2
      'china_ties', 'taliban_ttp', 'aq_revives', 'missile_sanctions',
    ]));
    expect(model.inputs.filter((v) => v.kind === 'event').map((v) => v.name)).toEqual(['trigger']);
    expect(model.outcomes.map((o) => o.name)).toEqual(expect.arrayContaining([
      'democracy_push', 'trade_up', 'little_aid', 'ct_backseat', 'sanctions_continue', 'security_reengage',
    ]));
    expect(model.variables.get('china_ties')!.label).toMatch(/CPEC/);
  });

  it('names the paragraph behind every declaration and judges every outcome', () => {
    for (const v of model.variables.values()) {
      expect(v.sources.length, v.name).toBeGreaterThan(0);
      for (const s of v.sources) expect(s, v.name).toMatch(/^op-ed, paragraph [1-9]$/);
    }
    for (const o of model.outcomes) expect(o.judged, o.name).not.toBeNull();
  });

  it('says which phrase it reads each hedge ("expected", "may") as', () => {
    for (const name of ['democracy_push', 'trade_up', 'sanctions_continue']) {
      expect(model.variables.get(name)!.notes.join(' '), name).toMatch(/'expected' is read as likely/);
    }
    expect(model.variables.get('ct_backseat')!.notes.join(' ')).toMatch(/'may'.*read as likely/);
    expect(op).toMatch(/alternative "A trigger event happens"/);
  });

  it('is small enough to be computed exactly, and the trigger flips security re-engagement', () => {
    const f = forecast(model);
    expect(f.method).toBe('exact');
    const trigger = f.alternatives.find((a) => a.name === 'A trigger event happens')!;
    const reengage = trigger.outcomes.find((o) => o.name === 'security_reengage')!;
    expect(reengage.delta).toBeGreaterThan(20);
    expect(reengage.phrase).toMatch(/likely|even/);
  });
});

describe('the other samples', () => {
  it.each(['supply-chain-risk.scenario', 'election.scenario'])('%s has 10 or more variables', (name) => {
    const { model } = load(name);
    expect(model.variables.size).toBeGreaterThanOrEqual(10);
  });

  it('the election sample (23 variables) is exact: sparse enough, whatever its size', () => {
    const { model } = load('election.scenario');
    expect(forecast(model)).toMatchObject({ method: 'exact', worldsMethod: 'exact' });
  });

  it('the hostile sample carries markup, quotes, right-to-left text and emoji in its labels', () => {
    const { model } = load('hostile-labels.scenario');
    const text = [...model.variables.values()].flatMap((v) => [v.label, ...v.notes, ...v.sources]).join('\n');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('</script><script>alert(1)</script>');
    expect(text).toContain('She said "run" \\ then left');
    expect(text).toMatch(/\u202e/);
    expect(text).toContain('\u001b[31m');
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(model.settings.title).toContain('<script>');
  });
});

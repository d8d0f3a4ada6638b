// What an alternative observes is seen, not forecast (LANGUAGE.md, Semantics: Observe): every
// renderer of the report shows an observed outcome as "observed" (or "observed not") in place of
// the phrase, with no band, no drivers and no judged call checked or counted as contradicted,
// while the JSON keeps the contract's fields (the engine's numbers) and marks the outcome
// observed. One fact, one source: observedValue (common/forecast.ts) feeds the report's `observed`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observedValue, type Forecast } from '../../common/forecast';
import { buildReport, keyJudgment, renderCsv, renderHtml, renderJson, renderMarkdown, renderText, CSV_COLUMNS } from '../../common/report';
import { bottomLine, contradictedCalls } from '../../common/report/bottomLine';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { markdownCells, parseCsv, unescapeMarkdown } from './helpers';
import { OBSERVED_SOURCE } from './observedFixture';


function observedForecast(): Forecast {
  const { model, diagnostics } = analyze(OBSERVED_SOURCE);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return forecast(model);
}

const alt = (f: Forecast, name: string) => f.alternatives.find((a) => a.name === name)!;

describe('an observed outcome in the report', () => {
  it('is decided in one place: observedValue, from the alternative’s observations', () => {
    const f = observedForecast();
    expect(observedValue(alt(f, 'Ties seen'), 'ties')).toBe(true);
    expect(observedValue(alt(f, 'Ties not seen'), 'ties')).toBe(false);
    expect(observedValue(alt(f, 'Ties seen'), 'trade_up')).toBeNull();
    // `given` makes it so: that is a forecast under an intervention, not an observation.
    expect(observedValue(alt(f, 'Ties made'), 'ties')).toBeNull();
  });

  it('reads as observed: no phrase, no band, no drivers, its call not checked', () => {
    const f = observedForecast();
    const engine = alt(f, 'Ties seen').outcomes.find((o) => o.name === 'ties')!;
    // The engine's check, which the JSON keeps, does say 100% is outside "very unlikely".
    expect(engine.probability).toBe(1);
    expect(engine.judged!.agrees).toBe(false);
    const report = buildReport(f);
    const seen = report.alternatives.find((a) => a.name === 'Ties seen')!;
    const ties = seen.outcomes.find((o) => o.name === 'ties')!;
    expect(ties.observed).toEqual({ value: true, text: 'observed', meaning: 'assumed seen' });
    expect(ties).toMatchObject({ phraseText: 'observed', bandText: '—', top: [], topDrivers: '' });
    expect(ties.phrase).toBe(engine.phrase);
    expect(ties.drivers.length).toBeGreaterThan(0); // the JSON's swing keeps them
    expect(ties.judged).toMatchObject({ agrees: false, checked: false, contradicted: false, summary: 'very unlikely (not checked)' });
    expect(contradictedCalls(seen.outcomes).map((o) => o.name)).not.toContain('ties');
    // What is not observed is forecast as ever.
    const trade = seen.outcomes.find((o) => o.name === 'trade_up')!;
    expect(trade.observed).toBeNull();
    expect(trade.phraseText).toBe(trade.phrase);
    expect(trade.bandText).toBe(trade.band.text);
    expect(trade.topDrivers).toMatch(/^rapport [+−]\d/);
    // `given` is not observing: its contradiction still counts.
    const made = report.alternatives.find((a) => a.name === 'Ties made')!;
    expect(contradictedCalls(made.outcomes).map((o) => o.name)).toEqual(['ties']);
    expect(made.outcomes.find((o) => o.name === 'ties')!.phraseText).toBe('almost certain');
  });

  it('`observe not`: 0%, "observed not", assumed not seen', () => {
    const report = buildReport(observedForecast());
    const unseen = report.alternatives.find((a) => a.name === 'Ties not seen')!;
    const ties = unseen.outcomes.find((o) => o.name === 'ties')!;
    expect(ties.probability.value).toBe(0);
    expect(ties).toMatchObject({ observed: { value: false, text: 'observed not', meaning: 'assumed not seen' }, phraseText: 'observed not', bandText: '—' });
    expect(ties.judged).toMatchObject({ checked: false, contradicted: false, summary: 'very unlikely (not checked)' });
    expect(contradictedCalls(unseen.outcomes)).toEqual([]);
  });

  it('an observed factor or event is marked observed among the alternative’s inputs', () => {
    const report = buildReport(observedForecast());
    const inputs = report.alternatives.find((a) => a.name === 'Attack seen')!.inputs;
    expect(inputs.find((i) => i.name === 'attack')).toMatchObject({ observed: { value: true, text: 'observed' }, probability: { value: 1 } });
    expect(inputs.find((i) => i.name === 'rapport')!.observed).toBeNull();
    // What it observes is no driver of what it forecasts (its swing is 0 once seen); the JSON's swing keeps it.
    const ties = report.alternatives.find((a) => a.name === 'Attack seen')!.outcomes.find((o) => o.name === 'ties')!;
    expect(ties.drivers.map((d) => d.name)).toContain('attack');
    expect(ties.top.map((d) => d.name)).toEqual(['rapport']);
    expect(ties.topDrivers).toMatch(/^rapport \+\d+\.\d$/);
    // Seeing an outcome marks none of its drivers observed: they are updated, not seen.
    const fromTies = report.alternatives.find((a) => a.name === 'Ties seen')!.inputs;
    expect(fromTies.every((i) => i.observed === null)).toBe(true);
    expect(fromTies.find((i) => i.name === 'attack')!.delta.sign).toBe(1);
  });

  it('the key judgment of an observed outcome says it is assumed seen, never that it contradicts the call', () => {
    const report = buildReport(observedForecast());
    const seen = report.alternatives.find((a) => a.name === 'Ties seen')!.outcomes.find((o) => o.name === 'ties')!;
    const unseen = report.alternatives.find((a) => a.name === 'Ties not seen')!.outcomes.find((o) => o.name === 'ties')!;
    // keyJudgment is what the report builds its sentences with.
    expect(keyJudgment(seen, null).text).toBe('“Washington re-engages on security” is observed in this alternative: it is assumed seen, ' +
      'not forecast; the analyst’s call, “very unlikely”, is not checked against it.');
    expect(keyJudgment(unseen, null).text).toContain('is observed not in this alternative: it is assumed not seen, not forecast');
    for (const o of [seen, unseen]) expect(keyJudgment(o, null).text).not.toMatch(/contradict|driven most|band/);
    // The baseline's sentence is a likelihood, with the call checked.
    expect(report.keyJudgments.find((k) => k.outcome === 'ties')!.text).toMatch(/^“Washington re-engages on security” is (very )?unlikely: .*the analyst’s call/);
  });
});

describe('every renderer', () => {
  it('text: the observed row reads observed, with no band, no ✗ and no zero-swing drivers', () => {
    const text = renderText(buildReport(observedForecast()), { color: false, timing: false });
    const section = text.slice(text.indexOf('Alternative "Ties seen"'), text.indexOf('Alternative "Ties not seen"'));
    const row = section.split('\n').find((l) => l.startsWith('ties '))!;
    expect(row).toMatch(/100% █+\s+—\s+\+\d+\.\d\s+observed\s+very unlikely \(not checked\)$/);
    expect(row).not.toMatch(/✗|✓|0\.0|attack|rapport/);
    const unseen = text.slice(text.indexOf('Alternative "Ties not seen"')).split('\n').find((l) => l.startsWith('ties '))!;
    expect(unseen).toMatch(/\s0% ░+\s+—\s+−\d+\.\d\s+observed not\s+very unlikely \(not checked\)$/);
    // The same outcome made so by `given` is still a forecast with its call checked.
    const made = text.slice(text.indexOf('Alternative "Ties made"')).split('\n').find((l) => l.startsWith('ties '))!;
    expect(made).toContain('✗ very unlikely');
  });

  it('Markdown: observed in the phrase column, a dash for the band, the call not checked, no drivers', () => {
    const md = renderMarkdown(buildReport(observedForecast()));
    const section = md.slice(md.indexOf('## Alternative: Ties seen'), md.indexOf('## Alternative: Ties not seen'));
    const row = section.split('\n').find((l) => l.startsWith('| **ties**'))!;
    const cells = markdownCells(row).map(unescapeMarkdown);
    // Outcome, Probability, Band, Δ pts, Phrase, Judged, Top drivers.
    expect(cells.slice(1)).toEqual(['100%', '—', expect.stringMatching(/^\+\d+\.\d$/), 'observed', 'very unlikely (not checked)', '']);
    expect(section).toContain('What it observes had a');
  });

  it('CSV: phrase "observed", empty band, agrees and top_drivers cells; the schema unchanged', () => {
    const rows = parseCsv(renderCsv(buildReport(observedForecast())));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));
    const seen = records.find((r) => r.alternative === 'Ties seen' && r.outcome === 'ties')!;
    expect(seen).toMatchObject({ probability: '1', band_low: '', band_high: '', phrase: 'observed', judged: 'very unlikely', agrees: '', top_drivers: '' });
    const unseen = records.find((r) => r.alternative === 'Ties not seen' && r.outcome === 'ties')!;
    expect(unseen).toMatchObject({ probability: '0', phrase: 'observed not', agrees: '' });
    const made = records.find((r) => r.alternative === 'Ties made' && r.outcome === 'ties')!;
    expect(made).toMatchObject({ agrees: 'false', phrase: 'almost certain' });
    expect(made.band_low).not.toBe('');
  });

  it('JSON: the contract’s fields as the engine gives them, and `observed` on an observed outcome only', () => {
    const f = observedForecast();
    const json = JSON.parse(renderJson(buildReport(f), { timing: false })) as {
      outcomes: Record<string, unknown>[];
      alternatives: { name: string; observed: unknown[]; outcomes: Record<string, unknown>[] }[];
    };
    const seen = json.alternatives.find((a) => a.name === 'Ties seen')!;
    const ties = seen.outcomes.find((o) => o.name === 'ties')!;
    const engine = alt(f, 'Ties seen').outcomes.find((o) => o.name === 'ties')!;
    expect(ties).toMatchObject({ probability: 1, phrase: engine.phrase, judged: { text: 'very unlikely', agrees: false }, observed: true });
    expect((ties.swing as unknown[]).length).toBe(engine.swing.length);
    expect(seen.observed).toEqual([{ name: 'ties', value: true }]);
    expect(json.alternatives.find((a) => a.name === 'Ties not seen')!.outcomes.find((o) => o.name === 'ties')!.observed).toBe(false);
    expect('observed' in seen.outcomes.find((o) => o.name === 'trade_up')!).toBe(false);
    expect(json.outcomes.some((o) => 'observed' in o)).toBe(false);
    expect(json.alternatives.find((a) => a.name === 'Ties made')!.outcomes.some((o) => 'observed' in o)).toBe(false);
  });

  it('HTML: the alternatives say what they assume and observe, and an observed cell says observed, with no change', () => {
    const html = renderHtml(buildReport(observedForecast()), { timing: false });
    const section = html.slice(html.indexOf('<section id="alternatives">'), html.indexOf('</section>', html.indexOf('<section id="alternatives">')));
    expect(section).toContain('<li><span class="alternative-name">Ties seen</span> <span class="muted">Assumes: observe ties. What it observes had a');
    const row = section.split('\n').find((l) => l.includes('<code>ties</code>'))!;
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
    // Outcome, Baseline, Ties seen, Ties not seen, Attack seen, Ties made.
    expect(cells[2]).toBe('100% <span class="badge observed" title="assumed seen, not forecast">observed</span>');
    expect(cells[3]).toBe('0% <span class="badge observed" title="assumed not seen, not forecast">observed not</span>');
    expect(cells[5]).toMatch(/^100% <span class="delta up">\+\d+\.\d pts<\/span>$/);
  });
});

describe('the op-ed sample', () => {
  it('“Washington re-engages on security” reads observed for security_reengage, and counts no contradicted call for it', () => {
    const f = forecast(analyze(readFileSync(new URL('../../samples/us-pakistan-2025.scenario', import.meta.url), 'utf8')).model);
    const report = buildReport(f);
    const seen = report.alternatives.find((a) => a.name === 'Washington re-engages on security')!;
    const reengage = seen.outcomes.find((o) => o.name === 'security_reengage')!;
    expect(reengage).toMatchObject({ phraseText: 'observed', bandText: '—', topDrivers: '', judged: { checked: false, contradicted: false } });
    expect(contradictedCalls(seen.outcomes).map((o) => o.name)).not.toContain('security_reengage');
    // The outcomes it only updates are forecast, their calls checked.
    expect(contradictedCalls(seen.outcomes).length).toBeGreaterThan(0);
    expect(bottomLine(report).contradicted).toEqual([]);
    const text = renderText(report, { color: false, timing: false });
    const row = text.slice(text.indexOf('Alternative "Washington re-engages on security"')).split('\n').find((l) => l.startsWith('security_reengage'))!;
    expect(row).toMatch(/100% █+\s+—\s+\+\d+\.\d\s+observed\s+very unlikely \(not checked\)$/);
  });
});

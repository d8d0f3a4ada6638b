// Key judgments (LANGUAGE.md, Semantics): one sentence per outcome in file order, holding the
// outcome's computed phrase, probability and band as the report formats them, its largest drivers,
// the signpost to watch when the forecast has signposts, and a contradicted call said so; never a
// confidence statement beside the likelihood.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import { buildReport, type Report } from '../../common/report';
import { KEY_DRIVERS } from '../../common/report/keyJudgments';
import { formatPercent, samplingOf } from '../../common/text/numbers';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { buildModel } from '../engine/build';
import { sampleForecast } from '../webview/fixtures';

const sampleText = (name: string) => readFileSync(new URL(`../../samples/${name}`, import.meta.url), 'utf8');
const sampleReport = (name: string) => buildReport(forecast(analyze(sampleText(name)).model), { file: name });

/** The sentence without the text it quotes from the file (labels may say anything). */
const ownWords = (text: string) => text.replace(/“[^”]*”/g, '“…”');

/** Confidence language (ICD 203 states confidence apart from likelihood). */
const CONFIDENCE = /\bconfiden|\b(?:high|moderate|low)(?:ly)?\s+(?:confiden|certain)|\bwe (?:are|remain) (?:fairly|highly|reasonably)?\s*(?:sure|certain)/i;

function expectOneSentencePerOutcome(report: Report) {
  expect(report.keyJudgments.map((k) => k.outcome)).toEqual(report.outcomes.map((o) => o.name));
  report.outcomes.forEach((o, i) => {
    const { text } = report.keyJudgments[i]!;
    expect(text.startsWith(`“${o.title}” `), text).toBe(true);
    expect(text, text).toContain(` ${o.phrase}: ${o.probability.text}`);
    if (o.band.text !== o.probability.text) expect(text).toContain(`(band ${o.band.text})`);
    // One sentence: the generated words end once, with the full stop at the end.
    expect(ownWords(text).match(/[.!?](?=\s|$)/g), text).toEqual(['.']);
    expect(ownWords(text), text).not.toMatch(CONFIDENCE);
  });
}

describe('key judgments', () => {
  it('one sentence per outcome of the op-ed sample, with its computed phrase, percentage and band', () => {
    const report = sampleReport('us-pakistan-2025.scenario');
    expect(report.keyJudgments.length).toBe(7);
    expectOneSentencePerOutcome(report);
  });

  it('the percentage is the one every other surface shows (the shared formatter)', () => {
    const f = forecast(analyze(sampleText('election.scenario')).model);
    const report = buildReport(f);
    expectOneSentencePerOutcome(report);
    f.outcomes.forEach((o, i) => {
      expect(report.keyJudgments[i]!.text).toContain(`: ${formatPercent(o.probability, samplingOf(f))}`);
    });
  });

  it('names the drivers that move the outcome most, with their swing', () => {
    const report = sampleReport('us-pakistan-2025.scenario');
    report.outcomes.forEach((o, i) => {
      const text = report.keyJudgments[i]!.text;
      const moving = o.drivers.filter((d) => d.points.sign !== 0);
      for (const d of moving.slice(0, KEY_DRIVERS)) expect(text).toContain(`“${d.label}” (${d.points.text} points)`);
      for (const d of moving.slice(KEY_DRIVERS)) expect(text).not.toContain(`“${d.label}” (${d.points.text} points)`);
    });
  });

  it('says when the forecast contradicts the analyst’s call, and when it agrees', () => {
    const report = buildReport(sampleForecast());
    const [agrees, , contradicted] = report.keyJudgments;
    expect(report.outcomes[2]!.judged!.agrees).toBe(false);
    expect(contradicted!.text).toContain('contradicts the analyst’s call, “very unlikely” (5%–20%)');
    expect(agrees!.text).toContain('the analyst’s call, “likely”, agrees');
    expect(agrees!.text).not.toContain('contradict');
    // A range call is written once, as the analyst wrote it.
    const f = forecast(buildModel({ factors: { a: 0.3 }, outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 3]], judged: [0.6, 0.7] } } }));
    const only = buildReport(f).keyJudgments[0]!.text;
    expect(buildReport(f).outcomes[0]!.judged!.agrees).toBe(false);
    expect(only).toContain('contradicts the analyst’s call, “60%..70%”.');
  });

  it('reads as English for every kind of phrase, and for an outcome nothing drives', () => {
    const f = forecast(buildModel({
      factors: { a: 0.5 },
      outcomes: { even: { base: 0.5 }, remote: { base: 0.02 }, likely_one: { base: 0.4, drivers: [['a', 'raises', 4]] } },
    }));
    const [even, remote, likely] = buildReport(f).keyJudgments.map((k) => k.text);
    expect(even).toBe('“even” has a roughly even chance: 50%, with nothing upstream to move it.');
    expect(remote).toBe('“remote” has almost no chance: 2.0%, with nothing upstream to move it.');
    // Nothing uncertain: the band is the probability itself, so the sentence leaves it out.
    expect(likely).toMatch(/^“likely_one” is likely: \d+%, driven most by “a” \(\+\d+\.\d points\); the signpost to watch is “a” \(\d+% if seen, \d+% if not\)\.$/);
  });

  it('names the signpost to watch once the forecast carries signposts, and none before', () => {
    const f: Forecast = sampleForecast();
    expect(buildReport(f).keyJudgments.some((k) => k.text.includes('signpost'))).toBe(false);
    // The shape LANGUAGE.md gives signposts (the engine adds them later): largest first.
    Object.assign(f.outcomes[0]!, {
      signposts: [
        { name: 'attack', probability: 0.175, ifTrue: 0.56, ifFalse: 0.662, expectedShift: 14.2 },
        { name: 'rapport', probability: 0.65, ifTrue: 0.7, ifFalse: 0.5, expectedShift: 9 },
      ],
    });
    const [first, second] = buildReport(f).keyJudgments.map((k) => k.text);
    expect(first).toContain('the signpost to watch is “A major terror attack touches US interests” (56% if seen, 66% if not)');
    expect(first.match(/ if seen, /g)).toHaveLength(1);
    expect(second).not.toContain('signpost');
  });

  it('says so when an outcome shows its last good numbers', () => {
    const f = sampleForecast();
    f.outcomes[1]!.stale = 'line 12 has an error';
    expect(buildReport(f).keyJudgments[1]!.text).toMatch(/; these are its last good numbers \(line 12 has an error\)\.$/);
  });

  it('the README quotes the op-ed sample’s first key judgment as it is computed now', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const quoted = /\n((?:> .*\n)+)/.exec(readme.slice(readme.indexOf('key judgments**')))![1]!;
    const text = quoted.split('\n').filter(Boolean).map((l) => l.slice(2)).join(' ');
    expect(text).toBe(sampleReport('us-pakistan-2025.scenario').keyJudgments[0]!.text);
  });

  it('keeps hostile labels as they are (each renderer escapes them)', () => {
    const report = sampleReport('hostile-labels.scenario');
    expectOneSentencePerOutcome(report);
    expect(report.keyJudgments[0]!.text).toContain('“<b>bold</b><iframe src="javascript:alert(1)"></iframe>”');
  });
});

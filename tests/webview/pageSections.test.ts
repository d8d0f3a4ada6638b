// @vitest-environment happy-dom
/// <reference lib="dom" />
// The preview's key judgments, What to watch, Linchpins and alternatives that observe, from a
// forecast with signposts, linchpins and observations (fixtures.ts, watchedForecast).
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import { GUIDES_UNAVAILABLE } from '../../client/webview/render/guides';
import { buildReport } from '../../common/report';
import type { Forecast } from '../../common/forecast';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, URI, forecastMessage, sampleForecast, watchedForecast } from './fixtures';
import { mountPage } from './mount';

let page: Page | null = null;

function show(forecast: Forecast) {
  const mounted = mountPage(forecast);
  page = mounted.page;
  mounted.rec.posted.length = 0;
  return { root: mounted.root, rec: mounted.rec };
}

function q<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const texts = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent);
const sectionIds = (root: ParentNode) => Array.from(root.querySelectorAll('section.block')).map((s) => s.id);

function select(root: ParentNode, name: string): void {
  const selector = q<HTMLSelectElement>(root, '#outcome-select');
  selector.value = name;
  selector.dispatchEvent(new Event('change'));
}

afterEach(() => {
  page?.dispose();
  page = null;
});

describe('key judgments', () => {
  it('follow the bottom line, one sentence per outcome as the report words it', () => {
    const f = watchedForecast();
    const { root } = show(f);
    expect(sectionIds(root).slice(0, 3)).toEqual(['bottom-line', 'key-judgments', 'outcomes']);
    const sentences = texts(root, '#key-judgments ul.key-judgments button.judgment');
    expect(sentences).toEqual(buildReport(f, { file: 'us-pakistan.scenario' }).keyJudgments.map((k) => k.text));
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toContain('the signpost to watch is “Trump and Khan keep a positive relationship” (75% if seen, 42% if not)');
    expect(texts(root, '#key-judgments li').length).toBe(3);
    expect(Array.from(root.querySelectorAll<HTMLElement>('#key-judgments li')).map((l) => l.dataset.name)).toEqual(['democracy_push', 'trade_up', 'security_ties']);
  });

  it('a sentence picks its outcome and reveals its declaration; Copy asks for Copy Key Judgments', () => {
    const { root, rec } = show(watchedForecast());
    q(root, '#key-judgments li[data-name="security_ties"] button.judgment').click();
    expect(rec.posted).toEqual([
      { type: 'selectOutcome', uri: URI, name: 'security_ties' },
      { type: 'reveal', uri: URI, name: 'security_ties' },
    ]);
    expect(q(root, '#key-judgments li.selected').dataset.name).toBe('security_ties');
    // Marked for screen readers too, and only that one.
    expect(Array.from(root.querySelectorAll<HTMLElement>('#key-judgments [aria-current="true"]')).map((b) => b.closest('li')!.dataset.name))
      .toEqual(['security_ties']);
    rec.posted.length = 0;
    const copy = q<HTMLButtonElement>(root, '#key-judgments button[data-action="copyKeyJudgments"]');
    expect(copy.textContent).toBe('Copy');
    copy.click();
    expect(rec.posted).toEqual([{ type: 'copyKeyJudgments', uri: URI }]);
  });

  it('keeps the keyboard focus on its sentence across an update', () => {
    const { root } = show(watchedForecast());
    q(root, '#key-judgments li[data-name="trade_up"] button.judgment').focus();
    window.dispatchEvent(new MessageEvent('message', { data: forecastMessage(watchedForecast(), { version: 4 }) }));
    expect((document.activeElement as HTMLElement).dataset.key).toBe('judgment:trade_up');
  });
});

describe('what to watch', () => {
  it('lists the selected outcome’s signposts with the report’s sentence and a bar from not seen to seen', () => {
    const f = watchedForecast();
    const { root, rec } = show(f);
    const report = buildReport(f);
    expect(sectionIds(root)).toEqual(['bottom-line', 'key-judgments', 'outcomes', 'sensitivity', 'watch', 'linchpins', 'worlds', 'alternatives', 'inputs']);
    expect(texts(root, '#watch li.signpost .signpost-text')).toEqual(report.outcomes[0]!.signposts.map((s) => s.text));
    expect(texts(root, '#watch li.signpost .signpost-text')[0]).toBe('if rapport is seen: 63% → 75% (42% if not)');
    expect(q(root, '#watch .explain').textContent).toContain('For “Washington presses Islamabad on democracy and free speech”, now 63%');
    // The bar spans 41.76%..74.61%, the line is at 63.12%, the square at "seen".
    const bar = q(root, '#watch li[data-name="rapport"] .shift-bar');
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    expect(parseFloat(q(bar, '.shift-range').style.left)).toBeCloseTo(41.76, 2);
    expect(parseFloat(q(bar, '.shift-range').style.width)).toBeCloseTo(32.85, 2);
    expect(parseFloat(q(bar, '.shift-now').style.left)).toBeCloseTo(63.12, 2);
    expect(parseFloat(q(bar, '.shift-seen').style.left)).toBeCloseTo(74.61, 2);
    // Seeing security_ties lowers democracy_push: the bar still runs low to high, the square at the low end.
    const lowering = q(root, '#watch li[data-name="security_ties"] .shift-bar');
    expect(parseFloat(q(lowering, '.shift-range').style.left)).toBeCloseTo(58.13, 2);
    expect(parseFloat(q(lowering, '.shift-seen').style.left)).toBeCloseTo(58.13, 2);

    q(root, '#watch li[data-name="rapport"] button.link').click();
    expect(rec.posted).toEqual([{ type: 'reveal', uri: URI, name: 'rapport' }]);
  });

  it('follows the tornado’s outcome, and says so when an outcome has no signpost', () => {
    const { root } = show(watchedForecast());
    select(root, 'security_ties');
    expect(texts(root, '#watch .signpost-text')).toEqual(['if attack is seen: 21% → 56% (14% if not)']);
    select(root, 'trade_up');
    expect(root.querySelector('#watch li.signpost')).toBeNull();
    expect(q(root, '#watch p').textContent).toBe('Seeing anything else in the model would not move “US–Pakistan trade grows” noticeably.');
  });

  it('lists five with their bars and names the rest', () => {
    const f = watchedForecast();
    f.outcomes[0]!.signposts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name, i) => ({ name, probability: 0.5, ifTrue: 0.7, ifFalse: 0.5, expectedShift: 10 - i }));
    const { root } = show(f);
    expect(root.querySelectorAll('#watch li.signpost')).toHaveLength(5);
    expect(q(root, '#watch .more-signposts').textContent).toBe('And 2 with smaller expected changes: f, g.');
  });

  it('picks out the signpost at the editor’s cursor', () => {
    const { root } = show(watchedForecast());
    select(root, 'security_ties');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'cursor', uri: URI, name: 'attack' } }));
    expect(q(root, '#watch li.signpost.at-cursor').dataset.name).toBe('attack');
  });
});

describe('linchpins', () => {
  it('lists each outcome’s linchpins in the report’s words, outcomes without any left out', () => {
    const f = watchedForecast();
    const { root, rec } = show(f);
    const groups = Array.from(root.querySelectorAll<HTMLElement>('#linchpins li.linchpin-outcome'));
    expect(groups.map((g) => g.dataset.name)).toEqual(['democracy_push', 'security_ties']);
    expect(texts(groups[1]!, 'li.linchpin button.link')).toEqual(buildReport(f).outcomes[2]!.linchpins.map((l) => l.text));
    expect(texts(groups[1]!, 'li.linchpin button.link')).toEqual(['stays unlikely while attack is below 24%', 'stays unlikely while rapport is between 30% and 90%']);
    expect(texts(groups[0]!, 'li.linchpin')).toEqual(['stays likely while rapport is above 41% (rapport now 65%)']);
    q(groups[1]!, 'li.linchpin[data-name="attack"] button.link').click();
    q(groups[1]!, 'button.link').click();
    expect(rec.posted).toEqual([{ type: 'reveal', uri: URI, name: 'attack' }, { type: 'reveal', uri: URI, name: 'security_ties' }]);
  });

  it('says in one line when nothing is a linchpin, and when the model is too dense for either list', () => {
    const noPins = watchedForecast();
    for (const o of noPins.outcomes) o.linchpins = [];
    const first = show(noPins);
    expect(texts(first.root, '#linchpins p')).toEqual(['No factor or event, set to any probability on its own, would change an outcome’s phrase.']);
    page?.dispose();
    const dense = show(sampleForecast());
    expect(texts(dense.root, '#watch p')).toEqual([GUIDES_UNAVAILABLE]);
    expect(texts(dense.root, '#linchpins p')).toEqual([GUIDES_UNAVAILABLE]);
  });
});

describe('alternatives that observe', () => {
  it('say what they observed and how probable it was, and list the inputs they move with their deltas', () => {
    const f = watchedForecast();
    const { root, rec } = show(f);
    const seen = Array.from(root.querySelectorAll('.alternative-summary'))[2]!;
    expect(q(seen, '.alternative-name').textContent).toBe('Attack seen');
    expect(q(seen, '.evidence').textContent).toBe(buildReport(f).alternatives[2]!.evidence!.text);
    expect(q(seen, '.evidence').textContent).toBe('What it observes had a 18% chance in this model');
    // What it observes first, as observed (not a change it forecasts), then the largest change;
    // inputs the alternative leaves alone are not listed.
    expect(texts(seen, 'ul.moved li')).toEqual(['attack observed', 'rapport 60% ▼ −5.0 pts']);
    q(seen, 'ul.moved li[data-name="rapport"] button.link').click();
    expect(rec.posted).toEqual([{ type: 'reveal', uri: URI, name: 'rapport' }]);
    // One that observes nothing has no evidence line.
    expect(Array.from(root.querySelectorAll('.alternative-summary'))[0]!.querySelector('.evidence')).toBeNull();
  });

  it('give the reason instead of numbers when the observations cannot happen', () => {
    const { root } = show(watchedForecast());
    const impossible = Array.from(root.querySelectorAll('.alternative-summary'))[3]!;
    expect(q(impossible, '.evidence.impossible').textContent).toBe('⚠ What it observes cannot happen in this model (probability 0): no numbers');
    expect(impossible.querySelector('ul.moved')).toBeNull();
    expect(texts(root, 'table.alternatives thead th')).toEqual(['Outcome', 'Baseline', 'Khan released', 'Attack happens', 'Attack seen']);
    const onlyImpossible = watchedForecast();
    onlyImpossible.alternatives = onlyImpossible.alternatives.slice(3);
    page?.dispose();
    const alone = show(onlyImpossible);
    expect(alone.root.querySelector('table.alternatives')).toBeNull();
    expect(alone.root.querySelector('#alternatives .evidence.impossible')).not.toBeNull();
  });
});

describe('file text in the new sections', () => {
  it('is text only: hostile labels and names create no element, and the only styles are bar positions', () => {
    const f = watchedForecast();
    f.inputs[2]!.label = HOSTILE_IMG;
    f.outcomes[0]!.label = HOSTILE_SCRIPT;
    f.alternatives[2]!.name = HOSTILE_ATTR;
    const { root } = show(f);
    expect(document.querySelectorAll('img, script, iframe, object, embed, svg')).toHaveLength(0);
    expect(q(root, '#watch li[data-name="rapport"] .label').textContent).toBe(HOSTILE_IMG);
    expect(q(root, '#key-judgments button.judgment').textContent).toContain(HOSTILE_SCRIPT);
    expect(q(root, '#linchpins li.linchpin-outcome .label').textContent).toBe(HOSTILE_SCRIPT);
    for (const styled of Array.from(root.querySelectorAll('#watch [style]'))) {
      expect(styled.className).toMatch(/^shift-(range|now|seen)$/);
      expect(styled.getAttribute('style')).toMatch(/^left: [\d.]+%;( width: [\d.]+%;)?$/);
    }
  });
});

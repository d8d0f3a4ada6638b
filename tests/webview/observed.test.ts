// @vitest-environment happy-dom
/// <reference lib="dom" />
// The preview's alternatives, from the real engine, for what an alternative observes: an observed
// outcome's cell reads "observed" (no change, no judged badge), it is not among the calls the
// alternative contradicts, and an observed event leads the inputs it moves, marked observed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import type { Forecast } from '../../common/forecast';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { OBSERVED_SOURCE } from '../report/observedFixture';
import { mountPage } from './mount';

let page: Page | null = null;

afterEach(() => {
  page?.dispose();
  page = null;
});

function show(f: Forecast): HTMLElement {
  const mounted = mountPage(f);
  page = mounted.page;
  return mounted.root;
}

const summaryOf = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll<HTMLElement>('.alternative-summary')).find((s) => s.querySelector('.alternative-name')!.textContent === name)!;

/** The alternatives table's cell of one outcome in one alternative's column. */
function cell(root: HTMLElement, outcome: string, alternative: string): HTMLTableCellElement {
  const heads = Array.from(root.querySelectorAll('table.alternatives thead th')).map((th) => th.textContent);
  const row = Array.from(root.querySelectorAll('table.alternatives tbody tr'))
    .find((tr) => tr.querySelector('td')!.textContent === outcome)!;
  return row.querySelectorAll('td')[heads.indexOf(alternative)] as HTMLTableCellElement;
}

describe('alternatives that observe, in the preview', () => {
  const f = forecast(analyze(OBSERVED_SOURCE).model);
  const title = 'Washington re-engages on security';

  it('an observed outcome reads observed, with no change and no judged badge; `given` still shows its contradiction', () => {
    const root = show(f);
    const seen = cell(root, title, 'Ties seen');
    expect(seen.textContent).toBe('100% observed');
    expect(seen.querySelector('.badge-observed')!.getAttribute('title')).toBe('assumed seen in this alternative, not forecast');
    expect(seen.querySelector('.delta, .badge-contradicted')).toBeNull();
    expect(cell(root, title, 'Ties not seen').textContent).toBe('0% observed not');
    const made = cell(root, title, 'Ties made');
    expect(made.querySelector('.badge-contradicted')!.textContent).toBe('⚠ judged');
    expect(made.querySelector('.delta')).not.toBeNull();
  });

  it('counts no contradicted call for the outcome it observes', () => {
    const root = show(f);
    const contradicted = (name: string) => Array.from(summaryOf(root, name).querySelectorAll('.alternative-contradicts li')).map((li) => li.textContent);
    for (const name of ['Ties seen', 'Ties not seen']) expect(contradicted(name).some((t) => t!.includes(title)), name).toBe(false);
    expect(contradicted('Ties made').some((t) => t!.includes(title))).toBe(true);
  });

  it('an observed event leads the inputs it moves, marked observed instead of a change', () => {
    const root = show(f);
    const moved = Array.from(summaryOf(root, 'Attack seen').querySelectorAll('ul.moved li')).map((li) => li.textContent);
    expect(moved[0]).toBe('attack observed');
    expect(moved.slice(1).every((t) => /^rapport \d+% [▲▼] /.test(t!))).toBe(true);
    // Seeing the outcome moves its drivers, which it does not observe: they keep their change.
    const fromTies = Array.from(summaryOf(root, 'Ties seen').querySelectorAll('ul.moved li')).map((li) => li.textContent);
    expect(fromTies[0]).toMatch(/^attack \d+% ▲ \+\d+\.\d pts$/);
    expect(fromTies.some((t) => t!.includes('observed'))).toBe(false);
  });
});

// @vitest-environment happy-dom
/// <reference lib="dom" />
// A resolved question (issue 12): the preview's row of the outcome and of the factor carries a
// badge with how it turned out and this forecast's Brier score; the JSON and the standalone report
// say the same; a resolution never changes a number, and alternatives (what-ifs) carry no badge.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import type { Forecast } from '../../common/forecast';
import { buildReport, renderReport } from '../../common/report';
import { renderHtml } from '../../common/report/html';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { mountPage } from './mount';

const SOURCE = (resolved: boolean) => `
scenario "Resolved" { seed 3 }
factor storm "A storm <b>hits</b>" {
  probability 30%
  ${resolved ? 'resolved no on 2025-03-01' : ''}
}
outcome flood "The river floods" {
  base 20%
  storm raises strongly
  judged unlikely
  ${resolved ? 'resolved yes on 2025-04-01' : ''}
}
alternative "Storm" { given storm }
`;

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

const brier = (p: number, y: boolean) => (p - (y ? 1 : 0)) ** 2;

describe('a resolved question', () => {
  const resolved = forecast(analyze(SOURCE(true)).model);
  const open = forecast(analyze(SOURCE(false)).model);
  const flood = resolved.outcomes[0]!;

  it('changes no number of the forecast', () => {
    expect(flood.probability).toBe(open.outcomes[0]!.probability);
    expect(flood.band).toEqual(open.outcomes[0]!.band);
    expect(resolved.worlds).toEqual(open.worlds);
    expect(flood.resolved).toEqual({ value: true, date: '2025-04-01' });
    expect(resolved.inputs[0]!.resolved).toEqual({ value: false, date: '2025-03-01' });
    expect(open.outcomes[0]!.resolved).toBeUndefined();
  });

  it('shows a badge with its Brier score on the outcome and on the factor, none in the alternative', () => {
    const root = show(resolved);
    const outcomeBadge = root.querySelector('table.outcomes tr[data-name="flood"] .badge-resolved')!;
    expect(outcomeBadge.textContent).toBe(`resolved yes · Brier ${brier(flood.probability, true).toFixed(4)}`);
    expect(outcomeBadge.getAttribute('title')).toMatch(/^Resolved yes on 2025-04-01\. Brier score/);
    const factorBadge = root.querySelector('table.inputs tr[data-name="storm"] .badge-resolved')!;
    expect(factorBadge.textContent).toBe(`resolved no · Brier ${brier(0.3, false).toFixed(4)}`);
    expect(root.querySelectorAll('.badge-resolved')).toHaveLength(2);
    // The label is text, never markup.
    expect(root.querySelector('table.inputs tr[data-name="storm"] .label')!.textContent).toBe('A storm <b>hits</b>');
  });

  it('shows no badge for a question that is still open', () => {
    expect(show(open).querySelectorAll('.badge-resolved')).toHaveLength(0);
  });

  it('says the same in the JSON and the standalone report', () => {
    const report = buildReport(resolved);
    const json = JSON.parse(renderReport(report, 'json'));
    expect(json.outcomes[0].resolved).toEqual({ value: true, date: '2025-04-01', brier: Number(brier(flood.probability, true).toFixed(6)) });
    expect(json.alternatives[0].outcomes[0].resolved).toBeUndefined();
    expect(JSON.parse(renderReport(buildReport(open), 'json')).outcomes[0].resolved).toBeUndefined();
    const html = renderHtml(report, { timing: false });
    expect(html).toContain(`resolved yes on 2025-04-01 · Brier ${brier(flood.probability, true).toFixed(4)}`);
    expect(html).toContain('A storm &lt;b&gt;hits&lt;/b&gt;');
  });
});

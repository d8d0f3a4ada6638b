// @vitest-environment happy-dom
/// <reference lib="dom" />
// A forecast running long (issue 15): the preview says what it is computing over the numbers it
// will replace, and says nothing once a forecast of that version (or a later one) has come.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import { parseToPage } from '../../client/webview/validate';
import { URI, forecastMessage, sampleForecast } from './fixtures';
import { mountPage } from './mount';

let page: Page | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

const progress = (version: number, uri = URI) => ({ type: 'progress', uri, version, text: 'bands of alternative “Khan released” (3 of 5)', elapsedMs: 4200 });
const banner = (root: HTMLElement) => root.querySelector('.notice')?.textContent ?? null;

describe('progress of a long forecast in the preview', () => {
  it('shows what is being computed over the last numbers, until that version’s forecast comes', () => {
    const mounted = mountPage(sampleForecast()); // version 3
    page = mounted.page;
    mounted.send(progress(4));
    expect(banner(mounted.root)).toBe('Computing the forecast: bands of alternative “Khan released” (3 of 5), 4.20 s so far. The numbers below are the last ones.');
    expect(mounted.root.querySelectorAll('table.outcomes tbody tr').length).toBeGreaterThan(0);
    mounted.send(forecastMessage(sampleForecast(), { version: 4 }));
    expect(banner(mounted.root)).toBeNull();
  });

  it('ignores the progress of an older version and of another document', () => {
    const mounted = mountPage(sampleForecast());
    page = mounted.page;
    mounted.send(progress(2));
    expect(banner(mounted.root)).toBeNull();
    mounted.send(progress(9, 'file:///elsewhere.scenario'));
    expect(banner(mounted.root)).toBeNull();
  });

  it('is validated like every message: a version that is not whole, or text that is not a string, is dropped', () => {
    expect(parseToPage(progress(4))).toEqual(progress(4));
    expect(parseToPage({ ...progress(4), version: 1.5 })).toBeNull();
    expect(parseToPage({ ...progress(4), text: 42 })).toBeNull();
    expect(parseToPage({ ...progress(4), text: 'x'.repeat(5000) })).toBeNull();
  });
});

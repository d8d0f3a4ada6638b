// @vitest-environment happy-dom
/// <reference lib="dom" />
// Imported declarations in the preview (issue 14): the page says which file each comes from (as
// text), what the server sends with `origin` survives the page's validation, and nothing else
// changes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import { parseToPage } from '../../client/webview/validate';
import type { Forecast } from '../../common/forecast';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { forecastMessage } from './fixtures';
import { mountPage } from './mount';

const MODEL = 'factor crisis "Crises persist" {\n  probability 80%\n}\n\noutcome push "Washington presses" {\n  base 20%\n  crisis raises strongly\n}\n';

let page: Page | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

/** The forecast as the server sends it for a file that imports `crisis` from a library. */
function imported(): Forecast {
  const f = forecast(analyze(MODEL).model);
  return { ...f, inputs: f.inputs.map((i) => ({ ...i, origin: 'lib/<b>pakistan</b>.scenario' })) };
}

describe('an imported factor in the preview', () => {
  it('keeps its origin through the page\'s validation', () => {
    const message = parseToPage(JSON.parse(JSON.stringify(forecastMessage(imported()))));
    const clean = message?.type === 'forecast' ? message.forecast : null;
    expect(clean?.inputs[0]!.origin).toBe('lib/<b>pakistan</b>.scenario');
    expect(clean?.outcomes[0]!.origin).toBeUndefined();
  });

  it('says which file it comes from, as text', () => {
    const mounted = mountPage(imported());
    page = mounted.page;
    const row = mounted.root.querySelector('section#inputs tr[data-name="crisis"]')!;
    expect(row.querySelector('.origin')!.textContent).toBe('from lib/<b>pakistan</b>.scenario');
    expect(row.querySelector('.origin b')).toBeNull();
    expect(mounted.root.querySelector('tr[data-name="push"] .origin')).toBeNull();
  });
});

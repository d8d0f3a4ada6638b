// The four themes every page is measured in, and switching the workbench to one of them
// (Preferences: Color Theme, then the theme by its label) until a webview page shows its classes.
import { waitFor } from './steps.mjs';

/** Each theme's label in the picker and the class VS Code gives a webview's body in it. */
export const THEMES = [
  { label: 'Light Modern', body: 'vscode-light' },
  { label: 'Dark Modern', body: 'vscode-dark' },
  { label: 'Light High Contrast', body: 'vscode-high-contrast-light' },
  { label: 'Dark High Contrast', body: 'vscode-high-contrast' },
];

/** Picks the theme in the palette (not by the first row: "Browse Color Themes in Marketplace" sorts before it). */
export async function pickTheme(page, theme) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row[aria-label*="Modern"]').first().waitFor({ timeout: 10_000 });
  await input.fill(theme.label);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${theme.label}"]`).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch {
    const rows = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((list) => list.map((r) => r.getAttribute('aria-label')));
    throw new Error(`no theme "${theme.label}" in the picker; its rows: ${JSON.stringify(rows)}`);
  }
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** In the page: whether its body has the theme's class (a dark high-contrast body is not also the light one). */
export function bodyInTheme(body, wanted) {
  const c = body.classList;
  return c.contains(wanted) && (wanted !== 'vscode-high-contrast' || !c.contains('vscode-high-contrast-light'));
}

/** The frame (of any webview) that holds `selector`. */
export async function frameWith(page, selector) {
  return waitFor(selector, async () => {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    return null;
  }, { timeout: 60_000 });
}

/** Switches to `theme` and resolves with the frame holding `selector` once its page is in it. */
export async function setThemeOf(page, theme, selector) {
  await pickTheme(page, theme);
  return waitFor(`${selector} in ${theme.label}`, async () => {
    const frame = await frameWith(page, selector);
    return (await frame.locator('body').evaluate(bodyInTheme, theme.body)) ? frame : null;
  });
}

/**
 * Narrows the page's body to each width in turn (the pane the page must fit), and throws where
 * the page then scrolls sideways or cuts a text at an edge; "526 px fits, 350 px fits".
 */
export async function fitsNarrowed(frame, widths) {
  const { horizontalFit } = await import('./previewChecks.mjs');
  const out = [];
  try {
    for (const width of widths) {
      await frame.evaluate((w) => {
        document.body.style.width = `${w}px`;
      }, width);
      const fit = await frame.evaluate(horizontalFit);
      if (fit.scrollWidth > fit.clientWidth + 1 || fit.cut.length > 0) throw new Error(`${width} px: ${JSON.stringify(fit).slice(0, 400)}`);
      out.push(`${width} px fits`);
    }
  } finally {
    await frame.evaluate(() => {
      document.body.style.width = '';
    });
  }
  return out.join(', ');
}

/**
 * In each of the four themes, the contrast of the texts `pick` keeps (of the page holding
 * `selector`) against `min` (WCAG AA for text, 4.5:1); `check(texts, theme)` may ask more of
 * what was measured. "Light Modern 6.3, Dark Modern 6.1, …": the lowest ratio in each.
 */
export async function contrastInThemes(page, selector, { pick = () => true, check = () => {}, min = 4.5 } = {}) {
  const { contrastOfTexts } = await import('./previewChecks.mjs');
  const worst = [];
  for (const theme of THEMES) {
    const frame = await setThemeOf(page, theme, selector);
    const texts = (await frame.evaluate(contrastOfTexts)).filter(pick);
    check(texts, theme);
    const low = texts.filter((t) => t.ratio < min);
    if (low.length > 0) throw new Error(`${theme.label}: ${low.slice(0, 3).map((t) => `${t.element} “${t.text}” ${t.ratio.toFixed(2)}`).join('; ')}`);
    worst.push(`${theme.label} ${Math.min(...texts.map((t) => t.ratio)).toFixed(1)}`);
  }
  return worst.join(', ');
}

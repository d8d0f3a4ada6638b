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

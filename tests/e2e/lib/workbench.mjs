// Driving the VS Code workbench in the page: the F1 palette, go to line, opening a file from the
// explorer, reverting it, and the forecast preview's page (the webview's inner frame).

/** Runs a palette entry (`>Command` or `:line:col`), waiting for `rowText` in the list first. */
export async function palette(page, text, rowText) {
  const input = page.locator('.quick-input-widget input');
  // Right after the workbench loads, the extensions' commands can be missing from the list for a
  // while: close the palette and ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(text);
    if (!rowText) break;
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Puts the cursor at a 1-based line and column of the active editor. */
export async function goTo(page, { line, column }) {
  await palette(page, `:${line}:${column}`);
}

/** Back to the file on disk (File: Revert File), with the editor focused first. */
export async function revert(page) {
  await palette(page, '>View: Focus Active Editor Group', 'Focus Active Editor Group');
  await palette(page, '>File: Revert File', 'Revert File');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
}

export async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.dblclick();
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 30_000 });
}

/** The preview page as a playwright Frame (for evaluate); the locators' route is frameLocator. */
export async function previewFrame(page) {
  const outer = await (await page.locator('iframe.webview.ready').first().elementHandle())?.contentFrame();
  const inner = await (await outer?.locator('#active-frame').elementHandle())?.contentFrame();
  if (!inner) throw new Error('the preview page is not there');
  return inner;
}

/** 1-based line and column of a regex group in a text. */
export function locate(text, re, group = 1) {
  const m = re.exec(text);
  if (!m) throw new Error(`pattern ${re} not found in the sample`);
  const offset = m.index + m[0].indexOf(m[group]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1, text: m[group], match: m };
}

// End-to-end test of the packaged extension in a real VS Code (code-server 4.100.3, Debian's
// chromium, playwright-core): the op-ed sample opens as Scenario, a hover explains a factor, the
// preview opens to the side with the CLI's numbers, a misspelled driver shows its diagnostic,
// a syntax error keeps the last forecast with a notice, hostile labels render as text, and the
// preview comes back after a reload. In the side pane (526 px, as Ctrl+K V opens it in a 1400×850
// window with the Explorer open) and at 350 px: no sideways scroll, nothing cut, a contradicted
// call in view and its link revealing the judged line, WCAG AA contrast of every text in the four
// built-in themes, editor → preview sync. Saves docs/images/preview.png and preview-narrow.png.
//
//   node tests/e2e/e2e.mjs            (after `npm run package` and `bash scripts/setup-e2e.sh`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { assertInstalled, installExtension, makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { ARTIFACTS, REPO, VSIX } from './lib/paths.mjs';
import { createRun, printSummary, waitFor } from './lib/steps.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { goTo, locate, openFromExplorer, palette, revert } from './lib/workbench.mjs';
import { boxOf, contrastOfTexts, horizontalFit } from './lib/previewChecks.mjs';

const OPED = 'samples/us-pakistan-2025.scenario';
const HOSTILE = 'samples/hostile-labels.scenario';
const SCREENSHOT = path.join(REPO, 'docs', 'images', 'preview.png');
const SCREENSHOT_NARROW = path.join(REPO, 'docs', 'images', 'preview-narrow.png');
/** The issue's window: Ctrl+K V then gives the preview 526 px beside the editor, with the Explorer open. */
const WINDOW = { width: 1400, height: 850 };
const PANE_WIDTHS = [526, 350];
/** WCAG 2 AA for text. */
const MIN_CONTRAST = 4.5;
const THEMES = [
  { label: 'Light Modern', body: 'vscode-light' },
  { label: 'Dark Modern', body: 'vscode-dark' },
  { label: 'Light High Contrast', body: 'vscode-high-contrast-light' },
  { label: 'Dark High Contrast', body: 'vscode-high-contrast' },
];
const HOSTILE_STRINGS = ['<img src=x onerror=alert(1)>', '</script>'];


function cliForecast(file, format = 'json') {
  const out = execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'forecast', file, '--format', format], { encoding: 'utf8' });
  return format === 'json' ? JSON.parse(out) : out;
}

/**
 * Each outcome's probability as the CLI's Markdown shows it (its first table, the baseline): the
 * page shows the same report (common/report), so the same text.
 */
function shownProbabilities(markdown) {
  const shown = {};
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const name = /^\*\*(.+?)\*\* /.exec(cells[1] ?? '')?.[1]?.replace(/\\(.)/g, '$1');
    if (name && !(name in shown)) shown[name] = cells[2];
  }
  return shown;
}

/** The preview page's own width (its document's client width). */
async function paneWidth(preview) {
  return preview().locator('html').evaluate(() => document.documentElement.clientWidth);
}

/**
 * Resizes the window until the preview pane is `target` px wide: the editor groups share the
 * window's change (the side bar keeps its width), so each step moves the window by twice the gap.
 */
async function setPaneWidth(page, preview, target) {
  for (let attempt = 0; attempt < 8; attempt++) {
    let last = -1;
    const width = await waitFor('a steady pane width', async () => {
      const w = await paneWidth(preview);
      const steady = w === last;
      last = w;
      return steady ? w : null;
    }, { timeout: 10_000, interval: 150 });
    if (Math.abs(width - target) <= 1) return width;
    const { width: windowWidth, height } = page.viewportSize();
    await page.setViewportSize({ width: windowWidth + 2 * (target - width), height });
  }
  throw new Error(`could not make the preview ${target} px wide (it is ${await paneWidth(preview)} px)`);
}

/** Throws unless the page fits its pane: no sideways scroll, no text past either edge. */
async function assertFits(preview, label) {
  const fit = await preview().locator('html').evaluate(horizontalFit);
  if (fit.scrollWidth > fit.clientWidth) throw new Error(`${label}: the page scrolls sideways (${fit.scrollWidth} > ${fit.clientWidth} px)`);
  if (fit.cut.length > 0) throw new Error(`${label}: text cut at the edge: ${fit.cut.slice(0, 5).join('; ')}`);
  return fit;
}

/** Throws unless the element is entirely inside the preview's viewport. */
async function assertInView(preview, selector, label) {
  const box = await preview().locator('html').evaluate(boxOf, selector);
  if (!box) throw new Error(`${label}: ${selector} is not on the page`);
  if (box.left < 0 || box.top < 0 || box.right > box.width + 0.5 || box.bottom > box.height + 0.5) {
    throw new Error(`${label}: ${selector} is not fully visible (${JSON.stringify(box)})`);
  }
  return box;
}

/** Preferences: Color Theme, then the theme by its label; resolves once the page has its classes. */
async function setTheme(page, preview, theme) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Preferences: Color Theme');
  // Not the first row: "Preferences: Browse Color Themes in Marketplace" sorts before it.
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
  await waitFor(`the preview in ${theme.label}`, async () => preview().locator('body').evaluate((body, wanted) => {
    const c = body.classList;
    return c.contains(wanted) && (wanted !== 'vscode-high-contrast' || !c.contains('vscode-high-contrast-light'));
  }, theme.body));
}

async function problemsLabel(page) {
  return (await page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label')) ?? '';
}

const errorCount = (label) => Number(/Errors?: (\d+)/.exec(label)?.[1] ?? (/No Problems/i.test(label) ? 0 : NaN));


export async function runUiTest(base, folder) {
  const run = createRun('ui');
  const oped = readFileSync(path.join(folder, path.basename(OPED)), 'utf8');
  const expected = cliForecast(path.join(folder, path.basename(OPED)));
  const expectedMarkdown = cliForecast(path.join(folder, path.basename(OPED)), 'markdown');
  const expectedShown = shownProbabilities(expectedMarkdown);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: WINDOW });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  let error;
  try {
    await run.step('workbench loads the folder', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: path.basename(OPED) }).first().waitFor({ timeout: 60_000 });
    });

    await run.step('op-ed sample opens in the Scenario language', async () => {
      await openFromExplorer(page, path.basename(OPED));
      await page.locator('.monaco-editor .view-lines').first().click();
      await waitFor('language mode Scenario', async () => (await page.locator('#status\\.editor\\.mode').textContent())?.includes('Scenario'));
      // the language server has answered once its code lens shows
      await page.locator('.codelens-decoration', { hasText: 'Open forecast preview' }).first().waitFor({ timeout: 60_000 });
      // the sample is clean: the language server reports no errors
      const label = await problemsLabel(page);
      if (errorCount(label) !== 0) throw new Error(`the op-ed sample has errors: ${label}`);
      return label;
    });

    const factor = locate(oped, /^factor\s+([A-Za-z][A-Za-z0-9_]*)\s*(?:"((?:[^"\\]|\\.)*)")?/m);
    await run.step(`hover on factor ${factor.text} explains it`, async () => {
      await goTo(page, factor);
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
      // ask for the hover (Show or Focus Hover) until the server's answer is shown
      const text = await waitFor('hover text', async () => {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const t = (await hover.innerText({ timeout: 2000 })).trim();
        return t.length > 0 ? t : null;
      }, { timeout: 45_000, interval: 250 });
      const label = factor.match[2]?.replace(/\\(["\\])/g, '$1');
      if (label && !text.includes(label)) throw new Error(`hover does not show the label "${label}": ${text}`);
      if (!/\d+(\.\d+)?\s?%/.test(text)) throw new Error(`hover shows no probability: ${text}`);
      await page.keyboard.press('Escape');
      return text.replace(/\s+/g, ' ').slice(0, 110);
    });

    await run.step('ctrl+k v opens the preview with the CLI forecast numbers', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('V');
      const rows = preview().locator('table.outcomes tbody tr');
      await rows.first().waitFor({ timeout: 60_000 });
      const shown = {};
      for (const row of await rows.all()) {
        shown[await row.getAttribute('data-name')] = (await row.locator('td.probability').innerText()).trim();
      }
      for (const o of expected.outcomes) {
        if (shown[o.name] !== expectedShown[o.name]) {
          throw new Error(`outcome ${o.name}: preview shows ${shown[o.name]}, the CLI ${expectedShown[o.name]}`);
        }
      }
      const csp = await preview().locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      if (!csp?.includes("default-src 'none'") || /unsafe-/.test(csp)) throw new Error(`unexpected CSP: ${csp}`);
      return expected.outcomes.map((o) => `${o.name} ${shown[o.name]}`).join(', ');
    });

    await run.step('the preview fits its pane at 526 px and 350 px (screenshots)', async () => {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      const widths = [];
      for (const [target, file] of [[PANE_WIDTHS[0], SCREENSHOT], [PANE_WIDTHS[1], SCREENSHOT_NARROW]]) {
        const width = await setPaneWidth(page, preview, target);
        await assertFits(preview, `${width} px`);
        // At 526 px the outcomes are a table; at 350 px each is a card, identifier under the label.
        const display = await preview().locator('table.outcomes tbody tr').first().evaluate((r) => getComputedStyle(r).display);
        if ((target < 440) !== (display === 'flex')) throw new Error(`${width} px: outcome rows display as ${display}`);
        await page.mouse.move(150, 600); // over the empty Explorer: no hover on the preview
        await page.screenshot({ path: file });
        widths.push(`${width} px (${display === 'flex' ? 'cards' : 'table'}) → ${path.relative(REPO, file)}`);
      }
      await setPaneWidth(page, preview, PANE_WIDTHS[0]);
      return widths.join(', ');
    });

    const lastOutcome = expected.outcomes.at(-1);
    const declared = locate(oped, new RegExp(`^outcome\\s+(${lastOutcome.name})\\b`, 'm'));
    await run.step(`clicking ${lastOutcome.name} in the preview reveals its declaration`, async () => {
      await preview().locator(`table.outcomes tbody tr[data-name="${lastOutcome.name}"]`).click();
      const selection = page.locator('#status\\.editor\\.selection');
      await waitFor(`the cursor on line ${declared.line}`, async () => (await selection.innerText()).includes(`Ln ${declared.line},`));
      return (await selection.innerText()).trim();
    });

    await run.step('Copy as Markdown in the preview puts what `scenario forecast --format markdown` prints on the clipboard', async () => {
      await preview().locator('button[data-action="copyMarkdown"]').click();
      await page.locator('.notifications-toasts', { hasText: 'copied as Markdown' }).first().waitFor({ timeout: 20_000 });
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      const lines = (text) => text.replace(/\r\n/g, '\n').trimEnd().split('\n');
      const [got, want] = [lines(markdown), lines(expectedMarkdown)];
      const differs = want.findIndex((line, i) => got[i] !== line);
      if (differs >= 0 || got.length !== want.length) {
        const at = differs >= 0 ? differs : Math.min(got.length, want.length);
        throw new Error(`the clipboard differs from the CLI's Markdown at line ${at + 1}: ${JSON.stringify(got[at])} vs ${JSON.stringify(want[at])}`);
      }
      await palette(page, '>Notifications: Clear All Notifications', 'Clear All Notifications');
      return `${markdown.split('\n').length} lines`;
    });

    const driver = locate(oped, /^[ \t]+([A-Za-z][A-Za-z0-9_]*)[ \t]+(?:raises|lowers)\b/m);
    await run.step(`misspelled driver ${driver.text} shows its diagnostic in Problems`, async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, driver);
      await page.keyboard.type('zz');
      await waitFor('an error in the status bar', async () => errorCount(await problemsLabel(page)) >= 1);
      await palette(page, '>Problems: Focus on Problems View', 'Focus on Problems View');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: `zz${driver.text}` }).first();
      await row.waitFor({ timeout: 20_000 });
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      if (!/unknown-name/.test(text) && !/did you mean/i.test(text)) throw new Error(`unexpected problem text: ${text}`);
      // The preview's bottom line lists the error with a link to its line.
      const link = preview().locator('#bottom-line .errors button.link', { hasText: `Line ${driver.line}:` }).first();
      await link.waitFor({ timeout: 20_000 });
      await revert(page);
      await waitFor('errors cleared after revert', async () => errorCount(await problemsLabel(page)) === 0);
      return text.slice(0, 120);
    });

    await run.step('a syntax error: what depends on it keeps its last numbers, marked, under a notice', async () => {
      await palette(page, '>View: Focus Active Editor Group', 'Focus Active Editor Group');
      await goTo(page, driver);
      await page.keyboard.type('{{ ');
      const notice = preview().locator('.notice-stale');
      await notice.waitFor({ timeout: 30_000 });
      const rows = await preview().locator('table.outcomes tbody tr').count();
      if (rows !== expected.outcomes.length) throw new Error(`the stale preview lost its outcomes (${rows})`);
      const marked = await preview().locator('table.outcomes tbody tr.stale .badge-stale').count();
      if (marked < 1) throw new Error('no outcome is marked as not updated');
      const text = (await notice.innerText()).trim();
      await revert(page);
      await notice.waitFor({ state: 'detached', timeout: 30_000 });
      return text.slice(0, 110);
    });

    const factorBody = { line: factor.line + 1, column: 3 };
    const firstOutcome = expected.outcomes[0];
    const outcomeDeclared = locate(oped, new RegExp(`^outcome\\s+(${firstOutcome.name})\\b`, 'm'));
    await run.step('editor → preview sync: the cursor in a declaration picks out its row', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, factorBody);
      await preview().locator(`table.inputs tr.at-cursor[data-name="${factor.text}"]`).waitFor({ timeout: 20_000 });
      await goTo(page, { line: outcomeDeclared.line + 1, column: 3 });
      await preview().locator(`table.outcomes tr.at-cursor[data-name="${firstOutcome.name}"]`).waitFor({ timeout: 20_000 });
      // An outcome at the cursor becomes the tornado's, and only one row is picked out.
      const selected = await preview().locator('#outcome-select').inputValue();
      if (selected !== firstOutcome.name) throw new Error(`the tornado shows ${selected}, not ${firstOutcome.name}`);
      const picked = await preview().locator('table.inputs tr.at-cursor, table.outcomes tr.at-cursor').count();
      if (picked !== 1) throw new Error(`${picked} rows picked out`);
      return `${factor.text} (line ${factorBody.line}) → its row; ${firstOutcome.name} → its row and the tornado`;
    });

    // A call far from the top: the last outcome's, made to contradict the forecast.
    const agreeing = [...expected.outcomes].reverse().find((o) => o.judged?.agrees);
    const judgedLine = locate(oped, new RegExp(`^outcome\\s+${agreeing.name}\\b[^]*?^[ \\t]+judged[ \\t]+([^\\n/]*?)[ \\t]*(?://.*)?$`, 'm'));
    const contradicting = agreeing.probability > 0.5 ? 'remote' : 'almost certain';
    await run.step(`a call made to contradict (${agreeing.name} judged ${contradicting}): marked in view at both widths, its link reveals the judged line`, async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, judgedLine);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type(contradicting);
      const link = preview().locator('#bottom-line .contradictions button.link', { hasText: agreeing.label }).first();
      await link.waitFor({ timeout: 30_000 });
      const row = `table.outcomes tr[data-name="${agreeing.name}"] .badge-contradicted`;
      await preview().locator(row).waitFor({ timeout: 10_000 });
      for (const target of PANE_WIDTHS) {
        const width = await setPaneWidth(page, preview, target);
        await preview().locator('html').evaluate(() => window.scrollTo(0, 0));
        await assertFits(preview, `${width} px with a contradiction`);
        await assertInView(preview, '.alert-bar', `${width} px, top`);
        // Scrolled to the end, far from the bottom line, the sticky cue is still in view.
        await preview().locator('html').evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await assertInView(preview, '.alert-bar', `${width} px, scrolled down`);
        // The bottom line's entry and the row's badge, scrolled to, are whole: not cut at an edge.
        for (const marker of ['#bottom-line .contradictions li', row]) {
          await preview().locator(marker).first().scrollIntoViewIfNeeded();
          await assertInView(preview, marker, `${width} px`);
        }
      }
      await setPaneWidth(page, preview, PANE_WIDTHS[0]);
      await page.locator('.monaco-editor .view-lines').first().click();
      await goTo(page, { line: 1, column: 1 });
      await preview().locator('html').evaluate(() => window.scrollTo(0, 0));
      await link.click();
      const selection = page.locator('#status\\.editor\\.selection');
      await waitFor(`the cursor on the judged line ${judgedLine.line}`, async () => (await selection.innerText()).includes(`Ln ${judgedLine.line},`));
      return `${(await link.innerText()).slice(0, 80)} → ${(await selection.innerText()).trim()}`;
    });

    await run.step(`every text has contrast ≥ ${MIN_CONTRAST}:1 in the four themes, at both widths`, async () => {
      // The page as edited above: a contradicted call, the alert bar and the links are on it.
      await page.mouse.move(150, 600); // over the empty Explorer: no hover on the preview
      const minima = [];
      try {
        for (const theme of THEMES) {
          await setTheme(page, preview, theme);
          let least = Infinity;
          for (const target of PANE_WIDTHS) {
            await setPaneWidth(page, preview, target);
            const texts = await preview().locator('html').evaluate(contrastOfTexts);
            if (texts.length < 50) throw new Error(`${theme.label}: only ${texts.length} texts measured`);
            const low = texts.filter((t) => t.ratio < MIN_CONTRAST);
            if (low.length > 0) {
              throw new Error(`${theme.label} at ${target} px: ${low.length} texts below ${MIN_CONTRAST}:1, e.g. ${low.slice(0, 4).map((t) => `${t.element} “${t.text}” ${t.ratio.toFixed(2)} (${t.color} on ${t.background})`).join('; ')}`);
            }
            least = Math.min(least, ...texts.map((t) => t.ratio));
          }
          minima.push(`${theme.label} ${least.toFixed(2)}`);
        }
      } finally {
        // Back to the default theme; a failure here must not hide the one above.
        await page.keyboard.press('Escape');
        await setTheme(page, preview, THEMES[1]).catch((e) => run.log(`could not restore the theme: ${e.message}`));
        await setPaneWidth(page, preview, PANE_WIDTHS[0]);
      }
      await revert(page);
      await preview().locator('#bottom-line .contradictions').waitFor({ state: 'detached', timeout: 30_000 });
      return `minimum ratio: ${minima.join(', ')}`;
    });

    await run.step('hostile labels render as text in the preview', async () => {
      await openFromExplorer(page, path.basename(HOSTILE));
      const body = preview().locator('body');
      const text = await waitFor('the hostile forecast in the preview', async () => {
        const t = await body.innerText({ timeout: 1000 });
        return HOSTILE_STRINGS.every((s) => t.includes(s)) ? t : null;
      });
      const injected = await preview().locator('main img, main svg[onload], main iframe, main [onerror], main script').count();
      if (injected > 0) throw new Error(`${injected} element(s) injected from file content`);
      if (dialogs.length > 0) throw new Error(`a dialog fired: ${dialogs.join(' | ')}`);
      return `${HOSTILE_STRINGS.length} hostile strings shown as text; no dialog; no injected element (${text.length} chars)`;
    });

    await run.step('a locked preview stays on its file when another editor is active', async () => {
      await palette(page, '>Scenario: Toggle Preview Lock', 'Toggle Preview Lock');
      const lockedTab = page.locator('.tab', { hasText: `[Forecast] ${path.basename(HOSTILE)}` }).first();
      await lockedTab.waitFor({ timeout: 10_000 });
      await page.locator('.tabs-container .tab', { hasText: path.basename(OPED) }).first().click();
      await page.locator(`.tabs-container .tab.active[aria-label*="${path.basename(OPED)}"]`).first().waitFor({ timeout: 10_000 });
      // the editor changed, the preview did not: still the hostile file, still locked
      const text = await preview().locator('body').innerText();
      if (!HOSTILE_STRINGS.every((s) => text.includes(s))) throw new Error('the locked preview followed the editor');
      if (await page.locator('.tab', { hasText: `Forecast ${path.basename(OPED)}` }).count()) throw new Error('a preview of the op-ed appeared');
    });

    await run.step('after Reload Window the preview comes back, locked, from its saved state', async () => {
      await palette(page, '>Developer: Reload Window', 'Reload Window');
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      // the active editor is the op-ed now, so only the saved state can bring back the hostile file
      await page.locator('.tab', { hasText: `[Forecast] ${path.basename(HOSTILE)}` }).first().waitFor({ timeout: 60_000 });
      const body = preview().locator('body');
      await waitFor('the restored preview', async () => {
        const t = await body.innerText({ timeout: 1000 });
        return HOSTILE_STRINGS.every((s) => t.includes(s));
      }, { timeout: 60_000 });
      if (dialogs.length > 0) throw new Error(`a dialog fired: ${dialogs.join(' | ')}`);
    });
  } catch (e) {
    error = String(e?.message ?? e);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'ui-failure.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  return { title: 'UI (code-server + chromium)', results: run.results, error };
}

export function uiWorkspace() {
  return makeWorkspace('ui', [OPED, HOSTILE]);
}

// Run on its own: start code-server with the packaged extension, run the UI test, stop.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  assertInstalled();
  const profile = makeProfile('ui');
  installExtension(profile, VSIX);
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startCodeServer(profile, { logFile: path.join(ARTIFACTS, 'code-server-ui.log') });
  let section;
  try {
    section = await runUiTest(server.base, uiWorkspace());
  } finally {
    await server.stop();
  }
  process.exitCode = printSummary([section]) === 0 ? 0 : 1;
}

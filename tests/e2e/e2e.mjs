// End-to-end test of the packaged extension in a real VS Code (code-server 4.100.3, Debian's
// chromium, playwright-core): the op-ed sample opens as Scenario, a hover explains a factor, the
// preview opens to the side with the CLI's numbers, a misspelled driver shows its diagnostic,
// a syntax error keeps the last forecast with a notice, hostile labels render as text, and the
// preview comes back after a reload. In the side pane (526 px, as Ctrl+K V opens it in a 1400×850
// window with the Explorer open) and at 350 px: no sideways scroll, nothing cut, a contradicted
// call in view and its link revealing the judged line, WCAG AA contrast of every text in the four
// built-in themes, editor → preview sync. The sections after the bottom line read as the CLI
// prints them: key judgments one for one with its JSON's `keyJudgments` (a click, or Tab and Enter,
// reveals the outcome; Copy and Scenario: Copy Key Judgments put its text output's sentences on the
// clipboard), What to watch for the tornado's outcome and Linchpins as its text output's lines, the
// alternative that observes with its observation and how probable it was. Saves
// docs/images/preview.png and preview-sections.png (526 px) and preview-narrow.png (350 px).
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
import { bodyInTheme, pickTheme, THEMES } from './lib/themes.mjs';
import { goTo, locate, openFromExplorer, palette, revert } from './lib/workbench.mjs';
import { boxOf, contrastOfTexts, horizontalFit, textElementsOf } from './lib/previewChecks.mjs';
import { assertSectionsMatch, parseCliText, readSections } from './lib/sectionChecks.mjs';

const OPED = 'samples/us-pakistan-2025.scenario';
const HOSTILE = 'samples/hostile-labels.scenario';
const SCREENSHOT = path.join(REPO, 'docs', 'images', 'preview.png');
const SCREENSHOT_NARROW = path.join(REPO, 'docs', 'images', 'preview-narrow.png');
const SCREENSHOT_SECTIONS = path.join(REPO, 'docs', 'images', 'preview-sections.png');
/** The sections after the bottom line that issue 9 added, by their ids. */
const NEW_SECTIONS = ['key-judgments', 'watch', 'linchpins', 'alternatives'];
/** Controls of the new sections whose text is measured again with the mouse over them. */
const HOVERED = ['#key-judgments button.judgment', '#key-judgments button.copy', '#watch li.signpost button.link', '#linchpins li.linchpin button.link', '#alternatives .moved button.link'];
/** The op-ed's alternative that observes instead of assuming, and how probable its observation was (the CLI's text). */
const OBSERVING = { name: 'Washington re-engages on security', evidence: '17%' };
/** The issue's window: Ctrl+K V then gives the preview 526 px beside the editor, with the Explorer open. */
const WINDOW = { width: 1400, height: 850 };
const PANE_WIDTHS = [526, 350];
/** Also checked for fit: the narrowest pane the issue names, and a wide one. */
const FIT_ONLY_WIDTHS = [300, 900];
/** WCAG 2 AA for text. */
const MIN_CONTRAST = 4.5;
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

/** Switches the workbench to `theme`; resolves once the preview's page has its classes. */
async function setTheme(page, preview, theme) {
  await pickTheme(page, theme);
  await waitFor(`the preview in ${theme.label}`, async () => preview().locator('body').evaluate(bodyInTheme, theme.body));
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
  const expectedText = parseCliText(cliForecast(path.join(folder, path.basename(OPED)), 'text'));
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
  /** Throws unless the key judgments, What to watch, Linchpins and alternatives read as the CLI's. */
  const checkSections = async (where) => assertSectionsMatch(await preview().locator('html').evaluate(readSections), expected, expectedText, expectedShown, where);
  const selection = page.locator('#status\\.editor\\.selection');
  /** Waits for the editor's cursor on a 1-based line (the status bar's "Ln N,"). */
  const cursorOnLine = (line) => waitFor(`the cursor on line ${line}`, async () => (await selection.innerText()).includes(`Ln ${line},`));
  /**
   * The keyboard focus in the op-ed's editor, the first group's (the preview is the second's). No
   * click on its lines: playwright scrolls the wide lines element sideways to reach its middle.
   */
  const focusEditor = async () => {
    await palette(page, '>View: Focus First Editor Group', 'Focus First Editor Group');
    await waitFor('the keyboard focus in the editor', () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') != null));
  };
  /**
   * The cursor to the file's start (a comment), and the preview told so: nothing picked out, so no re-render
   * is still to come when the test clicks in the page.
   */
  const awayFromDeclarations = async () => {
    // Ctrl+Home, not Go to Line: it scrolls the editor back to the first column too (screenshots).
    // A keystroke that lands while the palette is still closing is lost: focus and press again.
    for (let attempt = 1; ; attempt++) {
      await focusEditor();
      await page.keyboard.press('Control+Home');
      try {
        await waitFor('the cursor on line 1', async () => (await selection.innerText()).includes('Ln 1,'), { timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt === 4) throw e;
      }
    }
    await waitFor('nothing picked out in the preview', async () => (await preview().locator('.at-cursor').count()) === 0);
  };
  /** The line that declares a factor, event or outcome of the op-ed. */
  const declarationLine = (name) => locate(oped, new RegExp(`^(?:factor|event|outcome)\\s+(${name})\\b`, 'm')).line;
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

    await run.step('the preview fits its pane from 300 to 900 px, the sections as the CLI says (screenshots at 526 and 350 px)', async () => {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      // Nothing picked out by the cursor in the screenshots.
      await awayFromDeclarations();
      /** Scrolls the preview until `selector`'s section starts at its top (null: the page's top). */
      const scrollPreviewTo = async (selector) => {
        if (selector) await preview().locator(selector).evaluate((e) => e.scrollIntoView({ block: 'start' }));
        else await preview().locator('html').evaluate(() => window.scrollTo(0, 0));
        await waitFor(`${selector ?? 'the page'} at the top of the pane`, async () => {
          if (!selector) return (await preview().locator('html').evaluate(() => window.scrollY)) === 0;
          const box = await preview().locator('html').evaluate(boxOf, selector);
          return box && Math.abs(box.top) < 2;
        });
      };
      const widths = [];
      for (const [target, file] of [[PANE_WIDTHS[0], SCREENSHOT], [PANE_WIDTHS[1], SCREENSHOT_NARROW]]) {
        const width = await setPaneWidth(page, preview, target);
        await assertFits(preview, `${width} px`);
        // At 526 px the outcomes are a table; at 350 px each is a card, identifier under the label.
        const display = await preview().locator('table.outcomes tbody tr').first().evaluate((r) => getComputedStyle(r).display);
        if ((target < 440) !== (display === 'flex')) throw new Error(`${width} px: outcome rows display as ${display}`);
        // The sections after the bottom line are there, say what the CLI says, and fit too.
        const sections = await checkSections(`${width} px`);
        for (const id of NEW_SECTIONS) {
          const box = await preview().locator('html').evaluate(boxOf, `#${id}`);
          if (box.left < 0 || box.right > box.width + 0.5) throw new Error(`${width} px: #${id} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
          const inner = await preview().locator(`#${id}`).evaluate((e) => [e.scrollWidth, e.clientWidth]);
          if (inner[0] > inner[1]) throw new Error(`${width} px: #${id} overflows sideways (${inner[0]} > ${inner[1]} px)`);
        }
        await page.mouse.move(150, 600); // over the empty Explorer: no hover on the preview
        // 526 px: the top of the page (bottom line, key judgments), then What to watch and
        // Linchpins further down; 350 px: the outcomes as cards.
        const shots = target === PANE_WIDTHS[0] ? [[file, null], [SCREENSHOT_SECTIONS, '#watch']] : [[file, '#outcomes']];
        for (const [shot, scrolledTo] of shots) {
          await scrollPreviewTo(scrolledTo);
          await page.screenshot({ path: shot });
          widths.push(`${width} px (${display === 'flex' ? 'cards' : 'table'}${scrolledTo ? `, at ${scrolledTo}` : ''}) → ${path.relative(REPO, shot)}`);
        }
        await scrollPreviewTo(null);
        widths.push(`${width} px: ${sections}`);
      }
      // The issue's range, 300 px to a wide pane: no sideways scroll, nothing cut (no screenshots).
      for (const target of FIT_ONLY_WIDTHS) {
        const width = await setPaneWidth(page, preview, target);
        await assertFits(preview, `${width} px`);
        await checkSections(`${width} px`);
        widths.push(`${width} px fits`);
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

    await run.step('clicking a key judgment makes its outcome the tornado’s and reveals its declaration, at both widths', async () => {
      const picked = [];
      for (const [target, outcome] of [[PANE_WIDTHS[0], expected.outcomes[2]], [PANE_WIDTHS[1], expected.outcomes[3]]]) {
        await setPaneWidth(page, preview, target);
        await awayFromDeclarations();
        await preview().locator(`#key-judgments li[data-name="${outcome.name}"] button.judgment`).click();
        const line = declarationLine(outcome.name);
        await cursorOnLine(line);
        await preview().locator(`#key-judgments li.selected[data-name="${outcome.name}"]`).waitFor({ timeout: 10_000 });
        // What to watch follows: now the signposts of the outcome clicked, as the CLI lists them.
        await waitFor(`What to watch for ${outcome.name}`, async () => (await preview().locator('#outcome-select').inputValue()) === outcome.name);
        await checkSections(`${target} px, ${outcome.name} picked`);
        picked.push(`${target} px: ${outcome.name} → Ln ${line}`);
      }
      await setPaneWidth(page, preview, PANE_WIDTHS[0]);
      return picked.join('; ');
    });

    await run.step('Copy in Key judgments and Scenario: Copy Key Judgments put the CLI’s key judgments on the clipboard', async () => {
      const want = expectedText.keyJudgments.map((k) => `${k}\n`).join('');
      const copied = async (how, copy) => {
        // Something else on the clipboard first, so only this copy can make it match.
        await page.evaluate(() => navigator.clipboard.writeText('not the key judgments'));
        await copy();
        await page.locator('.notifications-toasts', { hasText: `${expected.keyJudgments.length} key judgments copied` }).first().waitFor({ timeout: 20_000 });
        const got = await page.evaluate(() => navigator.clipboard.readText());
        if (got !== want) {
          const [a, b] = [got.split('\n'), want.split('\n')];
          const at = b.findIndex((line, i) => a[i] !== line);
          throw new Error(`${how}: the clipboard differs from the CLI's key judgments at line ${at + 1}: ${JSON.stringify(a[at])} vs ${JSON.stringify(b[at])}`);
        }
        await palette(page, '>Notifications: Clear All Notifications', 'Clear All Notifications');
      };
      await copied('the preview’s Copy', () => preview().locator('#key-judgments button[data-action="copyKeyJudgments"]').click());
      await focusEditor();
      await copied('the palette', () => palette(page, '>Scenario: Copy Key Judgments', 'Copy Key Judgments'));
      return `${expected.keyJudgments.length} sentences, ${want.length} characters, both ways`;
    });

    await run.step('What to watch follows the tornado’s outcome; Linchpins and alternatives read as the CLI’s text', async () => {
      const outcome = expected.outcomes.find((o) => o.name === 'security_reengage') ?? expected.outcomes.at(-1);
      await preview().locator('#outcome-select').selectOption(outcome.name);
      await waitFor(`What to watch for ${outcome.name}`, async () => (await preview().locator('#watch li.signpost').first().getAttribute('data-name')) === outcome.signposts[0].name);
      const summary = await checkSections(`${outcome.name} in the tornado`);
      // The alternative that observes says so, and how probable its observation was.
      const alternative = preview().locator('#alternatives li.alternative-summary', { has: preview().locator('.alternative-name', { hasText: OBSERVING.name }) });
      if ((await alternative.count()) !== 1) throw new Error(`no alternative “${OBSERVING.name}”`);
      const evidence = (await alternative.locator('.evidence').innerText()).trim();
      if (!evidence.includes(OBSERVING.evidence)) throw new Error(`“${OBSERVING.name}” says ${JSON.stringify(evidence)}, not ${OBSERVING.evidence}`);
      const observes = (await alternative.locator('.assumes').innerText()).trim();
      if (!/observe \w+/.test(observes)) throw new Error(`“${OBSERVING.name}” does not say what it observes: ${observes}`);
      return `${summary}; “${OBSERVING.name}”: ${observes}; ${evidence}`;
    });

    await run.step('keyboard: Tab reaches a key judgment, a signpost, a linchpin and an outcome row; Enter reveals each', async () => {
      /** Clicks a section's heading (where Tab starts from), then Tabs until the focus is on `key`'s element. */
      const tabTo = async (heading, wanted) => {
        await awayFromDeclarations();
        await preview().locator(heading).click();
        const keys = [];
        for (let presses = 0; presses < 8; presses++) {
          await page.keyboard.press('Tab');
          const key = await preview().locator('html').evaluate(() => document.activeElement?.dataset?.key ?? document.activeElement?.tagName ?? null);
          keys.push(key);
          if (key && wanted(key)) {
            // The focus shows: an outline (or the inset bar rows use) on the focused element.
            const ring = await preview().locator('html').evaluate(() => {
              const s = getComputedStyle(document.activeElement);
              return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none', text: `${s.outlineStyle} ${s.outlineWidth} / ${s.boxShadow}` };
            });
            if (!ring.outline && !ring.shadow) throw new Error(`${key} has the focus but shows no focus ring (${ring.text})`);
            return key;
          }
        }
        throw new Error(`Tab from ${heading} never reached it; the focus went ${keys.join(' → ')}`);
      };
      const reached = [];
      for (const [heading, wanted, nameOf] of [
        ['#key-judgments-heading', (k) => k.startsWith('judgment:'), (k) => k.slice('judgment:'.length)],
        ['#watch-heading', (k) => k.startsWith('watch:'), (k) => k.slice('watch:'.length)],
        ['#linchpins-heading', (k) => k.startsWith('linchpin:'), (k) => k.split(':')[2]],
        ['#outcomes-heading', (k) => k.startsWith('outcome:'), (k) => k.slice('outcome:'.length)],
      ]) {
        const key = await tabTo(heading, wanted);
        const name = nameOf(key);
        const line = declarationLine(name);
        await page.keyboard.press('Enter');
        await cursorOnLine(line);
        reached.push(`${key} → Ln ${line}`);
      }
      return reached.join('; ');
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
      // Its key judgment says so too; the others are new.
      const staleNames = await preview().locator('table.outcomes tbody tr.stale').evaluateAll((rows) => rows.map((r) => r.dataset.name));
      for (const li of await preview().locator('#key-judgments ul.key-judgments > li').all()) {
        const name = await li.getAttribute('data-name');
        const sentence = await li.innerText();
        if (staleNames.includes(name) !== sentence.includes('these are its last good numbers')) {
          throw new Error(`the key judgment on ${name} (${staleNames.includes(name) ? 'not updated' : 'forecast anew'}) reads: ${sentence}`);
        }
      }
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
      // The key judgment on it says the call is contradicted, and only that one does.
      const contradictedSentences = await preview().locator('#key-judgments button.judgment', { hasText: 'this contradicts the analyst’s call' }).evaluateAll((list) => list.map((b) => b.closest('li').dataset.name));
      if (contradictedSentences.join() !== agreeing.name) throw new Error(`key judgments saying a call is contradicted: ${JSON.stringify(contradictedSentences)}, not [${agreeing.name}]`);
      const sentence = await preview().locator(`#key-judgments li[data-name="${agreeing.name}"] button.judgment`).innerText();
      if (!sentence.includes(`“${contradicting}”`)) throw new Error(`the key judgment on ${agreeing.name} does not name the call “${contradicting}”: ${sentence}`);
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

    await run.step(`every text has contrast ≥ ${MIN_CONTRAST}:1 in the four themes, at both widths, the new sections' controls hovered too`, async () => {
      // The page as edited above: a contradicted call, the alert bar and the links are on it. The
      // cursor in the trigger's declaration picks out its signpost and linchpin rows too.
      const tornado = await preview().locator('#outcome-select').inputValue();
      const watched = expected.outcomes.find((o) => o.name === tornado)?.signposts[0]?.name;
      if (!watched) throw new Error(`the tornado's outcome ${tornado} has no signpost`);
      await focusEditor();
      await goTo(page, { line: declarationLine(watched) + 1, column: 3 });
      await preview().locator(`#watch li.signpost.at-cursor[data-name="${watched}"]`).waitFor({ timeout: 20_000 });
      await page.mouse.move(150, 600); // over the empty Explorer: no hover on the preview
      const minima = [];
      const covered = new Map();
      let hoveredTexts = 0;
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
            // Every text of the new sections is among those measured (none skipped, none hidden).
            for (const id of NEW_SECTIONS) {
              const wanted = await preview().locator('html').evaluate(textElementsOf, `#${id}`);
              if (!wanted || wanted.length === 0) throw new Error(`${theme.label} at ${target} px: #${id} shows no text`);
              const measured = texts.filter((t) => t.section === id);
              const missing = wanted.filter((w) => !measured.some((t) => t.element === w.element && t.text === w.text));
              if (missing.length > 0) throw new Error(`${theme.label} at ${target} px: ${missing.length} texts of #${id} not measured, e.g. ${missing.slice(0, 3).map((m) => `${m.element} “${m.text}”`).join('; ')}`);
              covered.set(id, Math.max(covered.get(id) ?? 0, measured.length));
            }
          }
          // Hover styles of the new sections' controls (a background behind a sentence, a link's active colour).
          for (const hovered of HOVERED) {
            // A re-render (the theme's own message may still come) puts new elements under a mouse
            // that has not moved: hover again until the text under it is measured.
            const under = await waitFor(`text under the mouse on ${hovered} in ${theme.label}`, async () => {
              await page.mouse.move(150, 600);
              await preview().locator(hovered).first().hover();
              const found = (await preview().locator('html').evaluate(contrastOfTexts)).filter((t) => t.hovered);
              return found.length > 0 ? found : null;
            }, { timeout: 10_000, interval: 100 }).catch(async (e) => {
              const under = await preview().locator('html').evaluate(() => [...document.querySelectorAll(':hover')].map((h) => `${h.tagName.toLowerCase()}.${[...h.classList].join('.')}`).join(' > '));
              throw new Error(`${e.message}; under the mouse: ${under || 'nothing'}`);
            });
            const low = under.filter((t) => t.ratio < MIN_CONTRAST);
            if (low.length > 0) throw new Error(`${theme.label}, ${hovered} hovered: ${low.map((t) => `${t.element} “${t.text}” ${t.ratio.toFixed(2)} (${t.color} on ${t.background})`).join('; ')}`);
            least = Math.min(least, ...under.map((t) => t.ratio));
            hoveredTexts += under.length;
          }
          await page.mouse.move(150, 600);
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
      return `minimum ratio: ${minima.join(', ')}; texts measured in ${[...covered].map(([id, n]) => `#${id} ${n}`).join(', ')}, and ${hoveredTexts} under the mouse`;
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

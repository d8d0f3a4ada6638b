// Updates while typing, in the real VS Code: how long one keystroke in the op-ed sample takes to
// show new numbers in the preview (measured, printed and saved for `npm run bench`, never
// asserted), and inlay hints that sit right after the outcome's name and keep their text while
// one types in its line (never "(earlier version)").
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { CODE_SERVER, REPO } from './lib/paths.mjs';
import { createRun, waitFor } from './lib/steps.mjs';
import { updatesLine, writeUpdatesResult } from './lib/updatesResult.mjs';
import { goTo, locate, openFromExplorer, previewFrame, revert } from './lib/workbench.mjs';
import { makeWorkspace } from './lib/workspace.mjs';

const OPED = 'samples/us-pakistan-2025.scenario';
const OUTCOME = 'democracy_push';
const EDITS = 15;
/** A reader's pause between measured edits: past the preview's throttle interval, so each edit is timed on its own. */
const PAUSE_BETWEEN_EDITS_MS = 700;
/** How often the inlay hints are read while typing, and how long after the last keystroke. */
const SAMPLE_EVERY_MS = 10;
const SAMPLE_AFTER_TYPING_MS = 1_500;
/** Between keystrokes while typing in the outcome's line: a brisk typist. */
const TYPING_DELAY_MS = 90;
const EARLIER = '(earlier version)';

const probabilityCell = (name) => `table.outcomes tbody tr[data-name="${name}"] td.probability`;

/** Arms a watcher in the preview page for the cell's text to become `want` (or, unknown yet, to leave `before`). */
function armWatcher(frame, selector, before, want) {
  return frame.evaluate(([selector, before, want]) => {
    window.__scenarioUpdate = new Promise((resolve) => {
      const done = () => {
        const text = document.querySelector(selector)?.textContent?.trim() ?? null;
        if (text === null || (want !== null ? text !== want : text === before)) return false;
        resolve({ at: Date.now(), text });
        return true;
      };
      if (done()) return;
      const observer = new MutationObserver(() => done() && observer.disconnect());
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, [selector, before, want]);
}

async function settled(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function gitState() {
  const git = (...args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), uncommitted: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return { commit: 'unknown', uncommitted: false };
  }
}

function editorVersion() {
  const lib = path.join(path.dirname(path.dirname(CODE_SERVER)), 'code-server');
  const version = (file) => JSON.parse(readFileSync(path.join(lib, file), 'utf8')).version;
  try {
    return `VS Code ${version('lib/vscode/package.json')} (code-server ${version('package.json')})`;
  } catch {
    return 'VS Code (code-server)';
  }
}

/**
 * Runs in the page: the text of the editor line that declares the outcome, inlay hints included
 * (as the reader sees it), `count` times, `every` ms apart; null while the line is not rendered.
 */
async function sampleOutcomeLine([name, every, count]) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    // the editor renders spaces as no-break spaces
    const lines = [...document.querySelectorAll('.monaco-editor .view-line')].map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
    samples.push(lines.find((l) => l.includes(`outcome ${name}`)) ?? null);
    if (i + 1 < count) await new Promise((resolve) => setTimeout(resolve, every));
  }
  return samples;
}

export async function runUpdatesTest(base, folder) {
  const run = createRun('updates');
  const oped = readFileSync(path.join(folder, path.basename(OPED)), 'utf8');
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  const preview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const editor = page.locator('.monaco-editor .view-lines').first();
  // What stands between the outcome's name and its label: `outcome democracy_push ≈ 76% likely "Washington…`
  const hintIn = (line) => new RegExp(`outcome ${OUTCOME}(.*?)"`).exec(line ?? '')?.[1].trim() || null;
  let error;
  let inlayHints = null;
  try {
    await run.step('the op-ed sample opens with its preview beside it', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await openFromExplorer(page, path.basename(OPED));
      await editor.click();
      await page.locator('.codelens-decoration', { hasText: 'Open forecast preview' }).first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+K');
      await page.keyboard.press('V');
      await preview().locator(probabilityCell(OUTCOME)).waitFor({ timeout: 60_000 });
    });

    const labelWord = locate(oped, new RegExp(`^outcome ${OUTCOME} "(\\w+)`, 'm'));
    await run.step(`typing in ${OUTCOME}'s line: its inlay hint stays right after the name, never "${EARLIER}"`, async () => {
      await editor.click();
      await goTo(page, { line: labelWord.line, column: labelWord.column + labelWord.text.length }); // after the label's first word
      let line = null;
      const steady = await waitFor('the inlay hint right after the name', async () => {
        [line] = await page.evaluate(sampleOutcomeLine, [OUTCOME, 0, 1]);
        const hint = hintIn(line);
        return hint && /^≈ [\d.]+% [a-z ]+$/.test(hint) ? hint : null;
      }).catch((e) => {
        throw new Error(`${e.message}; the line reads ${JSON.stringify(line)}`);
      });
      // VS Code 1.100 keeps the width of a hint left of the cursor for the first render after a
      // keystroke and, at equal length, trims its last character to "…" (inlayHintsController:
      // `overFixedLength >= 0`): the same text at the same width, not something appended.
      const keptWidth = `${steady.slice(0, -1)}…`;
      const typed = ' now, and again';
      const typingMs = typed.length * TYPING_DELAY_MS;
      const sampling = page.evaluate(sampleOutcomeLine, [OUTCOME, SAMPLE_EVERY_MS, Math.ceil((typingMs + SAMPLE_AFTER_TYPING_MS) / SAMPLE_EVERY_MS)]);
      await page.keyboard.type(typed, { delay: TYPING_DELAY_MS });
      const samples = (await sampling).filter((s) => s !== null);
      await revert(page);
      const hints = samples.map(hintIn);
      const earlier = samples.filter((s) => s.includes(EARLIER));
      const other = hints.filter((h) => h !== steady && h !== keptWidth);
      if (samples.length < 50) throw new Error(`only ${samples.length} samples show the outcome's line`);
      if (earlier.length) throw new Error(`${earlier.length} of ${samples.length} samples show "${EARLIER}": ${earlier[0]}`);
      if (other.length) throw new Error(`${other.length} of ${samples.length} samples show another hint after the name than "${steady}": ${JSON.stringify(other[0])}`);
      const trimmed = hints.filter((h) => h === keptWidth).length;
      inlayHints = { samples: samples.length, steady, trimmedByVsCode: trimmed, earlierVersion: 0 };
      return `${samples.length} samples while typing: "${steady}" right after the name in ${samples.length - trimmed}, VS Code's same-width "${keptWidth}" in ${trimmed}`;
    });

    const base10 = locate(oped, new RegExp(`^outcome ${OUTCOME}\\b[^]*?^\\s*base (\\d)`, 'm'));
    await run.step(`one keystroke in ${OUTCOME}'s base -> its new number in the preview, ${EDITS} times (reported, not asserted)`, async () => {
      await editor.click();
      await goTo(page, { line: base10.line, column: base10.column + 1 });
      const digits = [base10.text, base10.text === '9' ? '1' : String(Number(base10.text) + 1)];
      const shown = [(await preview().locator(probabilityCell(OUTCOME)).innerText()).trim(), null];
      const times = [];
      for (let i = 1; i <= EDITS; i++) {
        const [from, to] = [(i + 1) % 2, i % 2];
        const frame = await previewFrame(page);
        await armWatcher(frame, probabilityCell(OUTCOME), shown[from], shown[to]);
        await page.keyboard.press('Escape'); // no suggestion widget in the way
        await page.keyboard.press('Shift+ArrowLeft'); // selects the digit typed last
        const keystroke = Date.now();
        await page.keyboard.type(digits[to]);
        const { at, text } = await settled(frame.evaluate(() => window.__scenarioUpdate), 30_000, `edit ${i}: the new number in the preview`);
        if (shown[to] === null) shown[to] = text;
        times.push(at - keystroke);
        await page.waitForTimeout(PAUSE_BETWEEN_EDITS_MS);
      }
      if (shown[0] === shown[1]) throw new Error(`the edit did not move the number (${shown[0]})`);
      const result = {
        inlayHints,
        run: { command: 'npm run test:e2e', at: new Date().toISOString(), ...gitState(), editor: editorVersion() },
        editToPreview: { sample: OPED, edits: times.length, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), timesMs: times },
      };
      writeUpdatesResult(result);
      console.log(`[e2e] ${updatesLine(result)}`);
      await revert(page);
      return `${updatesLine(result)} (${OUTCOME} ${shown[0]} <-> ${shown[1]})`;
    });
  } catch (e) {
    error = String(e?.message ?? e);
  } finally {
    await browser.close();
  }
  return { title: 'Updates while typing (code-server + chromium)', results: run.results, error };
}

export function updatesWorkspace() {
  return makeWorkspace('updates', [OPED]);
}

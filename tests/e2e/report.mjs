// The standalone report (`scenario report`) opened in the e2e setup's Chromium, as a reader opens
// the file: no script runs (not even the hostile sample's <img onerror>), nothing is requested but
// the file itself, the policy is never violated, and file text reads as written. Needs no
// code-server: it runs the built CLI (dist/cli.js). Saves docs/images/report.png (the op-ed sample)
// and, in the artifacts folder, the dark and print renderings and a PDF.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { ARTIFACTS, REPO } from './lib/paths.mjs';
import { createRun } from './lib/steps.mjs';

const SCREENSHOT = path.join(REPO, 'docs', 'images', 'report.png');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SAMPLES = ['us-pakistan-2025', 'hostile-labels'];

function cli(...args) {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO });
}

/** Counts what would show that the page ran or loaded something, from before its first byte. */
function watchPage() {
  window.__dialogs = 0;
  window.__violations = [];
  window.alert = window.confirm = window.prompt = () => { window.__dialogs++; };
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** What the DOM says about scripts, handlers and loads, read after the page has settled. */
function inspectPage() {
  const handlers = [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on')));
  return {
    scripts: document.scripts.length,
    loaders: document.querySelectorAll('img, iframe, object, embed, link, base, a[href], [src]').length,
    handlers,
    dialogs: window.__dialogs,
    violations: window.__violations,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    title: document.querySelector('h1')?.textContent ?? null,
    text: document.body.innerText,
    charts: document.querySelectorAll('svg.chart').length,
    judgments: [...document.querySelectorAll('#key-judgments li')].map((li) => li.textContent),
  };
}

export async function runReportTest() {
  const run = createRun('report');
  const out = path.join(ARTIFACTS, 'report');
  mkdirSync(out, { recursive: true });
  let browser;
  let error;
  try {
    browser = await launchBrowser();
    for (const name of SAMPLES) {
      // Relative to the repository, as the report names it (the screenshot shows it).
      const sample = path.join('samples', `${name}.scenario`);
      const file = path.join(out, `${name}.html`);
      const url = pathToFileURL(file).href;
      await run.step(`${name}: scenario report writes one file`, async () => {
        cli('report', sample, '-o', file, '--no-timing');
        return path.relative(REPO, file);
      });
      const expected = JSON.parse(cli('forecast', sample, '--format', 'json', '--no-timing'));
      const context = await browser.newContext({ viewport: { width: 1100, height: 1400 }, colorScheme: 'light' });
      const page = await context.newPage();
      const requests = [];
      const dialogs = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.addInitScript(watchPage);
      try {
        await run.step(`${name}: opens with no script run and nothing loaded but the file`, async () => {
          await page.goto(url, { waitUntil: 'load' });
          const seen = await page.evaluate(inspectPage);
          const problems = [];
          if (seen.scripts !== 0) problems.push(`${seen.scripts} script elements`);
          if (seen.loaders !== 0) problems.push(`${seen.loaders} elements that load`);
          if (seen.handlers.length > 0) problems.push(`event attributes ${seen.handlers.join(', ')}`);
          if (seen.dialogs !== 0 || dialogs.length > 0) problems.push(`dialogs opened: ${dialogs.join(' | ')}`);
          if (seen.violations.length > 0) problems.push(`CSP violations: ${seen.violations.join(', ')}`);
          const others = requests.filter((r) => r !== url);
          if (others.length > 0) problems.push(`requests besides the file: ${others.join(', ')}`);
          if (!seen.csp?.startsWith("default-src 'none'")) problems.push(`CSP meta ${JSON.stringify(seen.csp)}`);
          if (problems.length > 0) throw new Error(problems.join('; '));
          return `${requests.length} request, ${seen.charts} SVG charts, CSP ${seen.csp}`;
        });
        await run.step(`${name}: the file's text reads as written, key judgments one per outcome`, async () => {
          const seen = await page.evaluate(inspectPage);
          if (seen.title !== expected.title) throw new Error(`title ${JSON.stringify(seen.title)}, expected ${JSON.stringify(expected.title)}`);
          // Text with control or format characters (escape sequences, bidi overrides) is shown with them replaced.
          const plain = (s) => !/[\p{Cc}\p{Cf}]/u.test(s);
          const judgments = expected.keyJudgments.map((k) => k.text);
          if (seen.judgments.length !== expected.outcomes.length || judgments.some((j, i) => plain(j) && seen.judgments[i] !== j)) {
            throw new Error(`key judgments ${JSON.stringify(seen.judgments)}`);
          }
          const missing = expected.outcomes.map((o) => o.label).filter((l) => plain(l) && !seen.text.includes(l));
          if (missing.length > 0) throw new Error(`labels not shown as text: ${missing.join(' | ')}`);
          return `${judgments.length} key judgments`;
        });
        if (name === 'us-pakistan-2025') {
          await run.step('screenshots: docs/images/report.png (light), dark and print in the artifacts', async () => {
            // From the title to the end of the outcomes: key judgments, the table and the probability chart.
            const bottom = await page.evaluate(() => document.querySelector('#outcomes').getBoundingClientRect().bottom + window.scrollY);
            await page.screenshot({ path: SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: Math.ceil(bottom) + 16 } });
            await page.emulateMedia({ colorScheme: 'dark' });
            await page.screenshot({ path: path.join(out, 'report-dark.png'), fullPage: true });
            await page.emulateMedia({ media: 'print', colorScheme: 'light' });
            await page.screenshot({ path: path.join(out, 'report-print.png'), fullPage: true });
            await page.pdf({ path: path.join(out, 'report.pdf'), format: 'A4', printBackground: true });
            return path.relative(REPO, SCREENSHOT);
          });
        }
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    error = String(e?.message ?? e);
  } finally {
    await browser?.close();
  }
  return { title: 'Standalone report (chromium)', results: run.results, error };
}

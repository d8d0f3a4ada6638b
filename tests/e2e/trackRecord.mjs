// The Track Record in the real VS Code (issue 12): the e2e workspace is the ILLUSTRATIVE sample's
// history replayed into a git repository (scripts/replay-track-record.mjs, dated commits);
// "Scenario: Show Track Record" opens the panel, whose table and calibration chart must equal
// `node bin/scenario.js score FOLDER --format json`; the table sorts; a question's link puts the
// editor's cursor on its declaration; a save reads the history again (progress shown) and the page
// follows; no horizontal overflow at 526 px; contrast ≥ 4.5:1 in the four themes (the texts of
// the summary, the chart, the calibration table and the questions table all measured). A question
// that imports a library (whose name is markup) has a library commit as its forecast of record: its
// row says "library … changed", the name as text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { REPO } from './lib/paths.mjs';
import { createRun, waitFor } from './lib/steps.mjs';
import { goTo, openFromExplorer, palette } from './lib/workbench.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { contrastInThemes, fitsNarrowed, frameWith } from './lib/themes.mjs';
import { replayTrackRecord } from '../../scripts/replay-track-record.mjs';

const EDITED = 'germany-2025.scenario';
const IMPORTER = 'pakistan-ties.scenario';
const LIBRARY = 'lib/base <img src=x onerror=alert(1)>.scenario';

export function trackRecordWorkspace() {
  const dir = makeWorkspace('track-record', []);
  rmSync(dir, { recursive: true, force: true });
  replayTrackRecord(dir);
  // After the sample's history: a question that imports a library, then a commit of the library
  // alone, both before the question resolved, so the forecast of record is the library's commit.
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Analyst', GIT_AUTHOR_EMAIL: 'analyst@example.org', GIT_COMMITTER_NAME: 'Analyst', GIT_COMMITTER_EMAIL: 'analyst@example.org' };
  const git = (args, date) => execFileSync('git', args, { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
  const library = (p) => `factor rapport "Leaders get on" {\n  probability ${p}\n}\n`;
  mkdirSync(path.join(dir, 'lib'), { recursive: true });
  writeFileSync(path.join(dir, LIBRARY), library('likely'));
  writeFileSync(path.join(dir, IMPORTER), `import "${LIBRARY}"\n\nscenario "Ties" {\n  seed 3\n}\n\noutcome ties "Security re-engagement" {\n  base 20%\n  rapport raises x3\n  resolved yes on 2025-10-01\n}\n`);
  git(['add', '--', IMPORTER, LIBRARY], '2025-09-01T09:00:00Z');
  git(['commit', '-q', '-m', 'Ties: the question and its library'], '2025-09-01T09:00:00Z');
  writeFileSync(path.join(dir, LIBRARY), library('10%'));
  git(['commit', '-q', '-am', 'Library: rapport 10%'], '2025-09-15T09:00:00Z');
  return dir;
}

const cliScore = (folder) => JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'scenario.js'), 'score', folder, '--format', 'json', '--no-cache'], { encoding: 'utf8' }));

function readTable() {
  return [...document.querySelectorAll('#questions-table tbody tr')].map((r) => ({
    name: r.dataset.name, file: r.dataset.file, line: Number(r.dataset.line), forecast: Number(r.dataset.forecast), brier: Number(r.dataset.brier),
    daily: r.dataset.daily === '' ? null : Number(r.dataset.daily), resolved: r.querySelector('td:nth-child(2)')?.textContent ?? '',
    brierText: r.querySelector('td:nth-child(5)')?.textContent ?? '',
  }));
}

function readChart() {
  return [...document.querySelectorAll('svg.calibration-chart circle.point')].map((c) => ({
    phrase: c.dataset.phrase, count: Number(c.dataset.count), forecast: Number(c.dataset.forecast), observed: Number(c.dataset.observed),
  }));
}

const close = (a, b) => Math.abs(a - b) <= 1e-6;

export async function runTrackRecordTest(base, folder) {
  const run = createRun('trackRecord');
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  let error;
  try {
    await run.step('Scenario: Show Track Record opens the panel for the workspace', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: EDITED }).first().waitFor({ timeout: 60_000 });
      await palette(page, '>Scenario: Show Track Record', 'Show Track Record');
      const frame = await frameWith(page, '#questions-table tbody tr');
      return `${await frame.locator('#questions-table tbody tr').count()} rows`;
    });

    await run.step('the table and the calibration chart equal scenario score --format json', async () => {
      const cli = cliScore(folder);
      const frame = await frameWith(page, '#questions-table tbody tr');
      const rows = await frame.evaluate(readTable);
      if (rows.length !== cli.questions.length) throw new Error(`${rows.length} rows, the CLI has ${cli.questions.length} questions`);
      cli.questions.forEach((q, i) => {
        const r = rows[i];
        if (r.name !== q.name || !q.file.endsWith(r.file) || r.line !== q.line) throw new Error(`row ${i}: ${JSON.stringify(r)} vs ${q.file}:${q.line} ${q.name}`);
        if (!close(r.forecast, q.forecast) || !close(r.brier, q.brier) || (q.meanDailyBrier === null ? r.daily !== null : !close(r.daily, q.meanDailyBrier))) {
          throw new Error(`${q.name}: ${JSON.stringify(r)} vs ${JSON.stringify(q)}`);
        }
      });
      const points = await frame.evaluate(readChart);
      const rowsWithQuestions = cli.summary.calibration.filter((c) => c.count > 0);
      if (points.length !== rowsWithQuestions.length) throw new Error(`${points.length} points, the CLI has ${rowsWithQuestions.length} phrases with questions`);
      rowsWithQuestions.forEach((c, i) => {
        const p = points[i];
        if (p.phrase !== c.phrase || p.count !== c.count || !close(p.forecast, c.meanForecast) || !close(p.observed, c.observed)) {
          throw new Error(`${c.phrase}: ${JSON.stringify(p)} vs ${JSON.stringify(c)}`);
        }
      });
      const beats = await frame.locator('#fact-beats').textContent();
      if (beats !== `${cli.summary.modelBeatsJudged} of ${cli.summary.judgedCount}`) throw new Error(`model better on “${beats}”`);
      if (!(await frame.locator('svg.calibration-chart line.diagonal').count())) throw new Error('no diagonal');
      return `${rows.length} questions, ${points.length} points, model better on ${beats}`;
    });

    await run.step('a forecast of record from a commit of the library alone says so, the library\u2019s name as text', async () => {
      const cli = cliScore(folder).questions.find((q) => q.name === 'ties');
      if (JSON.stringify(cli?.changedImports) !== JSON.stringify([LIBRARY])) throw new Error(`the CLI: ${JSON.stringify(cli)}`);
      const frame = await frameWith(page, '#questions-table tbody tr[data-name="ties"] .library');
      const shown = await frame.evaluate(() => ({
        note: document.querySelector('#questions-table tbody tr[data-name="ties"] td:last-child .library')?.textContent ?? null,
        notes: document.querySelectorAll('#questions-table .library').length,
        images: document.querySelectorAll('#root img').length,
      }));
      if (shown.note !== `library ${LIBRARY} changed` || shown.notes !== 1 || shown.images !== 0) throw new Error(JSON.stringify(shown));
      return shown.note;
    });

    await run.step('the table sorts by Brier, both ways', async () => {
      const frame = await frameWith(page, '#questions-table tbody tr');
      await frame.locator('button[data-sort="brier"]').click();
      const up = (await frame.evaluate(readTable)).map((r) => r.brier);
      if (up.some((b, i) => i > 0 && b < up[i - 1])) throw new Error(`not ascending: ${up.join(', ')}`);
      await frame.locator('button[data-sort="brier"]').click();
      const down = (await frame.evaluate(readTable)).map((r) => r.brier);
      if (down.some((b, i) => i > 0 && b > down[i - 1])) throw new Error(`not descending: ${down.join(', ')}`);
      const sortState = await frame.locator('button[data-sort="brier"]').evaluate((b) => b.parentElement.getAttribute('aria-sort'));
      if (sortState !== 'descending') throw new Error(`aria-sort ${sortState}`);
      await frame.locator('button[data-sort="question"]').click();
      return `${up.length} rows, aria-sort ${sortState}`;
    });

    await run.step('a question\u2019s link puts the editor\u2019s cursor on its declaration', async () => {
      const frame = await frameWith(page, '#questions-table tbody tr');
      const row = frame.locator('#questions-table tbody tr[data-name="merz_chancellor"]');
      const line = Number(await row.getAttribute('data-line'));
      await row.locator('button.question-link').click();
      await page.locator(`.tabs-container .tab.active[aria-label*="${EDITED}"]`).first().waitFor({ timeout: 30_000 });
      await waitFor(`the cursor on line ${line}`, async () => {
        const status = await page.locator('.statusbar-item:has-text("Ln ")').first().textContent().catch(() => '');
        return new RegExp(`Ln ${line},`).test(status ?? '') ? status : null;
      }, { timeout: 15_000 });
      return `${EDITED}, line ${line}`;
    });

    await run.step('a save reads the history again, with progress, and the page follows', async () => {
      const frame = await frameWith(page, '#questions-table tbody tr');
      await frame.evaluate(() => {
        window.__progressSeen = false;
        new MutationObserver(() => {
          if (document.querySelector('#track-progress')) window.__progressSeen = true;
        }).observe(document.body, { childList: true, subtree: true });
      });
      // afd_in_government resolved no → yes, in the editor, then saved.
      await openFromExplorer(page, EDITED);
      const line = Number(await frame.locator('#questions-table tbody tr[data-name="afd_in_government"]').getAttribute('data-line'));
      const source = readFileSync(path.join(folder, EDITED), 'utf8').split('\n');
      const at = source.findIndex((l, i) => i >= line - 1 && /resolved no on/.test(l));
      if (at < 0) throw new Error('no resolved no line under afd_in_government');
      const column = source[at].indexOf('no on') + 1;
      await goTo(page, { line: at + 1, column });
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('yes');
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
      const shown = await waitFor('the page showing afd_in_government resolved yes', async () => {
        const rows = await frame.evaluate(readTable).catch(() => []);
        const afd = rows.find((r) => r.name === 'afd_in_government');
        return afd && afd.resolved.startsWith('yes') ? afd : null;
      }, { timeout: 30_000 });
      const cli = cliScore(folder).questions.find((q) => q.name === 'afd_in_government');
      if (!cli.resolved || !close(shown.brier, cli.brier)) throw new Error(`${JSON.stringify(shown)} vs ${JSON.stringify(cli)}`);
      if (!(await frame.evaluate(() => window.__progressSeen))) throw new Error('no progress was shown while the history was read again');
      return `afd_in_government: ${shown.resolved}, Brier ${shown.brierText}`;
    });

    await run.step('no horizontal overflow at 526 and 350 px', async () => {
      const frame = await frameWith(page, '#questions-table tbody tr');
      return fitsNarrowed(frame, [526, 350]);
    });

    await run.step('contrast ≥ 4.5:1 in the four themes, every section measured', async () => contrastInThemes(page, '#questions-table', {
      check: (texts, theme) => {
        for (const id of ['summary', 'calibration', 'questions']) {
          if (!texts.some((t) => t.section === id)) throw new Error(`${theme.label}: no text of #${id} was measured`);
        }
        if (!texts.some((t) => t.element.startsWith('text.') && t.section === 'calibration')) throw new Error(`${theme.label}: the chart's labels were not measured`);
        if (texts.length < 30) throw new Error(`${theme.label}: only ${texts.length} texts measured`);
      },
    }));
  } catch (e) {
    error = String(e?.message ?? e);
    const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.querySelector('#root')?.textContent?.slice(0, 300) ?? null).catch(() => null)));
    console.log(`[trackRecord] pages: ${JSON.stringify(texts.filter(Boolean))}`);
    await page.screenshot({ path: path.join(REPO, 'tests', 'e2e', 'artifacts', 'track-record-failure.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  return { title: 'trackRecord', results: run.results, error };
}

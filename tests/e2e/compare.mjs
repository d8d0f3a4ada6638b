// Compare and History in the real VS Code (issue 11): a git repository in the e2e workspace with
// two commits of the op-ed sample; "Scenario: Compare Forecast with Last Commit" shows each moved
// outcome's waterfall, whose numbers must equal `node bin/scenario.js diff FILE --format json`; a
// click on a change puts the editor's cursor on its line; "…with Revision…" offers the file's
// commits (a hostile subject reads as plain text) and compares the one picked; the preview's History section lists the
// versions; no horizontal overflow at 526 and 350 px; contrast ≥ 4.5:1 in the four themes. A file
// that imports a library (whose name is markup) has a commit of the library alone: its History row
// says "library … changed", the name as text, its points in the chart are hollow with a key
// "library changed: …", and it still fits 526 and 350 px. Takes the README's
// screenshot of the compare view (docs/images/compare.png).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { REPO } from './lib/paths.mjs';
import { createRun, waitFor } from './lib/steps.mjs';
import { openFromExplorer, palette } from './lib/workbench.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { contrastInThemes, fitsNarrowed, frameWith } from './lib/themes.mjs';

const SAMPLE = 'samples/us-pakistan-2025.scenario';
const NAME = path.basename(SAMPLE);
const IMPORTER = 'question.scenario';
const LIBRARY = 'lib/base <img src=x onerror=alert(1)>.scenario';
export function compareWorkspace() {
  const dir = makeWorkspace('compare', [SAMPLE]);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Analyst', GIT_AUTHOR_EMAIL: 'analyst@example.org', GIT_COMMITTER_NAME: 'Analyst', GIT_COMMITTER_EMAIL: 'analyst@example.org' };
  const git = (args, date) => execFileSync('git', args, { cwd: dir, env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env });
  git(['init', '-q', '-b', 'main']);
  git(['add', NAME]);
  git(['commit', '-q', '-m', 'Op-ed model'], '2025-01-01T12:00:00Z');
  const file = path.join(dir, NAME);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says'));
  git(['commit', '-q', '-am', 'Rapport: 40% <b>$(alert)</b>'], '2025-01-02T12:00:00Z');
  // A question that imports a library, then a commit of the library alone (the op-ed's log is unchanged).
  mkdirSync(path.join(dir, 'lib'), { recursive: true });
  const library = (p) => `factor rapport "Leaders get on" {\n  probability ${p}\n}\n`;
  writeFileSync(path.join(dir, LIBRARY), library('likely'));
  writeFileSync(path.join(dir, IMPORTER), `import "${LIBRARY}"\n\nscenario "Question" {\n  seed 3\n}\n\noutcome ties "Security re-engagement" {\n  base 20%\n  rapport raises x3\n}\n`);
  git(['add', IMPORTER, LIBRARY]);
  git(['commit', '-q', '-m', 'Question and library'], '2025-01-03T12:00:00Z');
  writeFileSync(path.join(dir, LIBRARY), library('10%'));
  git(['commit', '-q', '-am', 'Library: rapport 10%'], '2025-01-04T12:00:00Z');
  // The working copy: one more change, not committed.
  writeFileSync(file, readFileSync(file, 'utf8').replace('probability 10%..25%', 'probability 30%'));
  return dir;
}

/** The History section against the body narrowed to each width: nothing wider than the body outside a scroll area. */
async function historyFits(frame, widths) {
  const fits = [];
  for (const width of widths) {
    await frame.evaluate((w) => {
      document.body.style.width = `${w}px`;
    }, width);
    // The section against the narrowed body: nothing in it wider than the body, no text past its edges.
    const fit = await frame.evaluate(() => {
      const body = document.body.getBoundingClientRect();
      const history = document.querySelector('#history');
      const wide = [...history.querySelectorAll('*')].filter((e) => !e.closest('.scroll-x'))
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.left < body.left - 0.5 || r.right > body.right + 0.5))
        .map(({ e, r }) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(r.left - body.left)}–${Math.round(r.right - body.left)}`);
      return { body: Math.round(body.width), section: history.scrollWidth, wide: wide.slice(0, 5) };
    });
    if (fit.wide.length > 0 || fit.section > fit.body) throw new Error(`${width} px: ${JSON.stringify(fit)}`);
    fits.push(`${width} px (section ${fit.section} px)`);
  }
  await frame.evaluate(() => {
    document.body.style.width = '';
  });
  return fits;
}


export async function runCompareTest(base, folder) {
  const run = createRun('compare');
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  const file = path.join(folder, NAME);
  let error;
  try {
    await run.step('Compare Forecast with Last Commit shows the waterfalls', async () => {
      await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      await openFromExplorer(page, NAME);
      await page.locator('.monaco-editor .view-lines').first().click();
      await palette(page, '>Scenario: Compare Forecast with Last Commit', 'Compare Forecast with Last Commit');
      await frameWith(page, 'section.compare-outcome');
    });

    await run.step('the waterfall\u2019s numbers equal scenario diff --format json', async () => {
      const cli = JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'scenario.js'), 'diff', file, '--format', 'json'], { encoding: 'utf8' }));
      const frame = await frameWith(page, 'section.compare-outcome');
      const shown = await frame.evaluate(() => [...document.querySelectorAll('section.compare-outcome')].map((s) => ({
        name: s.dataset.outcome, before: Number(s.dataset.before), after: Number(s.dataset.after), delta: Number(s.dataset.delta),
        shares: [...s.querySelectorAll('table.waterfall-table tbody tr')].map((r) => ({ change: Number(r.dataset.change), points: Number(r.dataset.points) })),
      })));
      const moved = cli.outcomes.filter((o) => o.delta !== 0);
      if (shown.length !== moved.length) throw new Error(`${shown.length} outcomes shown, the CLI moved ${moved.length}`);
      for (const o of moved) {
        const s = shown.find((x) => x.name === o.name);
        if (!s) throw new Error(`${o.name} is not shown`);
        if (Math.abs(s.before - o.before) > 1e-12 || Math.abs(s.after - o.after) > 1e-12 || Math.abs(s.delta - o.delta) > 1e-12) throw new Error(`${o.name}: ${JSON.stringify(s)} vs ${JSON.stringify(o)}`);
        const want = o.attribution.map((a) => `${a.change}:${a.points}`).join(' ');
        const got = s.shares.map((a) => `${a.change}:${a.points}`).join(' ');
        if (want !== got) throw new Error(`${o.name} shares ${got}, the CLI ${want}`);
      }
      return `${moved.length} outcomes, ${cli.changes.length} changes`;
    });

    await run.step('a click on a change puts the editor\u2019s cursor on its line', async () => {
      const frame = await frameWith(page, 'section.compare-outcome');
      const line = await frame.evaluate(() => {
        const row = document.querySelector('table.waterfall-table tbody tr.clickable');
        const where = row?.querySelector('td:nth-child(4)')?.textContent ?? '';
        row?.click();
        return Number(/line (\d+)/.exec(where)?.[1]);
      });
      await waitFor(`the cursor on line ${line}`, async () => {
        const status = await page.locator('.statusbar-item[id*="selectionStatus"], .statusbar-item:has-text("Ln ")').first().textContent().catch(() => '');
        return new RegExp(`Ln ${line},`).test(status ?? '') ? status : null;
      }, { timeout: 15_000 });
      return `line ${line}`;
    });

    await run.step('no horizontal overflow at 526 and 350 px; screenshot', async () => {
      const frame = await frameWith(page, 'section.compare-outcome');
      await page.locator('iframe.webview.ready').last().screenshot({ path: path.join(REPO, 'docs', 'images', 'compare.png') });
      return fitsNarrowed(frame, [526, 350]);
    });

    await run.step('contrast ≥ 4.5:1 in the four themes', async () => contrastInThemes(page, 'section.compare-outcome', {
      check: (texts, theme) => {
        if (texts.length < 10) throw new Error(`${theme.label}: only ${texts.length} texts measured`);
      },
    }));

    await run.step('Compare Forecast with Revision… offers the file\u2019s commits as plain text; the first equals scenario diff FILE@REV FILE', async () => {
      const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: folder, encoding: 'utf8' }).trim();
      await palette(page, '>View: Focus First Editor Group', 'Focus First Editor Group');
      await palette(page, '>Scenario: Compare Forecast with Revision', 'Compare Forecast with Revision');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await waitFor('the two commits in the quick pick', async () => (await rows.count()) === 2);
      const hostile = rows.filter({ hasText: 'Rapport: 40%' }).first();
      const label = (await hostile.locator('.label-name').first().textContent()) ?? '';
      // The subject reads as written: markup as text, `$(alert)` as characters, no icon drawn.
      if (!label.includes('<b>') || !label.replace(/\u2060/g, '').includes('$(alert)')) throw new Error(`the subject reads ${JSON.stringify(label)}`);
      if ((await hostile.locator('.codicon-alert').count()) !== 0) throw new Error('the subject drew an icon');
      await page.locator('.quick-input-widget input').fill('Op-ed model');
      await waitFor('one commit left', async () => (await rows.count()) === 1);
      await page.keyboard.press('Enter');
      const cli = JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'scenario.js'), 'diff', `${file}@${first}`, file, '--format', 'json'], { encoding: 'utf8' }));
      const moved = cli.outcomes.filter((o) => o.delta !== 0);
      const want = moved.map((o) => `${o.name}:${o.before}→${o.after}`).sort().join(' ');
      const shown = await waitFor('the waterfalls of the first commit against the working copy', async () => {
        const frame = await frameWith(page, 'section.compare-outcome');
        const got = await frame.evaluate(() => [...document.querySelectorAll('section.compare-outcome')]
          .map((x) => `${x.dataset.outcome}:${Number(x.dataset.before)}→${Number(x.dataset.after)}`).sort().join(' '));
        return got === want ? got : null;
      });
      return `${first.slice(0, 8)}: ${moved.length} outcomes moved, ${cli.changes.length} changes; ${shown.slice(0, 80)}`;
    });

    await run.step('the preview\u2019s History section shows the versions', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('V');
      const frame = await frameWith(page, '#history table.history-table');
      const rows = await frame.evaluate(() => [...document.querySelectorAll('#history table.history-table tbody tr th')].map((t) => t.textContent));
      if (rows.length !== 3 || !rows[0].startsWith('2025-01-01') || !rows[1].startsWith('2025-01-02') || rows[2] !== 'working copy') throw new Error(JSON.stringify(rows));
      return rows.join(' | ');
    });

    await run.step('the History section fits 526 and 350 px, and its texts have contrast ≥ 4.5:1 in the four themes', async () => {
      const frame = await frameWith(page, '#history table.history-table');
      const fits = await historyFits(frame, [526, 350]);
      const worst = await contrastInThemes(page, '#history table.history-table', {
        pick: (t) => t.section === 'history',
        check: (texts, theme) => {
          if (texts.length < 5) throw new Error(`${theme.label}: only ${texts.length} texts of the History section measured`);
        },
      });
      return `fits ${fits.join(' and ')}; ${worst}`;
    });

    await run.step('a commit of an imported library alone says so in the History row, its name as text; fits 526 and 350 px', async () => {
      await openFromExplorer(page, IMPORTER);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('V');
      const frame = await frameWith(page, '#history tr.library');
      const shown = await frame.evaluate(() => {
        const rows = [...document.querySelectorAll('#history table.history-table tbody tr')];
        const row = document.querySelector('#history tr.library');
        const note = row.querySelector('td.subject .library');
        return {
          library: rows.map((r) => r.classList.contains('library')), note: note?.textContent ?? null, title: note?.getAttribute('title') ?? null,
          subject: row.querySelector('td.subject').textContent, images: document.querySelectorAll('#history img').length,
          hollow: [...document.querySelectorAll('#history svg.history-chart circle.dot.library')].map((c) => getComputedStyle(c).fill),
          filled: [...document.querySelectorAll('#history svg.history-chart circle.dot:not(.library)')].map((c) => getComputedStyle(c).fill),
          key: document.querySelector('#history svg.history-chart g.library-key text')?.textContent ?? null,
          keyTitle: document.querySelector('#history svg.history-chart g.library-key title')?.textContent ?? null,
        };
      });
      // The library commit's point is hollow (not its series' colour, which the other version's point has), and the key names the file.
      if (shown.hollow.length !== 1 || shown.filled.length !== 1 || shown.hollow[0] === shown.filled[0]) throw new Error(`the chart's points ${JSON.stringify(shown)}`);
      if (!shown.key?.startsWith('library changed: lib/base <img') || !shown.keyTitle?.endsWith(`library changed: ${LIBRARY}`)) throw new Error(`the chart's key ${JSON.stringify(shown)}`);
      if (JSON.stringify(shown.library) !== '[false,true]') throw new Error(`library rows ${JSON.stringify(shown)}`);
      if (shown.note !== `library ${LIBRARY} changed` || !shown.title?.endsWith(`: ${LIBRARY}`)) throw new Error(`the note reads ${JSON.stringify(shown)}`);
      if (!shown.subject.endsWith('Library: rapport 10%') || shown.images !== 0) throw new Error(JSON.stringify(shown));
      const fits = await historyFits(frame, [526, 350]);
      return `${shown.note.slice(0, 60)}; fits ${fits.join(' and ')}`;
    });
  } catch (e) {
    error = String(e?.message ?? e);
    const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.querySelector('#root')?.textContent?.slice(0, 300) ?? null).catch(() => null)));
    console.log(`[compare] pages: ${JSON.stringify(texts.filter(Boolean))}`);
    await page.screenshot({ path: path.join(REPO, 'tests', 'e2e', 'artifacts', 'compare-failure.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  return { title: 'compare', results: run.results, error };
}

// Runs the in-host mocha suite (tests/e2e/vscode-suite) inside a real VS Code's extension host
// through code-server, the way @vscode/test-web does for the browser: the workbench URL carries
// extensionDevelopmentPath (this repository) and extensionTestsPath; the exit code arrives through
// window.codeAutomationExit and the extension host's console through window.codeAutomationLog.
//
//   node tests/e2e/run-host-tests.mjs        (after `npm run build` and `bash scripts/setup-e2e.sh`)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import util from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { assertInstalled, makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { ARTIFACTS, REPO } from './lib/paths.mjs';
import { printSummary } from './lib/steps.mjs';
import { makeWorkspace } from './lib/workspace.mjs';

const SUITE = path.join(REPO, 'tests', 'e2e', 'vscode-suite', 'index.js');
const NOISE = /Creating a socket|connection token|Service Worker|ChatSessionStore|builtin extensions cache|Extension host \(Remote\) is unresponsive/;

export function hostWorkspace() {
  return makeWorkspace('host', ['tests/e2e/fixtures/example.scenario']);
}

export async function runHostTests(base, folder) {
  const started = Date.now();
  const authority = new URL(base).host; // code-server's remote authority is the host the browser uses
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(REPO)], ['extensionTestsPath', remote(SUITE)]];
  const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const results = [];
  let lastPassAt = started;
  const browser = await launchBrowser();
  let error;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || [])).replace(/%c/g, '');
      if (NOISE.test(line)) return;
      console.log(`[host ${type}] ${line}`);
      const m = /\[scenario-suite\] (PASS|FAIL) (.*?)(?: \((\d+) ms\))?(?: :: (.*))?$/.exec(line);
      if (m) {
        const now = Date.now();
        results.push({ name: m[2], ok: m[1] === 'PASS', seconds: m[3] ? Number(m[3]) / 1000 : (now - lastPassAt) / 1000, detail: m[4] });
        lastPassAt = now;
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const timeout = Number(process.env.EXT_TEST_TIMEOUT_MS || 300_000);
    const timer = setTimeout(() => finish('timeout'), timeout);
    await page.goto(url);
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0) {
      error = code === 'timeout' ? `the suite did not finish within ${timeout / 1000} s` : `the suite exited with code ${code}`;
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'host-failure.png') }).catch(() => {});
    }
    if (code === 0 && results.length === 0) error = 'the suite reported no test results';
  } catch (e) {
    error = String(e?.message ?? e);
  } finally {
    await browser.close();
  }
  return { title: 'In-host mocha suite (code-server)', results, error };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  assertInstalled();
  const profile = makeProfile('host');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startCodeServer(profile, { logFile: path.join(ARTIFACTS, 'code-server-host.log') });
  let section;
  try {
    section = await runHostTests(server.base, hostWorkspace());
  } finally {
    await server.stop();
  }
  process.exitCode = printSummary([section]) === 0 ? 0 : 1;
}

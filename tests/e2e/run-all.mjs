// The whole end-to-end run on the packaged extension: one code-server (VS Code 1.100) with an
// isolated profile and dist/scenario.vsix installed, then the UI test (e2e.mjs) and the in-host
// mocha suite (run-host-tests.mjs); then the standalone report in Chromium (report.mjs, no
// code-server). Prints a pass/fail summary; exits 1 on any failure.
//
//   npm run test:e2e                    (= npm run package && node tests/e2e/run-all.mjs)
//   npm run test:e2e -- --only ui,report  (only these sections: ui, updates, host, report, compare, trackRecord)
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runUiTest, uiWorkspace } from './e2e.mjs';
import { hostWorkspace, runHostTests } from './run-host-tests.mjs';
import { runReportTest } from './report.mjs';
import { runUpdatesTest, updatesWorkspace } from './updates.mjs';
import { compareWorkspace, runCompareTest } from './compare.mjs';
import { runTrackRecordTest, trackRecordWorkspace } from './trackRecord.mjs';
import { assertInstalled, installExtension, makeProfile, startCodeServer } from './lib/codeServer.mjs';
import { ARTIFACTS, REPO, VSIX } from './lib/paths.mjs';
import { printSummary } from './lib/steps.mjs';

const SECTIONS = ['ui', 'updates', 'host', 'report', 'compare', 'trackRecord'];
const at = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
const list = at < 0 ? SECTIONS.join(',') : process.argv[at].startsWith('--only=') ? process.argv[at].slice('--only='.length) : process.argv[at + 1] ?? '';
const chosen = new Set(list.split(',').filter(Boolean));
const unknown = [...chosen].filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0 || chosen.size === 0) {
  console.error(`[e2e] --only takes a comma-separated list of ${SECTIONS.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  process.exit(2);
}
if (chosen.size < SECTIONS.length) console.log(`[e2e] only ${[...chosen].join(', ')}`);

const started = Date.now();
const sections = [];
let server;
const needsServer = ['ui', 'updates', 'host', 'compare', 'trackRecord'].some((s) => chosen.has(s));
if (needsServer) try {
  assertInstalled();
  if (!existsSync(VSIX)) throw new Error(`${path.relative(REPO, VSIX)} is missing; run npm run package`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = makeProfile('e2e');
  const t0 = Date.now();
  const installed = installExtension(profile, VSIX);
  console.log(`[e2e] installed ${installed.replace(/\n/g, ', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  server = await startCodeServer(profile, { logFile: path.join(ARTIFACTS, 'code-server.log') });
  console.log(`[e2e] code-server ${server.base} (pid ${server.pid}) ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (chosen.has('ui')) sections.push(await runUiTest(server.base, uiWorkspace()));
  if (chosen.has('updates')) sections.push(await runUpdatesTest(server.base, updatesWorkspace()));
  if (chosen.has('host')) sections.push(await runHostTests(server.base, hostWorkspace()));
  if (chosen.has('compare')) sections.push(await runCompareTest(server.base, compareWorkspace()));
  if (chosen.has('trackRecord')) sections.push(await runTrackRecordTest(server.base, trackRecordWorkspace()));
} catch (error) {
  sections.push({ title: 'setup', results: [], error: String(error?.message ?? error) });
} finally {
  await server?.stop();
}
if (chosen.has('report')) sections.push(await runReportTest());
const failed = printSummary(sections);
console.log(`[e2e] total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);

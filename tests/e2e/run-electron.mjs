// Runs the in-host suite with @vscode/test-electron, which downloads VS Code 1.100 (for machines
// that can reach update.code.visualstudio.com; here and in CI the same suite runs through
// code-server instead: tests/e2e/run-host-tests.mjs).
//
//   npm run build && node tests/e2e/run-electron.mjs
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, WORK } from './lib/paths.mjs';
import { hostWorkspace } from './run-host-tests.mjs';

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    cachePath: path.join(WORK, 'vscode-test'), // the download stays in the gitignored work folder
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'tests', 'e2e', 'vscode-suite', 'index.js'),
    launchArgs: [hostWorkspace(), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('in-host suite (test-electron): PASS');
} catch (error) {
  console.error('in-host suite (test-electron): FAIL', error);
  process.exitCode = 1;
}

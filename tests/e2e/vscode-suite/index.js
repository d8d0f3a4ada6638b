// Entry of the in-host suite (extensionTestsPath). Runs INSIDE the extension host, launched either
// by @vscode/test-electron (tests/e2e/run-electron.mjs) or through code-server
// (tests/e2e/run-host-tests.mjs). Each result is also logged on one line for the runners' summary.
const fs = require('fs');
const path = require('path');
const mochaModule = require('mocha');
const Mocha = mochaModule.Mocha || mochaModule;

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
    runner.on('pass', (test) => console.log(`[scenario-suite] PASS ${test.fullTitle()} (${test.duration} ms)`));
    runner.on('fail', (test, error) => console.log(`[scenario-suite] FAIL ${test.fullTitle()} :: ${String(error && error.message).split('\n')[0]}`));
  });
};

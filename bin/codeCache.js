// Runs the bundled CLI with V8's code cache (dist/cli.js.cache), made once at build time, so that
// each start does not compile the bundle again (about a tenth of `scenario check`'s time). The
// cache is used only for the very bundle it was made from (a SHA-256 of the source is kept beside
// it); V8 itself rejects one from another Node version, and then the bundle compiles as usual.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.js');
const CACHE = `${BUNDLE}.cache`;
const DIGEST = `${BUNDLE}.cache.sha256`;

function compile(source, cachedData) {
  return new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
}

function run(script) {
  const module = { exports: {}, filename: BUNDLE };
  script.runInThisContext().call(module.exports, module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
}

function digest(source) {
  return createHash('sha256').update(source).digest('hex');
}

/** Runs the CLI with process.argv as it is, from the cache when it fits the bundle. */
function runCli() {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cachedData;
  try {
    if (fs.readFileSync(DIGEST, 'utf8').trim() === digest(source)) cachedData = fs.readFileSync(CACHE);
  } catch {
    // no cache (a development build): compile as usual
  }
  run(compile(source, cachedData));
}

/**
 * Makes the cache at build time: runs the CLI on each of `commands` (their output is dropped) so
 * that the functions those commands need are compiled, then writes what V8 compiled.
 */
function writeCache(commands) {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const script = compile(source, undefined);
  const write = process.stdout.write;
  const saved = process.argv;
  process.stdout.write = () => true;
  try {
    for (const argv of commands) {
      process.argv = [process.argv[0], BUNDLE, ...argv];
      run(script);
    }
  } finally {
    process.stdout.write = write;
    process.argv = saved;
    process.exitCode = 0;
  }
  fs.writeFileSync(CACHE, script.createCachedData());
  fs.writeFileSync(DIGEST, `${digest(source)}\n`);
}

module.exports = { runCli, writeCache };

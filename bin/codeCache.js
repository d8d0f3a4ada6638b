// Runs the bundled CLI with V8's code cache (dist/cli.js.cache), made once at build time, so that
// each start does not compile the bundle again (about a tenth of `scenario check`'s time). The
// cache is used only for the very bundle it was made from (the bundle's size and modification time
// are kept beside it: hashing 650 KB on every start cost more than the check it saves; a rebuild
// rewrites the bundle, and so its time); V8 itself rejects one from another Node version, and
// then the bundle compiles as usual.
'use strict';
const { isAscii } = require('node:buffer');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

// V8's optimising compiler, set for a command that is over in a few hundred milliseconds: less
// inlining per compiled function (920 bytes of bytecode by default), so that its compile jobs end
// while they are still of use. A cold forecast runs most of its JavaScript before a job with the
// default inlining is done (the 60-variable benchmark, node bench/startup.mjs: about 8% faster
// side by side; a 4-second Monte Carlo forecast within noise). Set before the bundle compiles and
// when the cache is made: V8 keeps a cache only for the flags it was made with.
setV8Flag('--max-inlined-bytecode-size-cumulative=200');

/**
 * Sets a V8 flag through Node's internal binding, the function node:v8 calls: loading node:v8
 * itself loads Node's whole streams stack (25 modules, about 2 ms of a start) that the CLI never
 * uses. The binding is deprecated (its warning is silenced for this one call); node:v8 where it
 * is gone.
 */
function setV8Flag(flag) {
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const binding = process.binding('v8');
    if (typeof binding.setFlagsFromString === 'function') return binding.setFlagsFromString(flag);
  } catch {
    // no such binding: below
  } finally {
    process.noDeprecation = quiet;
  }
  return require('node:v8').setFlagsFromString(flag);
}

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.js');
const CACHE = `${BUNDLE}.cache`;
const FINGERPRINT = `${BUNDLE}.cache.stamp`;

/**
 * The bundle's text. The build makes it ASCII (scripts/asciiBundle.mjs), which reads as Latin-1
 * in a third of the time of UTF-8 decoding (about 2 ms of a start); a bundle that is not (a watch
 * build) is read as UTF-8.
 */
function readBundle() {
  const bytes = fs.readFileSync(BUNDLE);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

function compile(source, cachedData) {
  return new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
}

function run(script) {
  const module = { exports: {}, filename: BUNDLE };
  script.runInThisContext().call(module.exports, module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
}

/** The bundle as it is on disk: its size and modification time. */
function fingerprint() {
  const stat = fs.statSync(BUNDLE);
  return `${stat.size}:${stat.mtimeMs}`;
}

/**
 * Runs the CLI with process.argv as it is, from the cache when it fits the bundle. `mark` is told
 * when each step of the start ends ('read', 'compiled', 'ran'; bench/startup.mjs times them). A
 * command that answers synchronously ends the process itself (server/src/cli.ts), before 'ran'.
 */
function runCli(mark = () => {}) {
  const source = readBundle();
  let cachedData;
  try {
    if (fs.readFileSync(FINGERPRINT, 'utf8').trim() === fingerprint()) cachedData = fs.readFileSync(CACHE);
  } catch {
    // no cache (a development build): compile as usual
  }
  mark('read');
  const script = compile(source, cachedData);
  mark(script.cachedDataRejected === false ? 'compiled' : 'compiled without cache');
  run(script);
  mark('ran');
}

/**
 * Makes the cache at build time: runs the CLI on each of `commands` (their output is dropped) so
 * that the functions those commands need are compiled, then writes what V8 compiled.
 */
function writeCache(commands) {
  const source = readBundle();
  const script = compile(source, undefined);
  // The CLI writes its output to descriptors 1 and 2 with fs.writeSync (server/src/cli/output.ts),
  // and ends the process once a synchronous command has answered (server/src/cli.ts): here the
  // next command follows instead.
  const write = process.stdout.write;
  const writeSync = fs.writeSync;
  const exit = process.exit;
  const saved = process.argv;
  process.stdout.write = () => true;
  process.exit = () => {};
  fs.writeSync = (fd, data, ...rest) => (fd !== 1 && fd !== 2 ? writeSync(fd, data, ...rest)
    : typeof rest[1] === "number" ? rest[1] : Buffer.byteLength(data));
  try {
    for (const argv of commands) {
      process.argv = [process.argv[0], BUNDLE, ...argv];
      run(script);
    }
  } finally {
    process.stdout.write = write;
    fs.writeSync = writeSync;
    process.exit = exit;
    process.argv = saved;
    process.exitCode = 0;
  }
  fs.writeFileSync(CACHE, script.createCachedData());
  fs.writeFileSync(FINGERPRINT, `${fingerprint()}\n`);
}

module.exports = { runCli, writeCache };

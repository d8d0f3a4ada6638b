// Polling instead of fixed sleeps, for both e2e sides: the Node runners (ESM, through steps.mjs)
// and the in-host mocha suite (CommonJS, inside VS Code's extension host, through
// vscode-suite/helpers.js, which loads it from this repository as the extension host does).

/** Polls `probe` until it returns a truthy value (which is returned) or the time is up. */
async function waitFor(what, probe, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

module.exports = { waitFor };

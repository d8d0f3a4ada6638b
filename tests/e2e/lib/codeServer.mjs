// A real VS Code (code-server 4.100.3 = VS Code 1.100) with an isolated profile: its own config,
// user data, extensions and XDG data folder, bound to 127.0.0.1 with no auth. Stopped by PID.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_SERVER, WORK } from './paths.mjs';

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 150,
  'files.autoSave': 'off',
  'window.restoreWindows': 'all',
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function assertInstalled() {
  if (!existsSync(CODE_SERVER)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER}; run: bash scripts/setup-e2e.sh`);
  }
}

/** A fresh profile folder under the work folder. */
export function makeProfile(name) {
  const dir = path.join(WORK, 'profiles', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'user-data', 'User'), { recursive: true });
  mkdirSync(path.join(dir, 'extensions'), { recursive: true });
  writeFileSync(path.join(dir, 'config.yaml'), '');
  writeFileSync(path.join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return {
    dir,
    args: ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')],
  };
}

function env() {
  return { ...process.env, XDG_DATA_HOME: path.join(WORK, 'xdg-data') };
}

export function installExtension(profile, vsix) {
  execFileSync(CODE_SERVER, [...profile.args, '--install-extension', vsix, '--force'], { env: env(), stdio: 'pipe' });
  return execFileSync(CODE_SERVER, [...profile.args, '--list-extensions', '--show-versions'], { env: env(), encoding: 'utf8' }).trim();
}

/** Starts code-server and resolves when /healthz answers. */
export async function startCodeServer(profile, { logFile }) {
  const port = await freePort();
  const out = openSync(logFile, 'w');
  const child = spawn(
    CODE_SERVER,
    [...profile.args, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override'],
    { env: env(), stdio: ['ignore', out, out], detached: false },
  );
  const base = `http://127.0.0.1:${port}`;
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    pid: child.pid,
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}

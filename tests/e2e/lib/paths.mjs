// Where the end-to-end tests find things: the repository (from this file's location) and the
// work folder (code-server install, profiles, workspaces), by default <repo>/.e2e-work (gitignored).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WORK = path.resolve(process.env.E2E_WORK ?? path.join(REPO, '.e2e-work'));
export const CODE_SERVER = path.join(WORK, 'cs', 'node_modules', '.bin', 'code-server');
export const VSIX = path.join(REPO, 'dist', 'scenario.vsix');
export const ARTIFACTS = path.join(REPO, 'tests', 'e2e', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

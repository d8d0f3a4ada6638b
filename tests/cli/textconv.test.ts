// The textconv driver of the README ("Forecast changes in plain git"), set up as a user would
// (.gitattributes + git config diff.scenario.textconv) in a real repository: `git diff` and
// `git log -p` show the forecast lines that moved beside the text that changed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, smallModel, type TempRepo } from '../history/repo';
import { useBundledCli } from './bundle';

const { dir: tempDir, run } = useBundledCli('scenario-cli-textconv-');
let repo: TempRepo;

/** The README's two set-up lines: the .gitattributes line and the textconv command. */
function readmeSetup(): { attributes: string; textconv: string } {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const attributes = /^echo '([^']+)' >> \.gitattributes$/m.exec(readme)?.[1];
  const textconv = /^git config diff\.scenario\.textconv "([^"]+)"$/m.exec(readme)?.[1];
  expect(attributes).toBe('*.scenario diff=scenario');
  expect(textconv).toBe('npx scenario textconv');
  return { attributes: attributes!, textconv: textconv! };
}

beforeAll(() => {
  const setup = readmeSetup();
  repo = makeRepo();
  repo.write('.gitattributes', `${setup.attributes}\n`);
  // What the README says, with the bundled CLI in place of `npx scenario`.
  repo.git('config', 'diff.scenario.textconv', setup.textconv.replace('npx scenario', `'${process.execPath}' '${join(tempDir(), 'cli.js')}'`));
  repo.write('model.scenario', smallModel());
  repo.commit('First', 1);
  repo.write('model.scenario', smallModel({ rapport: '40%' }));
  repo.commit('Rapport 40%', 2);
});

afterAll(() => repo.remove());

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });

describe('textconv driver', () => {
  it('scenario textconv prints the file, then one forecast line per outcome', () => {
    const { code, stdout } = run('textconv', join(repo.dir, 'model.scenario'));
    expect(code).toBe(0);
    expect(stdout.startsWith(smallModel({ rapport: '40%' }).trimEnd())).toBe(true);
    expect(stdout).toMatch(/\n\/\/ ---- forecast \(scenario textconv\) ----\n\/\/ forecast ties: \d+(\.\d)?% \([a-z ]+\)\n$/);
  });

  it('git log -p shows the line that changed and the forecast that moved with it', () => {
    const log = git('log', '-p', '-1', '--format=%s');
    expect(log).toMatch(/^-\s+probability likely$/m);
    expect(log).toMatch(/^\+\s+probability 40%$/m);
    const removed = /^-\/\/ forecast ties: (.+)$/m.exec(log);
    const added = /^\+\/\/ forecast ties: (.+)$/m.exec(log);
    expect(removed?.[1]).toBeDefined();
    expect(added?.[1]).toBeDefined();
    expect(added![1]).not.toBe(removed![1]);
  });

  it('git diff of the working copy, and a version with errors says so instead of numbers', () => {
    repo.write('model.scenario', smallModel({ rapport: 'maybe' }));
    try {
      const diff = git('diff');
      expect(diff).toMatch(/^\+\/\/ no forecast: 1 error \(scenario check shows them\)$/m);
      expect(diff).toMatch(/^-\/\/ forecast ties: /m);
    } finally {
      git('checkout', '--', 'model.scenario');
    }
  });
});

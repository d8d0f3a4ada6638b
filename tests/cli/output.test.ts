// The CLI writes its output to file descriptors 1 and 2 itself (server/src/cli/output.ts): all of
// it, through Node's stream when the descriptor would block, and nothing more once the reader has gone.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../fixture';
import { useBundledCli } from './bundle';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, writeSync: vi.fn(real.writeSync) };
});
const { writeOut } = await import('../../server/src/cli/output');
const writeSync = vi.mocked(fs.writeSync);
const cli = useBundledCli('scenario-output-');

afterEach(() => {
  writeSync.mockReset();
  vi.restoreAllMocks();
});

describe('the CLI output', () => {
  it('writes all of a text the descriptor takes in parts, and nothing for an empty one', () => {
    const taken: string[] = [];
    writeSync.mockImplementation(((fd: number, buffer: Buffer, offset: number, length: number) => {
      const n = Math.min(length, 3);
      taken.push(`${fd}:${buffer.subarray(offset, offset + n).toString('utf8')}`);
      return n;
    }) as typeof fs.writeSync);
    writeOut('stdout', 'abcdefg');
    writeOut('stderr', '');
    writeOut('stderr', 'xy');
    expect(taken).toEqual(['1:abc', '1:def', '1:g', '2:xy']);
  });

  it("gives the rest to Node's stream when the descriptor would block", () => {
    let calls = 0;
    writeSync.mockImplementation((() => {
      if (calls++ === 0) return 3;
      throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
    }) as typeof fs.writeSync);
    const rest: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: Uint8Array) => {
      rest.push(Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write);
    writeOut('stdout', 'héllo');
    expect(rest).toEqual(['llo']); // 'h' and the two bytes of 'é' went first
  });

  it('stops quietly when the reader has gone, and throws any other failure', () => {
    writeSync.mockImplementation((() => {
      throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' });
    }) as typeof fs.writeSync);
    expect(() => writeOut('stdout', 'x')).not.toThrow();
    writeSync.mockImplementation((() => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    }) as typeof fs.writeSync);
    expect(() => writeOut('stdout', 'x')).toThrow('EIO');
  });

  it('gives a reader that stops early what it read, with no error from the CLI', () => {
    // `scenario forecast … | head -c 100` with an answer far larger than a pipe holds (64 KB).
    const lines = ['factor f { probability 40% }'];
    for (let i = 0; i < 300; i++) lines.push(`outcome o${i} "Outcome number ${i}" {\n  base 20%\n  f raises weakly\n}`);
    const model = join(cli.dir(), 'wide.scenario');
    fs.writeFileSync(model, `${lines.join('\n')}\n`);
    const run = spawnSync('sh', ['-c', '{ "$0" "$1" forecast "$2" --format json; echo "status $?" >&2; } | head -c 100',
      process.execPath, join(cli.dir(), 'cli.js'), model], { encoding: 'utf8', cwd: repoRoot });
    expect(run.stdout.startsWith('{\n  "file"')).toBe(true);
    expect(run.stdout.length).toBe(100);
    expect(run.stderr).toBe('status 0\n');
  });
});

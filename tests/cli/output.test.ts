// The CLI writes its output to file descriptors 1 and 2 itself (server/src/cli/output.ts): all of
// it, through Node's stream when the descriptor would block, and nothing more once the reader has gone.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../fixture';
import { useBundledCli } from './bundle';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, writeSync: vi.fn(real.writeSync) };
});
const { allWritten, writeOut } = await import('../../server/src/cli/output');
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
    expect(allWritten()).toBe(true);
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
    // What waits in the stream keeps the process alive until it is written (cli.ts answer).
    expect(allWritten()).toBe(false);
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

  /** A model whose answer is far larger than a pipe holds (64 KB). */
  function wideModel(): string {
    const lines = ['factor f { probability 40% }'];
    for (let i = 0; i < 300; i++) lines.push(`outcome o${i} "Outcome number ${i}" {\n  base 20%\n  f raises weakly\n}`);
    const model = join(cli.dir(), 'wide.scenario');
    fs.writeFileSync(model, `${lines.join('\n')}\n`);
    return model;
  }

  it('gives a slow reader all of a large answer before the process ends, on a pipe that would block too', async () => {
    const model = wideModel();
    const alone = spawnSync(process.execPath, [join(cli.dir(), 'cli.js'), 'forecast', model, '--no-timing', '--format', 'json'],
      { encoding: 'utf8', maxBuffer: 1 << 24 }).stdout;
    expect(alone.length).toBeGreaterThan(64 * 1024);
    // A blocking pipe: the writes wait for the reader.
    const piped = spawnSync('sh', ['-c', '{ "$0" "$1" forecast "$2" --no-timing --format json; echo "status $?" >&2; } | { sleep 0.3; cat; }',
      process.execPath, join(cli.dir(), 'cli.js'), model], { encoding: 'utf8', cwd: repoRoot, maxBuffer: 1 << 24 });
    expect(piped.stderr).toBe('status 0\n');
    expect(piped.stdout).toBe(alone);
    // A FIFO whose writing end was opened non-blocking, read late: however the writes go (a write
    // that would block leaves the rest to Node's stream), the process ends only once all is written.
    const fifo = join(cli.dir(), 'answer.fifo');
    fs.rmSync(fifo, { force: true });
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    const child = spawn(process.execPath, [join(cli.dir(), 'cli.js'), 'forecast', model, '--no-timing', '--format', 'json'],
      { stdio: ['ignore', writer, 'ignore'] });
    fs.closeSync(writer);
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    await new Promise((done) => setTimeout(done, 300));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(reader, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await new Promise((done) => setTimeout(done, 5));
        continue;
      }
      if (n === 0) break; // every writer has closed: the process has ended
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    fs.closeSync(reader);
    expect(await exited).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(alone);
  });

  it('gives a reader that stops early what it read, with no error from the CLI', () => {
    // `scenario forecast … | head -c 100` with an answer far larger than a pipe holds (64 KB).
    const model = wideModel();
    const run = spawnSync('sh', ['-c', '{ "$0" "$1" forecast "$2" --format json; echo "status $?" >&2; } | head -c 100',
      process.execPath, join(cli.dir(), 'cli.js'), model], { encoding: 'utf8', cwd: repoRoot });
    expect(run.stdout.startsWith('{\n  "file"')).toBe(true);
    expect(run.stdout.length).toBe(100);
    expect(run.stderr).toBe('status 0\n');
  });
});

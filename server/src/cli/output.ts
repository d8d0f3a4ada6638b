// The CLI's output, written to file descriptors 1 and 2 directly. process.stdout and process.stderr
// are streams that Node makes on first use (for a pipe, a socket of the `net` module): about 5 ms
// of a start that a command which writes its answer once does not need. Node's own streams write
// files and pipes synchronously on Linux too, so the order of the output is the same.
import { writeSync } from 'node:fs';

/** Set once a write has left part of its text to Node's stream. */
let streamed = false;

/**
 * Writes all of `text` to stdout or stderr. A descriptor that would block (a non-blocking pipe
 * that is full) gets the rest through Node's stream, which waits for it; a reader that has gone
 * (`scenario forecast … | head`) gets nothing more, as with any Unix command.
 */
export function writeOut(to: 'stdout' | 'stderr', text: string): void {
  if (text === '') return;
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(to === 'stdout' ? 1 : 2, bytes, offset, bytes.length - offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    streamed = true;
    process[to].write(bytes.subarray(offset));
  }
}

/** Whether everything written so far has reached its descriptor (none of it waits in Node's stream). */
export function allWritten(): boolean {
  return !streamed;
}

// The start-up warm-up: real parses and checks of a built-in model that leave nothing behind in
// the parser's cache, and that stop once a document is open.
import { describe, expect, it } from 'vitest';
import { chunkCache } from '../../server/src/syntax/chunk';
import { warmUpRound, warmUpText, warmUpWhileIdle } from '../../server/src/session/warmUp';

describe('warm-up', () => {
  it('parses and checks a clean model with every declaration kind', () => {
    const { document, diagnostics, model } = warmUpRound(0);
    expect(document.errors).toEqual([]);
    expect(diagnostics).toEqual([]);
    const kinds = new Set(document.declarations.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['alternative', 'event', 'factor', 'outcome', 'scenario']);
    expect(model.hasErrors).toBe(false);
  });

  it('renames every round, and leaves the chunk cache as it found it', () => {
    expect(warmUpText(1)).not.toEqual(warmUpText(2));
    const before = chunkCache.size;
    warmUpRound(3);
    expect(chunkCache.size).toBe(before);
  });

  it('runs rounds while idle and stops as soon as it is not', async () => {
    const done: number[] = [];
    let idle = true;
    warmUpWhileIdle(() => idle, 10, (r) => {
      done.push(r);
      if (r === 2) idle = false;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual([0, 1, 2]);
  });
});

// Fuzz: random edit sequences applied incrementally give the same syntax tree and the same
// diagnostics as a fresh parse of the same text. Mostly straight against IncrementalParser +
// analyzeDocument (fast), plus sequences through the real server. The seed is fixed so a failure
// reproduces; FUZZ_SEED=<n> explores others. The edits are the fuzz campaign's (fuzz/generators),
// which runs many more of them (npm run fuzz).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IncrementalParser } from '../../server/src/syntax/incremental';
import { parseDocument } from '../../server/src/syntax/parse';
import { chunkCache } from '../../server/src/syntax/chunk';
import { analyzeDocument } from '../../server/src/model/analyze';
import { SAMPLE } from './models';
import { STARTS, editArbitrary, offsets } from '../../fuzz/generators/edits';
import { startServer, type TestServer } from './harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20250120);

/**
 * Parses keep results by declaration text; clearing that cache before every step makes the
 * incremental parser really re-match (Matcher.replaceInputRange) and the reference really fresh.
 */
function freshParse(text: string) {
  chunkCache.clear();
  return parseDocument(text);
}

/** The tree and diagnostics as plain data (what a client could observe). */
function observable(document: ReturnType<typeof parseDocument>) {
  const { diagnostics } = analyzeDocument(document);
  return { document: JSON.parse(JSON.stringify(document)) as unknown, diagnostics: JSON.parse(JSON.stringify(diagnostics)) as unknown };
}

describe('incremental parsing equals a fresh parse', () => {
  it('for 1,000 random edit sequences (parser + checks)', () => {
    let sequences = 0;
    fc.assert(
      fc.property(fc.nat(STARTS.length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (startIndex, edits) => {
        sequences++;
        const parser = new IncrementalParser(STARTS[startIndex]!);
        let text = parser.text;
        let last: number | null = null;
        for (const edit of edits) {
          const { start, end } = offsets(text, edit, last);
          last = start;
          chunkCache.clear();
          parser.applyChange(start, end, edit.text);
          text = text.slice(0, start) + edit.text + text.slice(end);
          expect(parser.text).toBe(text);
        }
        const incremental = observable(parser.document);
        expect(incremental).toEqual(observable(freshParse(text)));
      }),
      { seed: SEED, numRuns: 1_000 },
    );
    expect(sequences).toBeGreaterThanOrEqual(1_000);
  });

  it('after every single edit of long sequences', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 20, maxLength: 40 }), (edits) => {
        const parser = new IncrementalParser(SAMPLE);
        let text = SAMPLE;
        let last: number | null = null;
        for (const edit of edits) {
          const { start, end } = offsets(text, edit, last);
          last = start;
          chunkCache.clear();
          const incremental = observable(parser.applyChange(start, end, edit.text));
          text = text.slice(0, start) + edit.text + text.slice(end);
          expect(incremental).toEqual(observable(freshParse(text)));
        }
      }),
      { seed: SEED + 1, numRuns: 25 },
    );
  });
});

describe('through the protocol', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('random edit sequences end in the diagnostics of a fresh open', async () => {
    const sequences = fc.sample(fc.array(editArbitrary, { minLength: 5, maxLength: 15 }), { seed: SEED + 2, numRuns: 30 });
    for (const [index, edits] of sequences.entries()) {
      const uri = server.open(`fuzz-${index}.scenario`, SAMPLE);
      let last: number | null = null;
      for (const edit of edits) {
        const text = server.text(uri);
        const { start, end } = offsets(text, edit, last);
        last = start;
        server.edit(uri, start, end, edit.text);
      }
      const incremental = await server.waitForVersion(uri);
      const freshUri = server.open(`fuzz-${index}-fresh.scenario`, server.text(uri));
      const fresh = await server.waitForVersion(freshUri, 1);
      const normalise = (value: unknown, from: string) => JSON.parse(JSON.stringify(value).split(from).join('URI')) as unknown;
      expect(normalise(incremental, uri), `sequence ${index}: ${JSON.stringify(edits)}`).toEqual(normalise(fresh, freshUri));
      server.close(uri);
      server.close(freshUri);
    }
  });
});

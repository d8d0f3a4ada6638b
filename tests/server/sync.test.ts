// Incremental sync through the protocol: ranged changes (several per notification, each against
// the text the previous one left), full changes, rapid typing; the diagnostics of the last version
// always equal those of the same text opened afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { SAMPLE } from './models';
import { offsetAt } from '../fixture';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

let freshCount = 0;

/** The diagnostics of `uri`'s latest version, and those of the same text opened as a new document. */
async function compareWithFresh(uri: string): Promise<{ incremental: Diagnostic[]; fresh: Diagnostic[] }> {
  const incremental = await server.waitForVersion(uri);
  const freshUri = server.open(`fresh-${++freshCount}.scenario`, server.text(uri));
  const fresh = await server.waitForVersion(freshUri, 1);
  server.close(freshUri);
  const normalise = (ds: Diagnostic[], from: string) => JSON.parse(JSON.stringify(ds).split(from).join('URI')) as Diagnostic[];
  return { incremental: normalise(incremental, uri), fresh: normalise(fresh, freshUri) };
}

describe('incremental sync', () => {
  it('follows an edit that breaks a name and one that fixes it', async () => {
    const uri = server.open('edit.scenario', SAMPLE);
    expect((await server.waitForVersion(uri, 1)).filter((d) => d.code === 'unknown-name')).toEqual([]);

    const at = SAMPLE.indexOf('rapport raises') + 'rapport'.length;
    server.edit(uri, at, at, 't');
    const broken = await server.waitForVersion(uri, 2);
    const unknown = broken.filter((d) => d.code === 'unknown-name');
    expect(unknown).toHaveLength(1);
    const text = server.text(uri);
    expect(text.slice(offsetAt(text, unknown[0]!.range.start), offsetAt(text, unknown[0]!.range.end))).toBe('rapportt');

    server.edit(uri, at, at + 1, '');
    const fixed = await server.waitForVersion(uri, 3);
    expect(fixed.filter((d) => d.code === 'unknown-name')).toEqual([]);
    expect(server.text(uri)).toBe(SAMPLE);
  });

  it('applies several changes of one notification in order', async () => {
    const uri = server.open('multi.scenario', SAMPLE);
    await server.waitForVersion(uri, 1);
    const document = server.document(uri);
    // The second range refers to the text after the first change (it moved down one line).
    const first = SAMPLE.indexOf('factor rapport');
    const insert = 'factor extra "Inserted" {\n  probability 40%\n}\n\n';
    const afterFirst = SAMPLE.slice(0, first) + insert + SAMPLE.slice(first);
    const second = afterFirst.indexOf('55%..75%');
    server.changeRanges(uri, [
      { range: { start: document.positionAt(first), end: document.positionAt(first) }, text: insert },
      {
        range: { start: positionIn(afterFirst, second), end: positionIn(afterFirst, second + '55%..75%'.length) },
        text: '150%',
      },
    ]);
    expect(server.text(uri)).toContain('factor extra "Inserted"');
    expect(server.text(uri)).toContain('probability 150%');
    const { incremental, fresh } = await compareWithFresh(uri);
    expect(incremental.map((d) => d.code)).toEqual(expect.arrayContaining(['unused', 'probability-bounds']));
    expect(incremental).toEqual(fresh);
  });

  it('accepts full-text changes and moves between sizes', async () => {
    const uri = server.open('full.scenario', 'factor a { probability 20% }\n');
    await server.waitForVersion(uri, 1);
    server.replaceAll(uri, SAMPLE.replace('judged likely', 'judged sometimes'));
    const diagnostics = await server.waitForVersion(uri, 2);
    expect(diagnostics.some((d) => d.code === 'syntax' || d.code === 'hedge-word')).toBe(true);
    server.replaceAll(uri, '');
    expect(await server.waitForVersion(uri, 3)).toEqual([]);
  });

  it('ends 50 rapid edits with the diagnostics of the final text', async () => {
    const uri = server.open('rapid.scenario', SAMPLE);
    await server.waitForVersion(uri, 1);
    const typed = '\nfactor late {\n  probability 35%\n}\n';
    expect(typed.length).toBeLessThan(50);
    let at = server.text(uri).length;
    const published = server.publishes.length;
    for (const ch of typed) {
      server.edit(uri, at, at, ch);
      at += 1;
    }
    // Pad to exactly 50 edits by typing and deleting at the end of the first line (a comment).
    for (let pending = false; server.version(uri) < 51; pending = !pending) {
      const end = server.text(uri).indexOf('\n');
      server.edit(uri, pending ? end - 1 : end, end, pending ? '' : 'x');
    }
    expect(server.version(uri)).toBe(51);
    const final = await server.waitForVersion(uri, 51);
    expect(final.filter((d) => d.code === 'unused').length).toBe(1);
    expect(final.filter((d) => d.severity === 1)).toEqual([]);

    // Versions only move forward, and nothing is published for an older version after a newer one.
    const versions = server.publishes.slice(published).filter((p) => p.uri === uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const { incremental, fresh } = await compareWithFresh(uri);
    expect(incremental).toEqual(fresh);
  });

  it('counts positions in UTF-16 code units and handles CRLF line ends', async () => {
    const text = SAMPLE.replace('"A major terror attack', '"🎯 A major terror attack').replace(/\n/g, '\r\n');
    const uri = server.open('crlf.scenario', text);
    await server.waitForVersion(uri, 1);
    server.replace(uri, 'attack raises x5..12', 'atack raises x5..12');
    const diagnostics = await server.waitForVersion(uri);
    const unknown = diagnostics.find((d) => d.code === 'unknown-name');
    expect(unknown).toBeDefined();
    const now = server.text(uri);
    expect(now.slice(offsetAt(now, unknown!.range.start), offsetAt(now, unknown!.range.end))).toBe('atack');
    const { incremental, fresh } = await compareWithFresh(uri);
    expect(incremental).toEqual(fresh);
  });

  it('clamps positions beyond the end of a line or of the document', async () => {
    const uri = server.open('clamp.scenario', 'factor a {\n  probability 20%\n}\n');
    await server.waitForVersion(uri, 1);
    server.changeRanges(uri, [{ range: { start: { line: 0, character: 999 }, end: { line: 0, character: 999 } }, text: ' ' }]);
    await server.waitForVersion(uri);
    server.changeRanges(uri, [{ range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, text: '\n// end\n' }]);
    const { incremental, fresh } = await compareWithFresh(uri);
    expect(server.text(uri).endsWith('// end\n')).toBe(true);
    expect(incremental).toEqual(fresh);
  });

  it('ignores changes to documents that are not open and stays responsive', async () => {
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///nowhere.scenario', version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    const uri = server.open('after.scenario', 'factor a { probability 20% }\n');
    expect((await server.waitForVersion(uri, 1)).map((d) => d.code)).toEqual(['unused']);
  });
});

function positionIn(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

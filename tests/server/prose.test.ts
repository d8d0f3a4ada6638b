// Drafts in prose in the editor (LANGUAGE.md, "Drafts in prose"), through the real protocol: the
// op-ed draft's hedges and their quick fixes, the hover of a mention, re-checks when the model
// changes in an editor or on disk, paths that lead out of the workspace, files that name no model,
// the setting scenario.prose.files, and scenario/draftModel (the command's request).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Hover, Range } from 'vscode-languageserver';
import { DraftModelRequest } from '../../common/protocol';
import { checkProse } from '../../server/src/prose/check';
import { draftFromText } from '../../server/src/prose/draft';
import { OPED, OPED_DRAFT_PATH, SAMPLE_MODEL_PATH } from '../prose/oped';
import { startServer, type TestServer } from './harness';

const MODEL = `scenario "Prose test" {
  question "Does trade grow?"
}

outcome trade_up "US–Pakistan trade grows" {
  base 70%
}

outcome aid_cut "Washington cuts aid to Pakistan" {
  base 10%
}
`;
const DRAFT = `---
scenario: model.scenario
---
# Draft

We judge that \`trade_up\` is very unlikely this year. US–Pakistan trade grows is likely. Washington may cut aid.
`;

let server: TestServer;
let folder: string;
const at = (file: string) => join(folder, file);
const uriOf = (file: string) => pathToFileURL(file).href;

function textOf(uri: string, range: Range): string {
  const document = server.document(uri);
  return document.getText(range);
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
}

/** Answers workspace/configuration as the harness does, plus `scenario.prose`. */
function answerSettings(prose: { files: string[] }): void {
  server.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((item) => (item.section === 'scenario.prose' ? prose : item.section?.startsWith('scenario.') ? {} : null)));
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { scenario: { prose } } });
}

/** Waits until every message sent so far has been handled: a draft opened now is checked after them. */
async function settled(): Promise<void> {
  const uri = server.open(uriOf(at(`barrier-${Math.random().toString(36).slice(2)}.md`)), '<!-- scenario: model.scenario -->\nIt may rain.\n', 1, 'markdown');
  await server.waitForDiagnostics(uri, (ds) => ds.length === 1);
  server.close(uri);
}

beforeAll(async () => {
  server = await startServer();
  folder = mkdtempSync(join(tmpdir(), 'scenario-prose-'));
  writeFileSync(at('model.scenario'), MODEL);
  void server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [{ uri: uriOf(folder), name: basename(folder) }], removed: [] },
  });
});

afterAll(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the op-ed as a draft of the sample model', () => {
  const text = readFileSync(OPED_DRAFT_PATH, 'utf8');
  const expected = checkProse(text, null).diagnostics;
  let uri: string;

  it('gets a prose-hedge on each of its 11 hedges, where scenario check puts them', async () => {
    uri = server.open(uriOf(OPED_DRAFT_PATH), text, 1, 'markdown');
    const ds = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    expect(ds).toHaveLength(11);
    expect(expected).toHaveLength(11); // as tests/prose counts them in the op-ed
    expect(ds.every((d) => d.code === 'prose-hedge' && d.source === 'scenario' && d.severity === 2)).toBe(true);
    expect(ds.map((d) => textOf(uri, d.range))).toEqual(expected.map((d) => text.slice(d.start, d.end)));
    expect(ds.map((d) => textOf(uri, d.range))).toContain('could potentially');
    // The model is read from disk (no editor has it), and forecast in the worker.
    const stats = await server.pollStats((s) => ((s as unknown as { prose: { modelsOnDisk: string[] } }).prose.modelsOnDisk.includes(SAMPLE_MODEL_PATH)),
      'the sample model read from disk');
    expect((stats as unknown as { prose: { drafts: string[] } }).prose.drafts).toContain(uri);
  });

  it('offers the seven ICD 203 phrases as quick fixes, and applying one leaves the other hedges', async () => {
    const ds = server.latestPublish(uri)!.diagnostics;
    const may = ds.find((d) => textOf(uri, d.range) === 'may')!;
    const actions = (await server.codeActions(uri, may.range, [may])) as CodeAction[];
    expect(actions.map((a) => a.title)).toHaveLength(7);
    expect(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'prose-hedge')).toBe(true);
    const likely = actions.find((a) => a.title.startsWith("Say 'likely' (55–80%)"))!;
    const edit = likely.edit!.changes![uri]![0]!;
    const version = server.changeRanges(uri, [{ range: edit.range, text: edit.newText }]);
    const after = await server.waitForVersion(uri, version);
    expect(server.text(uri)).toContain('the US is likely to adopt a new approach');
    expect(after).toHaveLength(10);
    // Paragraph by paragraph after the edit, still what a fresh check of the whole text finds.
    const fresh = checkProse(server.text(uri), null).diagnostics;
    expect(after.map((d) => [textOf(uri, d.range), d.message])).toEqual(fresh.map((d) => [server.text(uri).slice(d.start, d.end), d.message]));
  });

  it('answers nothing but hovers and quick fixes: no completion, symbols, formatting or folding of a draft', async () => {
    const start = { line: 5, character: 10 };
    expect(await server.completion(uri, start)).toEqual([]);
    expect(await server.documentSymbols(uri)).toBeNull();
    expect(await server.format(uri)).toBeNull();
    expect(await server.foldingRanges(uri)).toBeNull();
    expect(await server.hover(uri, start)).toBeNull(); // no mention there
    server.close(uri);
    await server.waitForDiagnostics(uri, (d) => d.length === 0);
  });
});

describe('a draft against its model', () => {
  let draft: string;

  it('finds the contradiction the model computes, with the computed phrase as the fix', async () => {
    writeFileSync(at('draft.md'), DRAFT);
    draft = server.open(uriOf(at('draft.md')), DRAFT, 1, 'markdown');
    const ds = await server.waitForDiagnostics(draft, (d) => d.some((x) => x.code === 'prose-contradiction'));
    const contradiction = ds.find((d) => d.code === 'prose-contradiction')!;
    expect(textOf(draft, contradiction.range)).toBe('very unlikely');
    expect(contradiction.message).toContain('the model forecasts 70%: likely');
    expect(ds.filter((d) => d.code === 'prose-hedge').map((d) => textOf(draft, d.range))).toEqual(['may']);
    const [fix] = (await server.codeActions(draft, contradiction.range, [contradiction])) as CodeAction[];
    expect(fix).toMatchObject({ isPreferred: true, kind: 'quickfix' });
    expect(fix!.edit!.changes![draft]![0]!.newText).toBe('likely');
  });

  it('shows the forecast on a mention: the name in backticks, or the label', async () => {
    const byName = await server.hover(draft, server.positionAt(draft, DRAFT.indexOf('`trade_up`') + 3));
    expect(hoverText(byName)).toContain('**outcome** **trade_up** — US–Pakistan trade grows');
    expect(hoverText(byName)).toContain('**Forecast:** 70%');
    expect(hoverText(byName)).toContain('From the model model.scenario');
    expect(textOf(draft, byName!.range!)).toBe('`trade_up`');
    const byLabel = await server.hover(draft, server.positionAt(draft, DRAFT.indexOf('Pakistan trade grows')));
    expect(hoverText(byLabel)).toContain('**Forecast:** 70%');
    expect(textOf(draft, byLabel!.range!)).toBe('US–Pakistan trade grows');
    expect(await server.hover(draft, server.positionAt(draft, DRAFT.indexOf('judge')))).toBeNull();
  });

  it('is checked again when the model changes in an editor, and when the editor closes', async () => {
    const model = server.open(uriOf(at('model.scenario')), MODEL);
    server.replace(model, 'base 70%', 'base 10%');
    // 10% is very unlikely: the first sentence now agrees, the second ("is likely") does not.
    const ds = await server.waitForDiagnostics(draft, (d) => d.some((x) => x.code === 'prose-contradiction' && textOf(draft, x.range) === 'likely'));
    expect(ds.filter((d) => d.code === 'prose-contradiction').map((d) => textOf(draft, d.range))).toEqual(['likely']);
    expect(ds.find((d) => d.code === 'prose-contradiction')!.message).toContain('the model forecasts 10%');
    // Closed, the model is read from disk again, where it still says 70%.
    server.close(model);
    await server.waitForDiagnostics(draft, (d) => d.some((x) => x.code === 'prose-contradiction' && textOf(draft, x.range) === 'very unlikely'));
  });

  it('is checked again when the model changes on disk (a watched-file event)', async () => {
    writeFileSync(at('model.scenario'), MODEL.replace('base 70%', 'base 10%'));
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(at('model.scenario')), type: 2 }] });
    const ds = await server.waitForDiagnostics(draft, (d) => d.some((x) => x.code === 'prose-contradiction' && textOf(draft, x.range) === 'likely'));
    expect(ds.filter((d) => d.code === 'prose-contradiction')).toHaveLength(1);
    const hover = await server.hover(draft, server.positionAt(draft, DRAFT.indexOf('`trade_up`') + 3));
    expect(hoverText(hover)).toContain('**Forecast:** 10%');
    writeFileSync(at('model.scenario'), MODEL);
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(at('model.scenario')), type: 2 }] });
    await server.waitForDiagnostics(draft, (d) => d.some((x) => x.code === 'prose-contradiction' && textOf(draft, x.range) === 'very unlikely'));
  });

  it('is checked again when it names another model, and says so when that model cannot be read', async () => {
    const version = server.replace(draft, 'scenario: model.scenario', 'scenario: missing.scenario');
    // At once the hedges; once the file is looked for, the problem too.
    const ds = await server.waitForDiagnostics(draft, (d, p) => p.version === version && d.some((x) => x.severity === 1));
    const problem = ds.find((d) => d.severity === 1)!;
    expect(problem.message).toMatch(/Cannot read the model "missing\.scenario": there is no such file/);
    expect(textOf(draft, problem.range)).toBe('missing.scenario');
    expect(ds.some((d) => d.code === 'prose-contradiction')).toBe(false); // no model, no contradiction
    expect(ds.filter((d) => d.code === 'prose-hedge')).toHaveLength(1); // the hedges are still checked
    server.close(draft);
  });
});

describe('paths out of the workspace folder', () => {
  it('never reads a model above the folder, by a relative path or through a link', async () => {
    const outside = join(dirname(folder), `${basename(folder)}-outside.scenario`);
    writeFileSync(outside, MODEL);
    try {
      symlinkSync(outside, at('link.scenario'));
      const up = server.open(uriOf(at('up.md')), `<!-- scenario: ../${basename(outside)} -->\nIt may rain.\n`, 1, 'markdown');
      const link = server.open(uriOf(at('link.md')), '<!-- scenario: link.scenario -->\nIt may rain.\n', 1, 'markdown');
      const [upProblem] = (await server.waitForDiagnostics(up, (d) => d.length > 0)).filter((d) => d.severity === 1);
      expect(upProblem!.message).toContain('lies outside the workspace folder, so it is not read');
      const linked = await server.waitForDiagnostics(link, (d) => d.some((x) => x.severity === 1));
      expect(linked.find((d) => d.severity === 1)!.message).toContain('it lies outside the workspace folder');
      const stats = (await server.debugStats()) as unknown as { prose: { modelsOnDisk: string[] } };
      expect(stats.prose.modelsOnDisk).not.toContain(outside);
      server.close(up);
      server.close(link);
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('refuses absolute paths and URLs where the model is named', async () => {
    const absolute = server.open(uriOf(at('absolute.md')), `---\nscenario: ${at('model.scenario')}\n---\nIt may rain.\n`, 1, 'markdown');
    const problem = (await server.waitForDiagnostics(absolute, (d) => d.length > 0)).find((d) => d.severity === 1)!;
    expect(problem.message).toContain('not an absolute path');
    server.close(absolute);
  });
});

describe('files that name no model', () => {
  it('get nothing: no diagnostics, no hover, no quick fixes, not even an empty publish', async () => {
    const plain = server.open(uriOf(at('notes.md')), '# Notes\n\nThe US may adopt a new approach. `trade_up` is very unlikely.\n', 1, 'markdown');
    const text = server.open(uriOf(at('notes.txt')), 'It is expected to rain.\n', 1, 'plaintext');
    await settled();
    expect(server.publishes.some((p) => p.uri === plain || p.uri === text)).toBe(false);
    expect(await server.hover(plain, { line: 2, character: 47 })).toBeNull();
    expect(await server.codeActions(plain, { start: { line: 2, character: 0 }, end: { line: 2, character: 40 } })).toBeNull();
    const stats = (await server.debugStats()) as unknown as { documents: string[]; prose: { documents: string[]; drafts: string[] } };
    expect(stats.prose.documents).toEqual(expect.arrayContaining([plain, text]));
    expect(stats.prose.drafts).not.toContain(plain);
    expect(stats.documents).not.toContain(plain); // never parsed as a .scenario file
  });

  it('are drafts when scenario.prose.files matches them (hedges only, with no model to contradict)', async () => {
    mkdirSync(at('drafts/2025'), { recursive: true });
    const matched = server.open(uriOf(at('drafts/2025/memo.txt')), 'It is expected to rain. `trade_up` is very unlikely.\n', 1, 'plaintext');
    const other = server.open(uriOf(at('memo.txt')), 'It is expected to rain.\n', 1, 'plaintext');
    answerSettings({ files: ['drafts/**/*.txt'] });
    const ds = await server.waitForDiagnostics(matched, (d) => d.length > 0);
    expect(ds.map((d) => [d.code, textOf(matched, d.range)])).toEqual([['prose-hedge', 'is expected to']]);
    answerSettings({ files: [] });
    await server.waitForDiagnostics(matched, (d) => d.length === 0);
    await settled();
    expect(server.publishes.some((p) => p.uri === other)).toBe(false);
  });
});

describe('scenario/draftModel (Scenario: Draft Model from Text)', () => {
  it('drafts the op-ed as scenario draft does', async () => {
    const result = await server.request<DraftModelRequest.Result>(DraftModelRequest.method, { text: OPED, sourceName: 'us-pakistan-oped' });
    const expected = draftFromText(OPED, { sourceName: 'us-pakistan-oped' });
    expect(result).toEqual({ text: expected.text, message: null, outcomes: expected.outcomes, factors: expected.factors });
    expect(result.outcomes).toBe(13);
    expect(result.factors).toBe(7);
  });

  it('answers a message for a text with nothing to draft from, a binary text or no text at all', async () => {
    const draft = (params: unknown) => server.request<DraftModelRequest.Result>(DraftModelRequest.method, params);
    expect(await draft({ text: '  \n\n ', sourceName: 'x' })).toMatchObject({ text: null, message: 'the text has no sentences to draft from' });
    expect(await draft({ text: 'The sky is blue. Rivers run to the sea.', sourceName: 'x' })).toMatchObject({ outcomes: 0 });
    expect(await draft({ text: 'a\u0000b', sourceName: 'x' })).toMatchObject({ text: null, message: expect.stringContaining('binary') });
    expect(await draft({ text: 42 })).toMatchObject({ text: null });
    expect(await draft(null)).toMatchObject({ text: null });
  });
});

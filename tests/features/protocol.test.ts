// Every editing feature through the real server: spawned, spoken to over JSON-RPC, as VS Code does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionKind, CompletionItemKind, DiagnosticTag, ErrorCodes, SymbolKind, type CompletionItem, type CompletionList,
  type Hover, type Location, type MarkupContent, type TextEdit,
} from 'vscode-languageserver';
import { semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { applyEdits, fixture } from '../fixture';
import { startServer, type TestServer } from '../server/harness';
import { readFixture } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

let server: TestServer;
const EXAMPLE = LANGUAGE_EXAMPLE;
let example: string;

beforeAll(async () => {
  server = await startServer();
  example = server.open('features-example.scenario', EXAMPLE);
  await server.waitForVersion(example);
  await server.waitForForecast(example, (r) => r.forecast !== null && r.version === 1);
});

afterAll(async () => {
  await server?.stop();
});

/** The position just inside the n-th occurrence of `needle` in the example. */
function inExample(needle: string, n = 0, shift = 1) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = EXAMPLE.indexOf(needle, at + 1);
  return server.positionAt(example, at + shift);
}

const markdown = (h: Hover | null) => (h!.contents as MarkupContent).value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const items = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []);

describe('over the protocol', () => {
  it('publishes diagnostics with tags, related information and fix data', async () => {
    const uri = server.open('features-diagnostics.scenario', 'factor lonely { probability 5% }\nfactor rapport { probability 5% }\nfactor rapport { probability 6% }\noutcome o { base 5%; rapport raises weakly; rapprt raises weakly }\n');
    const diagnostics = await server.waitForVersion(uri);
    expect(diagnostics.find((d) => d.code === 'unused')!.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(diagnostics.find((d) => d.code === 'duplicate-name')!.relatedInformation![0]!.location.uri).toBe(uri);
    const unknown = diagnostics.find((d) => d.code === 'unknown-name')!;
    expect(unknown.source).toBe('scenario');
    expect(unknown.data).toMatchObject({ fixes: [{ newText: 'rapport', title: "Change to 'rapport'" }] });
  });

  it('hovers on names with the forecast, and on words', async () => {
    const factor = markdown(await server.hover(example, inExample('factor crisis', 0, 8)));
    expect(factor).toContain('**factor** **crisis**');
    expect(factor).toMatch(/\*\*democracy_push\*\* .*: moderately raises: multiplies the odds by 2 to 4; swing [+−][\d.]+ points/);
    const outcome = markdown(await server.hover(example, inExample('outcome trade_up', 0, 9)));
    expect(outcome).toMatch(/\*\*Forecast:\*\* \d+%/);
    expect(markdown(await server.hover(example, inExample('judged likely', 0, 8)))).toContain('55%–80% (ICD 203)');
    expect(await server.hover(example, inExample('// US', 0, 4))).toBeNull();
  });

  it('completes names, phrases and strengths', async () => {
    const f = fixture(`${EXAMPLE}\noutcome more {\n  base <|>\n  <|>\n  crisis raises <|>\n}\n`);
    const uri = server.open('features-completion.scenario', f.text);
    await server.waitForVersion(uri);
    const phrases = items(await server.completion(uri, f.cursors[0]!));
    expect(phrases.find((i) => i.label === 'very likely')?.detail).toBe('80%–95% (ICD 203)');
    const names = items(await server.completion(uri, f.cursors[1]!));
    expect(names.find((i) => i.label === 'rapport')).toMatchObject({ kind: CompletionItemKind.Variable, detail: 'factor: Trump and Khan keep a positive relationship · 65%' });
    expect(names.map((i) => i.label)).not.toContain('more');
    expect(items(await server.completion(uri, f.cursors[2]!)).map((i) => i.label)).toContain('decisively');
  });

  it('goes to definitions and finds references', async () => {
    const use = inExample('  rapport raises', 0, 4);
    const location = (await server.definition(example, use)) as Location;
    expect(location.range.start).toEqual(server.positionAt(example, EXAMPLE.indexOf('rapport')));
    const refs = await server.references(example, use, true);
    expect(refs).toHaveLength([...EXAMPLE.matchAll(/rapport/g)].length);
    expect(await server.references(example, use, false)).toHaveLength(refs!.length - 1);
  });

  it('renames, and refuses bad names with a message', async () => {
    const at = inExample('attack raises', 0, 2);
    const range = await server.prepareRename(example, at);
    expect(range).toEqual({ start: server.positionAt(example, EXAMPLE.indexOf('attack raises')), end: server.positionAt(example, EXAMPLE.indexOf('attack raises') + 6) });
    const edit = await server.rename(example, at, 'strike');
    // Names only: the label "A major terror attack" stays as written.
    expect(applyEdits(EXAMPLE, edit!.changes![example]!)).toBe(EXAMPLE.replace('event attack', 'event strike').replace('  attack raises', '  strike raises').replace('given attack', 'given strike'));
    await expect(server.rename(example, at, 'likely')).rejects.toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('word of the language') });
    await expect(server.rename(example, at, 'rapport')).rejects.toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringContaining('already the name of a factor') });
    await expect(server.rename(example, at, 'two words')).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
  });

  it('lists document symbols', async () => {
    const symbols = await server.documentSymbols(example);
    expect(symbols!.map((s) => s.name)).toEqual(['US–Pakistan relations, 2025', 'crisis', 'khan_popular', 'rapport', 'attack', 'democracy_push', 'trade_up', 'security_ties', 'Khan released', 'Attack happens']);
    expect(symbols![5]!.kind).toBe(SymbolKind.Function);
    expect(symbols![5]!.children!.map((c) => c.name)).toEqual(['crisis', 'khan_popular', 'rapport']);
  });

  it('sends semantic tokens in the advertised legend', async () => {
    const tokens = await server.semanticTokens(example);
    const data = tokens!.data;
    expect(data.length % 5).toBe(0);
    // The third token of the file: `"US–Pakistan relations, 2025"` after `scenario` on line 1.
    const types = [];
    for (let i = 0; i < data.length; i += 5) types.push(semanticTokensLegend.tokenTypes[data[i + 3]!]);
    expect(types.slice(0, 3)).toEqual(['comment', 'keyword', 'string']);
    expect(types).toContain('event');
    expect(types).toContain('enumMember');
  });

  it('folds blocks', async () => {
    const ranges = await server.foldingRanges(example);
    expect(ranges!.map((r) => r.startLine)).toContain(server.positionAt(example, EXAMPLE.indexOf('outcome democracy_push')).line);
  });

  it('formats canonically', async () => {
    const uri = server.open('features-format.scenario', readFixture('messy.scenario'));
    await server.waitForVersion(uri);
    const edits = (await server.format(uri)) as TextEdit[];
    expect(applyEdits(readFixture('messy.scenario'), edits)).toBe(readFixture('messy.formatted.scenario'));
    expect(await server.format(example)).toEqual([]);
  });

  it('offers quick fixes and rewrites', async () => {
    const f = fixture('factor rapport { probability <|>likely }\noutcome o { base 5%; rap<|>prt raises weakly }\n');
    const uri = server.open('features-actions.scenario', f.text);
    const diagnostics = await server.waitForVersion(uri);
    const fixes = await server.codeActions(uri, { start: f.cursors[1]!, end: f.cursors[1]! }, diagnostics.filter((d) => d.code === 'unknown-name'));
    expect(fixes!.find((a) => a.kind === CodeActionKind.QuickFix)).toMatchObject({ title: "Change to 'rapport'", isPreferred: true });
    const rewrites = await server.codeActions(uri, { start: f.cursors[0]!, end: f.cursors[0]! });
    expect(rewrites!.map((a) => a.title)).toContain("Write 'likely' as 55%..80%");
  });

  it('shows inlay hints and the preview lens', async () => {
    const hints = await server.inlayHints(example);
    expect(hints!.map((h) => h.label)).toHaveLength(3);
    for (const h of hints!) expect(h.label).toMatch(/^≈ [\d.]+% [a-z ]+$/);
    const lenses = await server.codeLenses(example);
    expect(lenses![0]!.command).toEqual({ title: 'Open forecast preview', command: 'scenario.showPreviewToSide', arguments: [example] });
  });
});

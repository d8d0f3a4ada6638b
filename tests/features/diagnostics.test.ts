// The checks of a document as LSP diagnostics (server/src/features/diagnostics.ts): where each one
// is, in what order, with which severity, tags, related places and fix data.
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic, toLspDiagnostics, type DiagnosticData } from '../../server/src/features/diagnostics';
import { expectDiagnostics } from './expect';
import { stateOf, TEST_URI } from './state';

describe('where and in what order', () => {
  it('puts each problem at its place, in position order, with 1-based UTF-16 columns', () => {
    expectDiagnostics([
      'factor lonely { probability 5% }',
      'factor a { probability 150% }',
      'outcome o "😀" { base 5%; a raises weakly; ghost raises x2 }',
    ].join('\n'), ['unused@1:8', 'probability-bounds@2:24', 'unknown-name@3:44-3:49']);
  });

  it('reports a missing strength at the end of its own line', () => {
    expectDiagnostics('factor a { probability 5% }\noutcome o {\n  base 5%\n  a raises\n}\n', ['syntax@4:11']);
  });

  it('adds the judgment checks once there is a forecast', () => {
    const text = 'outcome o {\n  base 90%\n  judged very unlikely\n}\n';
    expectDiagnostics(text, ['judgment@3:10']);
    expectDiagnostics(text, [], { forecast: false });
  });
});

describe('observe lines', () => {
  const MODEL = 'event attack { probability 10% }\noutcome pinned { base 0%; attack raises x3 }\n';

  it('a name observed twice, or given and observed: an error on the second line, linked to the first', () => {
    const text = `${MODEL}alternative "A" {\n  observe attack\n  observe not attack\n}\nalternative "B" {\n  given attack\n  observe attack\n}\n`;
    const [twice, both] = expectDiagnostics(text, ['alternative-conflict@5:3-5:21', 'alternative-conflict@9:3-9:17']);
    expect(twice!.severity).toBe(DiagnosticSeverity.Error);
    expect(twice!.relatedInformation).toEqual([{
      location: { uri: TEST_URI, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 16 } } },
      message: "'attack' first appears here in this alternative",
    }]);
    expect(both!.message).toContain('`given` makes it so and `observe` sees it as evidence');
  });

  it('evidence the model rules out: an error on the observation once there is a forecast, linked to the pin', () => {
    const text = `${MODEL}alternative "A" {\n  observe attack\n  observe pinned\n}\n`;
    const [d] = expectDiagnostics(text, ['observe-impossible@5:3-5:17']);
    expect(d!.severity).toBe(DiagnosticSeverity.Error);
    expect(d!.message).toContain("'observe pinned' cannot happen in this model: 'pinned' never holds (base 0% in its outcome)");
    expect(d!.relatedInformation![0]!.location.range).toEqual({ start: { line: 1, character: 22 }, end: { line: 1, character: 24 } });
    expectDiagnostics(text, [], { forecast: false });
  });
});

describe('toLspDiagnostics', () => {
  it('maps ranges, severities, codes and the source', () => {
    const text = 'factor rapport { probability 5% }\noutcome o { base 5%; rapprt raises weakly }';
    const state = stateOf(text);
    const [unknown] = toLspDiagnostics(state).filter((d) => d.code === 'unknown-name');
    expect(unknown).toMatchObject({
      severity: DiagnosticSeverity.Error,
      source: 'scenario',
      range: { start: { line: 1, character: 21 }, end: { line: 1, character: 27 } },
    });
    const data = unknown!.data as DiagnosticData;
    expect(data.fixes![0]).toMatchObject({ newText: 'rapport', range: unknown!.range });
  });

  it('fades unused factors and links duplicates and cycles to the other places', () => {
    const state = stateOf([
      'factor lonely { probability 5% }',
      'factor a { probability 5% }',
      'factor a { probability 6% }',
      'outcome x { base 5%; y raises weakly; a raises weakly }',
      'outcome y { base 5%; x raises weakly }',
    ].join('\n'));
    const ds = toLspDiagnostics(state);
    const unused = ds.find((d) => d.code === 'unused')!;
    expect(unused.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(unused.severity).toBe(DiagnosticSeverity.Hint);
    const duplicate = ds.find((d) => d.code === 'duplicate-name')!;
    expect(duplicate.relatedInformation![0]!.location).toEqual({ uri: TEST_URI, range: { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } } });
    const cycle = ds.find((d) => d.code === 'cycle')!;
    expect(cycle.relatedInformation!.length).toBeGreaterThan(0);
    expect((cycle.data as DiagnosticData).cycle).toEqual(expect.arrayContaining(['x', 'y']));
  });

  it('maps every severity, keeps the message and related messages, and copies the data', () => {
    const state = stateOf('factor a { probability 5% }\n');
    const span = { start: 7, end: 8 };
    const severities = (['error', 'warning', 'information', 'hint'] as const).map((severity) =>
      toLspDiagnostic(state, { code: 'syntax', severity, message: 'm', span }).severity);
    expect(severities).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
    const candidates = ['b', 'c'];
    const d = toLspDiagnostic(state, {
      code: 'unknown-name', severity: 'error', message: 'Unknown name', span, candidates,
      related: [{ span: { start: 0, end: 6 }, message: 'declared here' }], unnecessary: true,
    });
    expect(d).toEqual({
      range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } },
      severity: DiagnosticSeverity.Error,
      code: 'unknown-name',
      source: DIAGNOSTIC_SOURCE,
      message: 'Unknown name',
      tags: [DiagnosticTag.Unnecessary],
      relatedInformation: [{ location: { uri: TEST_URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } } }, message: 'declared here' }],
      data: { candidates: ['b', 'c'] },
    });
    expect((d.data as DiagnosticData).candidates).not.toBe(candidates);
  });

  it('sends no tags, related information or data when there is none', () => {
    const d = toLspDiagnostic(stateOf(''), { code: 'syntax', severity: 'error', message: 'm', span: { start: 0, end: 0 } });
    expect(Object.keys(d).sort()).toEqual(['code', 'message', 'range', 'severity', 'source']);
  });

  it('gives one LSP diagnostic per check diagnostic, in the same order', () => {
    const state = stateOf('factor lonely { probability 5% }\noutcome o { base 5%; ghost raises weakly; lonely2 raises x0.5 }\n');
    expect(toLspDiagnostics(state).map((d) => [d.code, d.message])).toEqual(state.diagnostics.map((d) => [d.code, d.message]));
    expect(state.diagnostics.length).toBeGreaterThanOrEqual(3);
  });
});

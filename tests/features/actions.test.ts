// Diagnostics as LSP sees them, and the code actions built on them.
import { describe, expect, it } from 'vitest';
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, type CodeAction, type Range } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { toLspDiagnostics, type DiagnosticData } from '../../server/src/features/diagnostics';
import { applyEdits, marked, stateOf, TEST_URI } from './state';

function actionsAt(text: string, only?: string[]) {
  const { state, cursors, text: clean } = marked(text);
  const range: Range = { start: cursors[0]!, end: cursors[1] ?? cursors[0]! };
  return { state, text: clean, actions: codeActions(state, { textDocument: { uri: TEST_URI }, range, context: { diagnostics: [], only } }) };
}

function apply(text: string, action: CodeAction): string {
  return applyEdits(text, action.edit!.changes![TEST_URI]!);
}

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
});

describe('quick fixes', () => {
  it('did you mean', () => {
    const { text, actions } = actionsAt('factor rapport { probability 5% }\noutcome o { base 5%; rap<|>prt raises weakly }');
    const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix)!;
    expect(fix).toMatchObject({ title: "Change to 'rapport'", isPreferred: true });
    expect(fix.diagnostics![0]!.code).toBe('unknown-name');
    expect(apply(text, fix)).toContain('rapport raises weakly');
  });

  it('fixes a judgment the forecast contradicts', () => {
    const { state, text, actions } = actionsAt('outcome o {\n  base 90%\n  judged <|>very unlikely\n}');
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'judgment')!;
    expect(fix.isPreferred).toBe(true);
    const fixed = apply(text, fix);
    expect(fixed).toContain(`judged ${state.forecast!.outcomes[0]!.phrase}`);
    expect(stateOf(fixed).diagnostics.filter((d) => d.code === 'judgment')).toEqual([]);
  });

  it('swaps a range, turns the verb round, adds a missing base or probability', () => {
    const swapped = actionsAt('factor f { probability 8<|>0%..60% }\noutcome o { base 5%; f raises weakly }');
    expect(apply(swapped.text, swapped.actions.find((a) => a.kind === CodeActionKind.QuickFix)!)).toContain('probability 60%..80%');

    const verb = actionsAt('factor f { probability 50% }\noutcome o { base 5%; f raises x<|>0.5 }');
    const opposite = verb.actions.find((a) => a.diagnostics?.[0]?.code === 'multiplier-below-one')!;
    expect(apply(verb.text, opposite)).toContain('f lowers x2');

    const base = actionsAt('factor f { probability 50% }\noutcome <|>o {\n  f raises weakly\n}');
    const addBase = base.actions.find((a) => a.diagnostics?.[0]?.code === 'missing-base')!;
    expect(addBase.isPreferred).toBe(true);
    expect(stateOf(apply(base.text, addBase)).diagnostics.filter((d) => d.code === 'missing-base')).toEqual([]);

    const probability = actionsAt('factor <|>f { }\noutcome o { base 5%; f raises weakly }');
    const addProbability = probability.actions.find((a) => a.diagnostics?.[0]?.code === 'missing-probability')!;
    expect(stateOf(apply(probability.text, addProbability)).model.hasErrors).toBe(false);
  });

  it('removes an unused factor, without preferring it', () => {
    const { text, actions } = actionsAt('factor <|>lonely { probability 5% }\nfactor a { probability 5% }\noutcome o { base 5%; a raises weakly }');
    const remove = actions.find((a) => a.diagnostics?.[0]?.code === 'unused')!;
    expect(remove.title).toBe("Remove the factor 'lonely'");
    expect(remove.isPreferred).toBe(false);
    expect(apply(text, remove)).toBe('factor a { probability 5% }\noutcome o { base 5%; a raises weakly }');
  });

  it('offers only what the client asks for', () => {
    const { actions } = actionsAt('factor rapport { probability 5% }\noutcome o { base <|>5%; rapprt raises weakly<|> }', [CodeActionKind.RefactorRewrite]);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.kind === CodeActionKind.RefactorRewrite)).toBe(true);
  });
});

describe('phrase ↔ number', () => {
  it('writes a phrase as its range', () => {
    const { text, actions } = actionsAt('factor f {\n  probability <|>likely\n}');
    const rewrite = actions.find((a) => a.kind === CodeActionKind.RefactorRewrite)!;
    expect(rewrite.title).toBe("Write 'likely' as 55%..80%");
    expect(apply(text, rewrite)).toBe('factor f {\n  probability 55%..80%\n}');
  });

  it('writes a number or a range as the phrase that holds it', () => {
    const point = actionsAt('factor f {\n  probability 7<|>0%\n}');
    const rewrite = point.actions.find((a) => a.kind === CodeActionKind.RefactorRewrite)!;
    expect(rewrite.title).toBe("Write 70% as 'likely' (55%–80%)");
    expect(apply(point.text, rewrite)).toBe('factor f {\n  probability likely\n}');
    const range = actionsAt('alternative "A" {\n  f 0.85..<|>0.9\n}\nfactor f { probability 5% }');
    expect(apply(range.text, range.actions.find((a) => a.kind === CodeActionKind.RefactorRewrite)!)).toContain('f very likely');
  });

  it('offers nothing away from a probability', () => {
    expect(actionsAt('factor <|>f {\n  probability 50%\n}\noutcome o { base 5%; f raises weakly }').actions).toEqual([]);
  });
});

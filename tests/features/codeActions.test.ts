// Code actions (server/src/features/codeActions.ts): the quick fixes the checks carry, and the
// phrase ↔ number rewrites.
import { describe, expect, it } from 'vitest';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../fixture';
import { expectDiagnostics } from './expect';
import { marked, stateOf, TEST_URI } from './state';

function actionsAt(text: string, only?: string[]) {
  const { state, cursors, text: clean } = marked(text);
  const range: Range = { start: cursors[0]!, end: cursors[1] ?? cursors[0]! };
  return { state, text: clean, actions: codeActions(state, { textDocument: { uri: TEST_URI }, range, context: { diagnostics: [], only } }) };
}

function apply(text: string, action: CodeAction): string {
  return applyEdits(text, action.edit!.changes![TEST_URI]!);
}

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
    expectDiagnostics(fixed, [], { codes: ['judgment'] });
  });

  it('removes a conflicting observe line, and an observation the model rules out', () => {
    const model = 'event attack { probability 10% }\noutcome never { base 0%; attack raises weakly }\n';
    const twice = actionsAt(`${model}alternative "A" {\n  observe attack\n  observe <|>not attack\n}\n`);
    const remove = twice.actions.find((a) => a.diagnostics?.[0]?.code === 'alternative-conflict')!;
    expect(remove.title).toBe('Remove this line');
    expect(apply(twice.text, remove)).toBe(`${model}alternative "A" {\n  observe attack\n}\n`);
    const never = actionsAt(`${model}alternative "A" {\n  observe attack\n  observe <|>never\n}\n`);
    const drop = never.actions.find((a) => a.diagnostics?.[0]?.code === 'observe-impossible')!;
    expect(drop.title).toBe('Remove this observation');
    const fixed = apply(never.text, drop);
    expect(fixed).toBe(`${model}alternative "A" {\n  observe attack\n}\n`);
    expectDiagnostics(fixed, []);
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
    expectDiagnostics(apply(base.text, addBase), [], { codes: ['missing-base'] });

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

// Imports across files (LANGUAGE.md, Imports): real files in a temporary folder, read through the
// disk's ImportHost by the import graph. Transitive imports into one flat namespace, only the
// factors, events and outcomes of imported files, duplicate names across files with both places,
// and the model each file's forecast gets.
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { forecast } from '../../server/src/engine/forecast';
import { analysed, factor, listed, outcome, workspace } from './importsHelpers';

const ws = workspace();
afterAll(() => ws.remove());

ws.write({
  'lib/base.scenario': [
    'scenario "The library\'s own settings" {\n  samples 1000\n}\n',
    factor('crisis', 'almost certain'),
    factor('khan_popular', 'very likely'),
    'alternative "Not imported" {\n  crisis 10%\n}\n',
  ].join('\n'),
  'lib/mid.scenario': `import "base.scenario"\n\n${outcome('unrest', 'crisis', 'khan_popular')}`,
  'q1.scenario': [
    'import "lib/mid.scenario"\n',
    'scenario "Question one" {\n  seed 7\n}\n',
    factor('rapport', '55%..75%'),
    outcome('democracy_push', 'crisis', 'rapport', 'unrest'),
    'alternative "Calm" {\n  given not crisis\n}\n',
  ].join('\n'),
});

describe('a file that imports', () => {
  const graph = ws.graph();
  const q1 = analysed(graph.file(ws.path('q1.scenario')));

  it('checks clean when every name it uses is declared in a file it imports, directly or not', () => {
    expect(listed(q1)).toEqual([]);
    expect(q1.analysis.model.hasErrors).toBe(false);
  });

  it('gets the factors, events and outcomes of every imported file first, marked with the file that declares them', () => {
    const { model } = q1.analysis;
    expect([...model.variables.keys()]).toEqual(['crisis', 'khan_popular', 'unrest', 'rapport', 'democracy_push']);
    expect(model.variables.get('crisis')!.origin?.file).toBe(ws.path('lib/base.scenario'));
    expect(model.variables.get('unrest')!.origin?.file).toBe(ws.path('lib/mid.scenario'));
    expect(model.variables.get('rapport')!.origin).toBeUndefined();
    // Every imported name comes in through this file's one import statement.
    const importSpan = q1.analysis.document.declarations[0]!.span;
    for (const name of ['crisis', 'khan_popular', 'unrest']) expect(model.importedVia!.get(name)).toEqual(importSpan);
    expect(model.importedVia!.has('rapport')).toBe(false);
    expect(model.order.indexOf('crisis')).toBeLessThan(model.order.indexOf('unrest'));
    expect(model.order.indexOf('unrest')).toBeLessThan(model.order.indexOf('democracy_push'));
  });

  it('keeps its own scenario block and alternatives, never an imported file\'s', () => {
    const { model } = q1.analysis;
    expect(model.settings.title).toBe('Question one');
    expect(model.settings.seed).toBe(7);
    expect(model.settings.samples).toBe(20_000);
    expect(model.alternatives.map((a) => a.title)).toEqual(['Calm']);
  });

  it('is forecast with the imported declarations as if they were its own', () => {
    const merged = forecast(q1.analysis.model);
    const inline = analyzeSource({
      text: [factor('crisis', 'almost certain'), factor('khan_popular', 'very likely'), outcome('unrest', 'crisis', 'khan_popular'),
        factor('rapport', '55%..75%'), outcome('democracy_push', 'crisis', 'rapport', 'unrest'), 'scenario "Q" {\n  seed 7\n}\n',
        'alternative "Calm" {\n  given not crisis\n}\n'].join('\n'),
    });
    const pasted = forecast(inline.model);
    expect(merged.outcomes.map((o) => [o.name, o.probability])).toEqual(pasted.outcomes.map((o) => [o.name, o.probability]));
    expect(merged.alternatives[0]!.outcomes.map((o) => o.probability)).toEqual(pasted.alternatives[0]!.outcomes.map((o) => o.probability));
  });

  it('is told when its file is checked on its own: each import is not read', () => {
    const alone = analyzeSource({ text: q1.text });
    expect(alone.diagnostics.map((d) => d.code)).toEqual(['import-not-found']);
    expect(alone.diagnostics[0]!.message).toMatch(/^Imports are not read here/);
    // The names it would import are not reported unknown on top of that.
    expect(alone.model.hasErrors).toBe(true);
  });

  it('reads a library once however many paths lead to it (a diamond is no duplicate)', () => {
    ws.write({
      'diamond/d.scenario': factor('shared'),
      'diamond/b.scenario': `import "d.scenario"\n${factor('only_b')}`,
      'diamond/c.scenario': `import "d.scenario"\n${factor('only_c')}`,
      'diamond/a.scenario': `import "b.scenario"\nimport "c.scenario"\nimport "./d.scenario"\n${outcome('o', 'shared', 'only_b', 'only_c')}`,
    });
    const a = analysed(ws.graph().file(ws.path('diamond/a.scenario')));
    expect(listed(a)).toEqual([]);
    expect([...a.analysis.model.variables.keys()]).toEqual(['shared', 'only_b', 'only_c', 'o']);
  });
});

describe('duplicate-name across files', () => {
  ws.write({
    'dup/a.scenario': `${factor('x')}\n${factor('crisis')}`,
    'dup/b.scenario': `// b\n\n${factor('crisis', 'unlikely')}`,
    'dup/both.scenario': `import "a.scenario"\nimport "b.scenario"\n${outcome('o', 'crisis', 'x')}`,
    'dup/own.scenario': `import "a.scenario"\n\n${factor('crisis')}\n${outcome('o', 'crisis', 'x')}`,
  });
  const graph = ws.graph();

  it('between two imported files: on the later import, both places in the related information', () => {
    const both = analysed(graph.file(ws.path('dup/both.scenario')));
    expect(listed(both)).toEqual([
      "duplicate-name 2:8 'crisis' is declared in both a.scenario (factor on line 5) and b.scenario (factor on line 3), which " +
        'this file imports: names must be unique across a model and the files it imports, so rename one of them.',
    ]);
    const related = both.analysis.diagnostics[0]!.related!;
    expect(related.map((r) => [r.elsewhere!.file, r.elsewhere!.start, r.elsewhere!.end])).toEqual([
      [ws.path('dup/a.scenario'), { line: 4, character: 7 }, { line: 4, character: 13 }],
      [ws.path('dup/b.scenario'), { line: 2, character: 7 }, { line: 2, character: 13 }],
    ]);
    // The first import's declaration is the one the model binds.
    expect(both.analysis.model.variables.get('crisis')!.origin!.file).toBe(ws.path('dup/a.scenario'));
  });

  it('between this file and an imported one: on this file\'s declaration, the imported one related', () => {
    const own = analysed(graph.file(ws.path('dup/own.scenario')));
    expect(listed(own)).toEqual([
      "duplicate-name 3:8 'crisis' is already declared in a.scenario (factor on line 5), which this file imports: names " +
        'must be unique across a model and the files it imports, so rename this one (or remove it and use the imported one).',
    ]);
    expect(own.analysis.diagnostics[0]!.related![0]!.elsewhere!.file).toBe(ws.path('dup/a.scenario'));
    // What depends on the duplicated name is left out of the forecast until it is fixed.
    expect(own.analysis.scope.excluded.map((e) => e.name)).toEqual(['crisis', 'o']);
  });
});

describe('an imported file with errors', () => {
  ws.write({
    'broken/lib.scenario': `${factor('fine')}\nfactor shaky {\n  probability maybe\n}\n`,
    'broken/q.scenario': `import "lib.scenario"\n${factor('own')}\n${outcome('uses_lib', 'shaky')}\n${outcome('independent', 'own')}`,
  });
  const graph = ws.graph();
  const q = analysed(graph.file(ws.path('broken/q.scenario')));
  const lib = analysed(graph.file(ws.path('broken/lib.scenario')));

  it('keeps its errors in its own file; the importer says its import has errors and where the first is', () => {
    // (Its factors drive nothing in their own file: hints there.)
    expect(listed(lib).map((l) => l.split(' ')[0])).toEqual(['unused', 'unused', 'hedge-word']);
    expect(listed(q)).toEqual([
      'import-errors 1:8 lib.scenario has an error: fix it in that file. Until then this file is not forecast with what it imports from there.',
    ]);
    const [related] = q.analysis.diagnostics[0]!.related!;
    expect(related!.elsewhere).toEqual({ file: ws.path('broken/lib.scenario'), start: { line: 5, character: 14 }, end: { line: 5, character: 19 } });
    expect(related!.message).toMatch(/maybe/);
  });

  it('leaves out of the importer\'s forecast what that import brings and what depends on it, and forecasts the rest', () => {
    expect(q.analysis.model.hasErrors).toBe(true);
    expect(q.analysis.scope.excluded.map((e) => [e.name, e.reason])).toEqual([
      ['fine', 'its import on line 1 has an error'],
      ['shaky', 'its import on line 1 has an error'],
      ['uses_lib', 'depends on shaky, which has an error'],
    ]);
    expect(q.analysis.scope.model.outcomes.map((o) => o.name)).toEqual(['independent']);
  });
});

describe('the unused hint across files', () => {
  it('is not given to a library factor that drives an outcome of a file importing it', () => {
    ws.write({
      'hint/lib.scenario': `${factor('used')}\n${factor('idle')}`,
      'hint/q.scenario': `import "lib.scenario"\n${outcome('o', 'used')}`,
    });
    const graph = ws.graph();
    const lib = analysed(graph.file(ws.path('hint/lib.scenario')));
    expect(listed(lib).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['unused 1:8', 'unused 5:8']);
    expect(graph.drivenElsewhere().get(lib.path)).toBeUndefined();
    graph.file(ws.path('hint/q.scenario'));
    expect([...graph.drivenElsewhere().get(lib.path)!]).toEqual(['used']);
  });
});

describe('forget', () => {
  it('reads a changed library again, and re-analyses every file that imports it, directly or not', () => {
    ws.write({
      'change/lib.scenario': factor('a'),
      'change/mid.scenario': `import "lib.scenario"\n${factor('m')}`,
      'change/q.scenario': `import "mid.scenario"\n${outcome('o', 'a', 'm')}`,
    });
    const graph = ws.graph();
    const before = analysed(graph.file(ws.path('change/q.scenario')));
    expect(listed(before)).toEqual([]);
    ws.write({ 'change/lib.scenario': factor('b') });
    // Until told, the graph keeps what it read.
    expect(analysed(graph.file(ws.path('change/q.scenario')))).toBe(before);
    graph.forget(ws.path('change/lib.scenario'));
    const after = analysed(graph.file(ws.path('change/q.scenario')));
    expect(listed(after).map((l) => l.split(' ')[0])).toEqual(['unknown-name']);
    expect([...after.analysis.model.variables.keys()]).toEqual(['b', 'm', 'o']);
  });

  it('finds a file that appears where an import looked for it', () => {
    ws.write({ 'appear/q.scenario': `import "lib.scenario"\n${outcome('o', 'a')}` });
    const graph = ws.graph();
    expect(listed(analysed(graph.file(ws.path('appear/q.scenario')))).map((l) => l.split(' ')[0])).toEqual(['import-not-found']);
    ws.write({ 'appear/lib.scenario': factor('a') });
    graph.forget(ws.path('appear/lib.scenario'));
    expect(listed(analysed(graph.file(ws.path('appear/q.scenario'))))).toEqual([]);
  });
});

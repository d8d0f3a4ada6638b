// Changes are defined on the resolved model: each kind of LANGUAGE.md's list, reformatting and
// reordering as no change, a rename as one rename.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { diffModels, type ModelChange } from '../../server/src/history/changes';
import { SAMPLE, smallModel } from './repo';

function changes(before: string, after: string): ModelChange[] {
  const a = analyzeSource({ text: before });
  const b = analyzeSource({ text: after });
  expect(a.model.hasErrors).toBe(false);
  expect(b.model.hasErrors).toBe(false);
  return diffModels(a, b).changes;
}

const brief = (c: ModelChange) => ({ kind: c.kind, name: c.name, ...(c.outcome ? { outcome: c.outcome } : {}), before: c.before, after: c.after });

describe('changes on the resolved model', () => {
  it('reformatting, reordering declarations and lines, and writing a phrase as its range are no change', () => {
    const reformatted = [
      'scenario "Small" { seed 3 }',
      'outcome ties "Security re-engagement" { attack raises x5; rapport raises x3; base 0.2 }',
      '// a comment',
      'event attack "An attack" { probability 0.1 }',
      'factor rapport "Leaders get on" {',
      '      probability   55%..80%',
      '}',
    ].join('\n');
    expect(changes(smallModel(), reformatted)).toEqual([]);
  });

  it('the op-ed sample against itself with every line re-indented is no change', () => {
    const reindented = SAMPLE.split('\n').map((l) => (l.startsWith('  ') ? `    ${l.trim()}` : l)).join('\r\n');
    expect(changes(SAMPLE, reindented)).toEqual([]);
  });

  it('a probability, a base and a driver re-weighted, with their lines in the new version', () => {
    const after = smallModel({ rapport: '40%', base: '25%' }).replace('attack raises x5', 'attack raises strongly');
    const found = changes(smallModel(), after);
    expect(found.map(brief)).toEqual([
      { kind: 'probability', name: 'rapport', before: 'likely', after: '40%' },
      { kind: 'base', name: 'ties', before: '20%', after: '25%' },
      { kind: 'driver-reweighted', name: 'attack', outcome: 'ties', before: 'raises x5', after: 'raises strongly' },
    ]);
    expect(found.map((c) => c.line)).toEqual([6, 14, 16]);
    expect(found.every((c) => c.attributed && c.side === 'after')).toBe(true);
  });

  it('a new factor comes with its driver line (the line is what moves probabilities)', () => {
    const after = smallModel({ extra: '  talks raises weakly' }) + 'factor talks "Talks resume" { probability unlikely }\n';
    const found = changes(smallModel(), after);
    expect(found.map(brief)).toEqual([
      { kind: 'declaration-added', name: 'talks', before: null, after: 'factor, unlikely' },
      { kind: 'driver-added', name: 'talks', outcome: 'ties', before: null, after: 'raises weakly' },
    ]);
    expect(found.map((c) => c.attributed)).toEqual([false, true]);
  });

  it('a removed factor comes with its driver line, placed in the old version', () => {
    const before = smallModel();
    const after = before.replace('  attack raises x5\n', '').replace(/event attack[^}]*}\n/, '');
    const found = changes(before, after);
    expect(found.map(brief)).toEqual([
      { kind: 'declaration-removed', name: 'attack', before: 'event, 10%', after: null },
      { kind: 'driver-removed', name: 'attack', outcome: 'ties', before: 'raises x5', after: null },
    ]);
    expect(found.map((c) => [c.side, c.line])).toEqual([['before', 9], ['before', 16]]);
  });

  it('text only: label, note, source and judged; never attributed', () => {
    const before = smallModel();
    const after = before
      .replace('"Leaders get on"', '"Leaders get along"')
      .replace('  probability 10%\n', '  probability 10%\n  note "New intelligence"\n  source "cable 7"\n')
      .replace('  base 20%\n', '  base 20%\n  judged unlikely\n');
    expect(changes(before, after).map((c) => [c.kind, c.field, c.name, c.before, c.after, c.attributed])).toEqual([
      ['text', 'label', 'rapport', 'Leaders get on', 'Leaders get along', false],
      ['text', 'note', 'attack', null, 'New intelligence', false],
      ['text', 'source', 'attack', null, 'cable 7', false],
      ['text', 'judged', 'ties', null, 'unlikely', false],
    ]);
  });

  it('settings lines: the title is text, samples and seed can move (Monte Carlo) numbers', () => {
    const after = smallModel().replace('scenario "Small" {', 'scenario "Smaller" {\n  samples 5000').replace('seed 3', 'seed 4');
    expect(changes(smallModel(), after).map((c) => [c.kind, c.name, c.before, c.after, c.attributed])).toEqual([
      ['settings', 'title', 'Small', 'Smaller', false],
      ['settings', 'samples', '20000', '5000', true],
      ['settings', 'seed', '3', '4', true],
    ]);
  });

  it('a rename is one rename: the driver lines that use the name follow it', () => {
    const after = smallModel().replace('factor rapport', 'factor leader_rapport').replace('  rapport raises', '  leader_rapport raises');
    expect(changes(smallModel(), after).map(brief)).toEqual([
      { kind: 'rename', name: 'leader_rapport', before: 'rapport', after: 'leader_rapport' },
    ]);
  });

  it('a renamed declaration without a label is found by what it says, and other changes are still seen', () => {
    const before = smallModel().replace(' "An attack"', '');
    const after = before.replace('event attack', 'event strike').replace('  attack raises x5', '  strike raises x5')
      .replace('probability likely', 'probability 60%');
    expect(changes(before, after).map(brief)).toEqual([
      { kind: 'rename', name: 'strike', before: 'attack', after: 'strike' },
      { kind: 'probability', name: 'rapport', before: 'likely', after: '60%' },
    ]);
  });

  it('alternatives are listed, never attributed', () => {
    const before = `${smallModel()}alternative "Calm" {\n  attack 1%\n}\n`;
    const after = `${smallModel()}alternative "Calm" {\n  attack 2%\n}\nalternative "Strike" {\n  given attack\n}\n`;
    expect(changes(before, after).map((c) => [c.kind, c.name, c.before, c.after, c.attributed])).toEqual([
      ['alternative', 'Calm', 'attack 1%', 'attack 2%', false],
      ['alternative', 'Strike', null, 'given attack', false],
    ]);
  });
});

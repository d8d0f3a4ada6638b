// The `judgment` check: a warning on the judged value when P(O) falls outside it, with a fix
// that rewrites the value to the phrase whose range holds P(O).
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { judgmentDiagnostics } from '../../server/src/engine/judgment';
import { analyze } from '../../server/src/model/analyze';
import { buildModel } from './build';

describe('judgmentDiagnostics', () => {
  it('warns when the forecast falls outside the judged call, and proposes the right phrase', () => {
    const model = buildModel({
      factors: { a: 0.3 },
      outcomes: {
        wrong: { base: 0.2, drivers: [['a', 'raises', 3]], judged: 'likely' },
        right: { base: 0.2, drivers: [['a', 'raises', 3]], judged: 'unlikely' },
        point: { base: 0.5, judged: 0.52 },
        off: { base: 0.5, judged: 0.4 },
        none: { base: 0.5 },
      },
    });
    const diagnostics = judgmentDiagnostics(model, forecast(model));
    expect(diagnostics.map((d) => d.code)).toEqual(['judgment', 'judgment']);
    const [wrong, off] = diagnostics;
    expect(wrong!.severity).toBe('warning');
    expect(wrong!.message).toContain('27%');
    expect(wrong!.message).toContain('"unlikely"');
    expect(wrong!.message).toContain('"likely"');
    expect(wrong!.fixes).toEqual([{ span: model.outcomes[0]!.judged!.span, newText: 'unlikely', title: "Change to 'unlikely'" }]);
    expect(off!.message).toContain('50%');
    expect(off!.message).toContain('35%–45%');
    expect(off!.fixes![0]!.newText).toBe('roughly even chance');
  });

  it('marks the judged value in the text, and its fix makes the warning go away', () => {
    const text = [
      'factor a { probability 30% }',
      'outcome o "O" {',
      '  base 20%',
      '  a raises x3',
      '  judged very likely',
      '}',
    ].join('\n');
    const first = analyze(text);
    expect(first.diagnostics.filter((d) => d.severity !== 'hint')).toEqual([]);
    const [warning] = judgmentDiagnostics(first.model, forecast(first.model));
    expect(text.slice(warning!.span.start, warning!.span.end)).toBe('very likely');
    const fix = warning!.fixes![0]!;
    const fixed = text.slice(0, fix.span.start) + fix.newText + text.slice(fix.span.end);
    expect(fixed).toContain('judged unlikely');
    const second = analyze(fixed);
    expect(judgmentDiagnostics(second.model, forecast(second.model))).toEqual([]);
  });
});

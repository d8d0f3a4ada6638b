// Diagnostics through the protocol: codes, severities, narrowest ranges, the Unnecessary tag and
// related information, published with the document's version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
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

const BROKEN = `factor crisis "Crises" {
  probability likely
}

factor idle "Never used" {
  probability 30%
}

factor crisis {
  probability 20%
}

outcome a {
  base 20%
  b raises weakly
  crisis raises moderately
}

outcome b {
  base 30%
  a raises weakly
}

outcome c {
  base 10%
  crisiss raises weakly
}

factor hedge {
  probability may
}
`;

function textOf(text: string, d: { range: Diagnostic['range'] }): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, `one ${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`).toHaveLength(1);
  return found[0]!;
}

describe('diagnostics', () => {
  it('reports every check with its code, severity and narrowest range', async () => {
    const uri = server.open('broken.scenario', BROKEN);
    const diagnostics = await server.waitForVersion(uri, 1);

    const duplicate = only(diagnostics, 'duplicate-name');
    expect(duplicate.severity).toBe(DiagnosticSeverity.Error);
    expect(textOf(BROKEN, duplicate)).toBe('crisis');
    expect(offsetAt(BROKEN, duplicate.range.start)).toBe(BROKEN.indexOf('factor crisis {') + 'factor '.length);

    const unknown = only(diagnostics, 'unknown-name');
    expect(textOf(BROKEN, unknown)).toBe('crisiss');
    expect(unknown.message).toContain('crisis');

    const hedge = only(diagnostics, 'hedge-word');
    expect(textOf(BROKEN, hedge)).toBe('may');
    expect(hedge.message).toContain('likely');

    for (const d of diagnostics) {
      expect(d.source).toBe('scenario');
      expect(d.range.start.line).toBeLessThanOrEqual(d.range.end.line);
    }
  });

  it('tags unused factors as Unnecessary hints', async () => {
    const uri = server.open('unused.scenario', BROKEN);
    const diagnostics = await server.waitForVersion(uri, 1);
    const unused = diagnostics.filter((d) => d.code === 'unused');
    const idle = unused.find((d) => textOf(BROKEN, d) === 'idle');
    expect(idle, JSON.stringify(unused)).toBeDefined();
    expect(idle!.severity).toBe(DiagnosticSeverity.Hint);
    expect(idle!.tags).toEqual([DiagnosticTag.Unnecessary]);
    for (const d of diagnostics.filter((x) => x.code !== 'unused')) expect(d.tags ?? []).not.toContain(DiagnosticTag.Unnecessary);
  });

  it('points duplicates and cycles at the related lines', async () => {
    const uri = server.open('related.scenario', BROKEN);
    const diagnostics = await server.waitForVersion(uri, 1);

    const duplicate = only(diagnostics, 'duplicate-name');
    expect(duplicate.relatedInformation).toHaveLength(1);
    const first = duplicate.relatedInformation![0]!;
    expect(first.location.uri).toBe(uri);
    expect(offsetAt(BROKEN, first.location.range.start)).toBe(BROKEN.indexOf('crisis'));

    const cycle = only(diagnostics, 'cycle');
    expect(cycle.severity).toBe(DiagnosticSeverity.Error);
    expect(['a', 'b']).toContain(textOf(BROKEN, cycle));
    expect(cycle.message).toMatch(/a.*b|b.*a/);
    const lines = (cycle.relatedInformation ?? []).map((r) => textOf(BROKEN, r.location).trim());
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(['b raises weakly', 'a raises weakly']).toContain(line);
  });

  it('publishes no errors for the language reference example', async () => {
    const uri = server.open('sample.scenario', SAMPLE);
    const diagnostics = await server.waitForVersion(uri, 1);
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });

  it('reports syntax errors in analyst words and keeps checking the rest', async () => {
    const text = 'factor a {\n  probability\n}\n\nfactor b {\n  probability 30%\n}\n\noutcome o {\n  base 20%\n  b raises weakly\n  zz raises weakly\n}\n';
    const uri = server.open('syntax.scenario', text);
    const diagnostics = await server.waitForVersion(uri, 1);
    const syntax = diagnostics.filter((d) => d.code === 'syntax');
    expect(syntax.length).toBeGreaterThanOrEqual(1);
    expect(syntax[0]!.severity).toBe(DiagnosticSeverity.Error);
    expect(syntax[0]!.message).not.toMatch(/[A-Z][a-z]+_[a-z]/); // no grammar rule names
    expect(diagnostics.some((d) => d.code === 'unknown-name' && textOf(text, d) === 'zz')).toBe(true);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = server.open('closed.scenario', BROKEN);
    await server.waitForDiagnostics(uri, (ds) => ds.length > 0);
    server.close(uri);
    const after = await server.waitForDiagnostics(uri, (ds) => ds.length === 0);
    expect(after).toEqual([]);
  });
});

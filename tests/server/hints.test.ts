// Each outcome's computed probability through the protocol: an inlay hint right after its name
// that keeps its text while a newer forecast is on its way, or a code lens above the outcome when
// `scenario.inlayHints.position` says so (read from the client's settings, changed at run time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import { SAMPLE } from './models';
import { startServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ settings: { timeBudgetMs: 120_000 } });
});
afterAll(async () => {
  await server?.stop();
});

const LABEL = '"Washington presses Islamabad on democracy and free speech"';
const labels = (hints: InlayHint[] | null) => (hints ?? []).map((h) => String(h.label));

describe('inlay hints while typing', () => {
  it('sit right after each outcome name and answer with the previous text until the new forecast is in', async () => {
    const uri = server.open('typing.scenario', SAMPLE);
    await server.waitForForecast(uri, (r) => r.version === 1 && r.forecast !== null);
    const before = await server.inlayHints(uri);
    expect(before).toHaveLength(3);
    const nameEnd = SAMPLE.indexOf('outcome democracy_push') + 'outcome democracy_push'.length;
    expect(before![0]!.position).toEqual(server.positionAt(uri, nameEnd));

    // Typing in the label, one character at a time, asking for hints after each (as VS Code does).
    const at = SAMPLE.indexOf(LABEL) + LABEL.length - 1;
    const during: InlayHint[][] = [];
    let askedBeforeTheirForecast = 0;
    for (const [i, c] of [...' now'].entries()) {
      server.edit(uri, at + i, at + i, c);
      const hints = (await server.inlayHints(uri)) ?? [];
      if (!server.forecasts.some((f) => f.uri === uri && f.version === server.version(uri))) askedBeforeTheirForecast++;
      during.push(hints);
    }
    // The point of the test: answers given while the edit's forecast was still on its way.
    expect(askedBeforeTheirForecast).toBeGreaterThan(0);
    const version = server.version(uri);
    for (const hints of during) {
      expect(labels(hints)).toEqual(labels(before));
      expect(hints[0]!.position).toEqual(before![0]!.position); // the edit is after the name
    }
    expect(labels(during.flat()).join(' ')).not.toMatch(/earlier|last good/);

    await server.waitForForecast(uri, (r) => r.version === version && !r.stale);
    expect(labels(await server.inlayHints(uri))).toEqual(labels(before)); // a label does not move the numbers
  });
});

describe('scenario.inlayHints.position', () => {
  it('codeLens: no inlay hints; a lens above each outcome with the hint’s text; back with afterName', async () => {
    const uri = server.open('lenses.scenario', SAMPLE);
    await server.forecast(uri);
    const hints = labels(await server.inlayHints(uri));
    expect((await server.codeLenses(uri))!).toHaveLength(1);

    await changeSetting({ position: 'codeLens' });
    expect(await server.inlayHints(uri)).toEqual([]);
    const lenses = (await server.codeLenses(uri))!;
    expect(lenses.slice(1).map((l) => l.command!.title)).toEqual(hints);
    const outcomeLine = SAMPLE.slice(0, SAMPLE.indexOf('outcome democracy_push')).split('\n').length - 1;
    expect(lenses[1]!.range.start).toEqual({ line: outcomeLine, character: 0 });

    await changeSetting({ position: 'somewhere else' }); // unknown: the default
    expect(labels(await server.inlayHints(uri))).toEqual(hints);
    expect(await server.codeLenses(uri)).toHaveLength(1);
    await changeSetting({ position: 'codeLens' });
    await changeSetting({});
    expect(labels(await server.inlayHints(uri))).toEqual(hints);
  });
});

/** Changes the setting and waits until the server asks the client to refresh its hints and lenses. */
async function changeSetting(settings: { position?: string }): Promise<void> {
  const from = server.refreshes.length;
  server.setInlayHintSettings(settings);
  await server.waitFor(() => {
    const asked = server.refreshes.slice(from);
    return asked.includes('workspace/inlayHint/refresh') && asked.includes('workspace/codeLens/refresh') ? true : undefined;
  }, 'the refresh requests');
}

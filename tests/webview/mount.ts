/// <reference lib="dom" />
// The preview's page as the webview's html makes it (a <main> with the document's URI in the
// body), started with a recording stand-in for acquireVsCodeApi() and no charts, and sent a
// forecast. The test disposes the page afterwards.
import { startPage, type Page } from '../../client/webview/page';
import type { Forecast } from '../../common/forecast';
import { URI, forecastMessage, recordingApi, type RecordingApi } from './fixtures';

export interface Mounted {
  root: HTMLElement;
  page: Page;
  rec: RecordingApi;
  /** A message to the page, as the extension posts it. */
  send(data: unknown): void;
}

export function mountPage(forecast: Forecast | null): Mounted {
  const root = document.createElement('main');
  root.dataset.uri = URI;
  document.body.replaceChildren(root);
  const rec = recordingApi();
  const page = startPage({ root, api: rec.api, createChart: () => ({ destroy() {} }) });
  const send = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data }));
  send(forecastMessage(forecast));
  return { root, page, rec, send };
}

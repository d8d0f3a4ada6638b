// The Track Record page's HTML: the preview's policy and nonce (preview/html.ts), its own script
// and stylesheet. Pure (no VS Code import) so tests can check it.
import { makeNonce, webviewHtml } from '../preview/html';

export { makeNonce };

export interface TrackRecordHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** What is scored (a folder's or the workspace's name), text only. */
  title: string;
}

export function trackRecordHtml(input: TrackRecordHtmlInput): string {
  return webviewHtml({ ...input, title: `Track record: ${input.title}` });
}

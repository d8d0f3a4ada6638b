// The compare page's HTML: the preview's policy and nonce (preview/html.ts), its own script and
// stylesheet. Pure (no VS Code import) so tests can check it.
import { makeNonce, webviewHtml } from '../preview/html';

export { makeNonce };

export interface CompareHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  uri: string;
  fileName: string;
}

export function compareHtml(input: CompareHtmlInput): string {
  return webviewHtml({ ...input, title: `Forecast changes: ${input.fileName}`, root: { 'data-uri': input.uri } });
}

// The Track Record page's HTML: the preview's policy and nonce (preview/html.ts), its own script
// and stylesheet. Pure (no VS Code import) so tests can check it.
import { contentSecurityPolicy, escapeHtml, makeNonce } from '../preview/html';

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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>Track record: ${escapeHtml(input.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}

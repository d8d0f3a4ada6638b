// The compare page's HTML: the preview's policy and nonce (preview/html.ts), its own script and
// stylesheet. Pure (no VS Code import) so tests can check it.
import { contentSecurityPolicy, escapeHtml, makeNonce } from '../preview/html';

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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>Forecast changes: ${escapeHtml(input.fileName)}</title>
</head>
<body>
<main id="root" data-uri="${escapeHtml(input.uri)}" aria-live="polite"></main>
<script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}

// The preview page's HTML: a strict Content-Security-Policy, scripts only by a fresh nonce, and
// every dynamic value escaped. The page script renders everything else by DOM APIs (never raw
// HTML from file content). Pure (no VS Code import) so tests can check the policy.
import { randomBytes } from 'node:crypto';
import type { PageState } from '../../../common/pageMessages';
import { escapeHtml } from '../../../common/text/html';

export { escapeHtml };

export interface PreviewHtmlInput {
  /** webview.cspSource: the origin of the extension's own files inside the webview. */
  cspSource: string;
  /** From makeNonce(): new for every page. */
  nonce: string;
  /** webview.asWebviewUri of dist/webview/main.js and main.css. */
  scriptUri: string;
  styleUri: string;
  /** What a new page starts from; it keeps it with setState so a reload restores the preview. */
  state: Pick<PageState, 'uri' | 'locked'>;
  /** The document's file name, for the page title (text only). */
  fileName: string;
}

/** 128 random bits from the OS's generator, base64 (never a predictable generator). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The page's policy: nothing by default; our files and the nonce-bearing script only. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Escapes a value for a double-quoted attribute, keeping `'` readable (the CSP is full of them). */
function escapeDoubleQuoted(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function previewHtml(input: PreviewHtmlInput): string {
  const { uri, locked } = input.state;
  // The page starts from <main id="root">'s data-uri / data-locked unless it has saved state.
  return webviewHtml({ ...input, title: `Forecast: ${input.fileName}`, root: { 'data-uri': uri, 'data-locked': locked ? 'true' : 'false' } });
}

export interface WebviewHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The page title (text only). */
  title: string;
  /** Attributes of <main id="root">, escaped here. */
  root?: Record<string, string>;
}

/**
 * The shell every page of the extension shares (preview, compare, track record): the policy, the
 * stylesheet, an empty <main id="root"> for the page script to render into by DOM calls, and that
 * script by its nonce. Every value is escaped.
 */
export function webviewHtml(input: WebviewHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const attributes = Object.entries(input.root ?? {}).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeDoubleQuoted(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>${escapeHtml(input.title)}</title>
</head>
<body>
<main id="root"${attributes} aria-live="polite"></main>
<script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}

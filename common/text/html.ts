// File content as inert HTML text: the one escaper for the preview's page shell and the standalone
// report (common/report/html.ts). Safe in element content and in quoted attributes of either kind.
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

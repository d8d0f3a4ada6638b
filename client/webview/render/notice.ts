// The banner that says the numbers are old (the file does not parse now) or missing.
import { el } from '../dom';

export type NoticeKind = 'stale' | 'empty' | 'info';

export function notice(kind: NoticeKind, text: string): HTMLElement {
  return el('div', { className: `notice notice-${kind}`, attrs: { role: 'status' } }, [text]);
}

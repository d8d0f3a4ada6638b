// A table too wide for a side pane scrolls in its own box (its first column stays put), never the
// page. The box takes the keyboard focus so it can be scrolled without a mouse.
import { el } from '../dom';

export function scrollArea(label: string, content: HTMLElement): HTMLElement {
  const area = el('div', { className: 'scroll-x', attrs: { role: 'region', 'aria-label': label, tabindex: '0' } }, [content]);
  area.dataset.key = `scroll:${label}`;
  return area;
}

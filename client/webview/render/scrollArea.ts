// A table too wide for a side pane scrolls in its own box (its first column stays put), never the
// page. The box takes the keyboard focus so it can be scrolled without a mouse. The caption is
// shown above the box (inside, it would scroll away with the table) and kept for screen readers.
import { el } from '../dom';

export function scrollArea(label: string, table: HTMLTableElement): HTMLElement {
  const area = el('div', { className: 'scroll-x', attrs: { role: 'region', 'aria-label': label, tabindex: '0' } }, [table]);
  area.dataset.key = `scroll:${label}`;
  const caption = table.caption;
  if (!caption) return area;
  caption.classList.add('visually-hidden');
  return el('div', { className: 'scroll-block' }, [
    el('p', { className: 'muted explain', attrs: { 'aria-hidden': 'true' } }, [caption.textContent ?? '']),
    area,
  ]);
}

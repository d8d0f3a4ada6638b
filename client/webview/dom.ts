// The only way the page makes elements: createElement, setAttribute with names fixed in this
// code, and text nodes. File content is always text; there is no HTML string anywhere.

export type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  /** Attribute names come from this code, never from a file; values are plain text. */
  attrs?: Record<string, string>;
}

// Attributes that could run code, load something or bypass the stylesheet: never set.
const FORBIDDEN_ATTRIBUTE = /^(on|style$|srcdoc$|href$|src$|action$|formaction$)/i;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`refusing to set attribute ${name}`);
    node.setAttribute(name, value);
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A column heading; numeric columns are right-aligned like their cells. */
export interface Column {
  title: string;
  numeric?: boolean;
}

/** A table with a caption, header cells and body rows (rows are built by the caller). */
export function table(caption: string, columns: readonly Column[], rows: readonly HTMLTableRowElement[], className = ''): HTMLTableElement {
  return el('table', { className }, [
    el('caption', {}, [caption]),
    el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { attrs: { scope: 'col' }, className: c.numeric ? 'num' : '' }, [c.title])))]),
    el('tbody', {}, rows),
  ]);
}

/** A row cell; numeric cells are right-aligned with tabular figures. */
export function td(children: readonly Child[], className = ''): HTMLTableCellElement {
  return el('td', { className }, children);
}

export function section(id: string, heading: string, children: readonly Child[]): HTMLElement {
  return el('section', { className: 'block', attrs: { id, 'aria-labelledby': `${id}-heading` } }, [
    el('h2', { attrs: { id: `${id}-heading` } }, [heading]),
    ...children,
  ]);
}

/**
 * Makes a table row act like a button: click, Enter or Space runs the action. The key lets the
 * page put the keyboard focus back on the same row after a re-render.
 */
export function makeActivatable(row: HTMLElement, key: string, description: string, action: () => void): void {
  row.tabIndex = 0;
  row.classList.add('clickable');
  row.dataset.key = key;
  row.title = description;
  row.addEventListener('click', action);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  });
}

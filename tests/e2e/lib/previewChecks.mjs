// Checks run inside the preview page (the webview's inner frame) through locator.evaluate: the
// functions below are serialised into the page, so each is self-contained.

/**
 * Every visible text in the page (own text nodes, ::before labels, a select's shown option) with
 * its WCAG 2 contrast ratio against the background it sits on: colours from getComputedStyle,
 * alpha backgrounds blended up the tree, opacity applied to the text. Each result names its element
 * (tag.classes), the id of the section it sits in, and whether it is in the element under the mouse.
 */
export function contrastOfTexts() {
  const parse = (s) => {
    const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(s);
    if (!m) return null;
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const chain = (el) => {
    const list = [];
    for (let e = el; e; e = e.parentElement) list.push(e);
    return list;
  };
  const backgroundOf = (el) => chain(el).reverse().reduce((bg, e) => {
    const c = parse(getComputedStyle(e).backgroundColor);
    return c && c[3] > 0 ? over(c, bg) : bg;
  }, [255, 255, 255, 1]);
  const opacityOf = (el) => chain(el).reduce((o, e) => o * parseFloat(getComputedStyle(e).opacity), 1);
  const hidden = (el) => {
    if (chain(el).some((e) => {
      const s = getComputedStyle(e);
      return s.display === 'none' || s.visibility === 'hidden' || e.classList.contains('visually-hidden');
    })) return true;
    const r = el.getBoundingClientRect();
    return r.width < 2 || r.height < 2;
  };
  const results = [];
  const underMouse = [...document.querySelectorAll('body :hover')].at(-1) ?? null;
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT', 'STYLE', 'CANVAS', 'OPTION'].includes(el.tagName)) continue;
    // Disabled controls are exempt from WCAG 1.4.3.
    if (el.closest('button:disabled, select:disabled') || hidden(el)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
    const before = getComputedStyle(el, '::before');
    const label = before.content && !['none', 'normal', '""'].includes(before.content) ? before.content : '';
    const shown = el.tagName === 'SELECT' ? el.selectedOptions[0]?.textContent ?? '' : own;
    const bg = backgroundOf(el);
    const opacity = opacityOf(el);
    const check = (style, text) => {
      const c = parse(style.color);
      if (!c) return;
      const fg = over([c[0], c[1], c[2], c[3] * opacity], bg);
      results.push({
        text: text.slice(0, 50),
        ratio: ratio(fg, bg),
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        element: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        // The page section it belongs to (its id), so a caller can tell which sections were measured.
        section: el.closest('section[id]')?.id ?? null,
        // In (or the same as) the innermost element under the mouse: a hovered control's texts.
        hovered: underMouse !== null && underMouse.contains(el),
      });
    };
    if (shown) check(getComputedStyle(el), shown);
    if (label) check(before, label);
  }
  return results;
}

/**
 * The page's width facts: its document scrolls sideways or not, and every visible text outside a
 * scroll box lies inside the viewport horizontally (nothing cut at the edge).
 */
export function horizontalFit() {
  // A test narrows a page by giving its body a width: then the body is the pane to fit.
  const doc = document.body.style.width ? document.body : document.documentElement;
  const width = doc.clientWidth;
  const left = doc === document.body ? doc.getBoundingClientRect().left : 0;
  const cut = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, .scroll-x') || !el.childNodes.length) continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
    if (!text) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < left - 0.5 || r.right > left + width + 0.5) cut.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${text.slice(0, 30)}” ${Math.round(r.left - left)}–${Math.round(r.right - left)}`);
  }
  return { clientWidth: width, scrollWidth: doc.scrollWidth, cut };
}

/** The bounding box of the first element matching `selector`, and the viewport's size (locator.evaluate passes the element first). */
export function boxOf(_element, selector) {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
}

/**
 * Every visible element of `sectionSelector` that shows text of its own (text nodes or a ::before
 * label), as tag.classes with its text: what contrastOfTexts must have measured in that section.
 */
export function textElementsOf(_element, sectionSelector) {
  const section = document.querySelector(sectionSelector);
  if (!section) return null;
  const list = [];
  for (const el of section.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'CANVAS', 'OPTION'].includes(el.tagName)) continue;
    if (el.closest('.visually-hidden, button:disabled, select:disabled')) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join(' ').trim();
    const before = getComputedStyle(el, '::before').content;
    const label = before && !['none', 'normal', '""'].includes(before) ? before : '';
    if (own || label) list.push({ element: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`, text: (own || label).slice(0, 50) });
  }
  return list;
}

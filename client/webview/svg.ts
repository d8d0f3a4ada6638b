// Builds the history's SVG trees (common/report/historySvg.ts) with DOM calls: createElementNS,
// attribute names from that code only (checked here), values and text as text. No markup.
import type { SvgNode } from '../../common/report/historySvg';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ALLOWED_ATTRIBUTE = /^(viewBox|role|aria-labelledby|aria-hidden|class|id|preserveAspectRatio|x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|text-anchor|data-name|transform)$/;
const ALLOWED_TAG = new Set(['svg', 'g', 'line', 'rect', 'path', 'text', 'title', 'desc', 'circle']);

export function svgElement(doc: Document, node: SvgNode): SVGElement {
  if (!ALLOWED_TAG.has(node.tag)) throw new Error(`refusing to make <${node.tag}>`);
  const element = doc.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!ALLOWED_ATTRIBUTE.test(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, typeof value === 'number' ? String(Math.round(value * 10) / 10) : value);
  }
  for (const child of node.children) {
    element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : svgElement(doc, child));
  }
  return element;
}

// escapeMarkdown (common/text/markdown.ts): file text reads as written, with ordinary punctuation
// left alone, and can never become markup. Checked by rendering with markdown-it (CommonMark, GFM
// tables and strikethrough, linkify) with raw HTML on: whatever the escaping let through would
// show up as an element.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../common/text/markdown';
import { hover } from '../../server/src/features/hover';
import { marked } from '../features/state';

const md = new MarkdownIt({ html: true, linkify: true });
// GFM links bare https://, www. and e-mail addresses, not bare domains (markdown-it's fuzzy links).
md.linkify.set({ fuzzyLink: false });

/** The text of rendered HTML, as a reader sees it. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}

/** A document that is the escaped text alone: the text sits at the start of a line. */
const asDocument = (text: string) => md.render(escapeMarkdown(text));

/** What file text may become: a paragraph of text and nothing else. */
function expectPlainParagraph(text: string): void {
  const html = asDocument(text);
  expect(html, html).toMatch(/^(<p>[^<]*<\/p>\n)?$/);
  expect(textOf(html)).toBe(text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').trim());
}

describe('escapeMarkdown leaves ordinary punctuation as written', () => {
  it.each([
    'US–Pakistan relations, 2025',
    "Pakistan's political, constitutional and economic crises",
    'Where will US–Pakistan relations stand at the end of Trump\'s first year back in office?',
    'op-ed, paragraph 2 (and 3): "yes"; no!',
    'R&D at AT&T, 50% of 1/2 = 25%; x + y - z',
    'democracy_push, khan_popular +20.0, trigger −35.9',
    'item #1 {draft} ^ $5 billion',
    'The TTP grows > 10%',
  ])('%j', (text) => {
    expect(escapeMarkdown(text)).toBe(text);
    expectPlainParagraph(text);
  });

  it('what e-mail readers saw before: no backslash in "relations, 2025" or "Trump\'s"', () => {
    expect(escapeMarkdown("US–Pakistan relations, 2025: Trump's term")).not.toContain('\\');
  });
});

describe('escapeMarkdown never lets file text become markup', () => {
  it.each([
    ['emphasis', '*em* _em_ **b** __b__ ~~gone~~ ~s~ snake_case_ _lead'],
    ['code', '`code` and ``more`` and ```fence```'],
    ['a link', '[click me](command:workbench.action.terminal.new)'],
    ['an image', '![img](https://evil.example/x.png)'],
    ['a reference definition', '[ref]: https://evil.example "title"'],
    ['raw HTML', '<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- c --> <b>b</b>'],
    ['an entity', '&lt;b&gt; &#60; &#x41; &amp; &copy;'],
    ['a backslash escape', 'a \\ backslash and \\[ escaped bracket and \\*'],
    ['an autolink in brackets', '<https://evil.example> <mail@evil.com>'],
    ['a bare https:// link', 'see https://evil.example/path now'],
    ['an e-mail autolink', 'write to mail@evil.com or mailto:x@evil.com'],
  ])('%s: %j', (_, text) => {
    expectPlainParagraph(text);
  });

  it('a bare www. address is cut where GFM would link it', () => {
    // markdown-it links www. only with fuzzy links; GFM (cmark-gfm, marked) links `www.` after a
    // space or at the start, and a backslash before the dot stops it.
    expect(escapeMarkdown('see www.evil.example and WWW.Evil.example')).toBe('see www\\.evil.example and WWW\\.Evil.example');
    expect(escapeMarkdown('https://a.example')).toBe('https\\://a.example');
  });

  it.each([
    ['a heading', '# heading'], ['a heading', '###### h6'], ['a block quote', '> quote'],
    ['a list', '- item'], ['a list', '+ item'], ['a list', '* item'], ['a numbered list', '1. item'],
    ['a numbered list', '2025) item'], ['a thematic break', '---'], ['a thematic break', '***'],
    ['an indented code block', '    code'], ['a fenced code block', '```js'], ['a fenced code block', '~~~'],
    ['a table row', '| a | b |'], ['a setext underline', '==='],
  ])('at the start of a line, no %s: %j', (_, text) => {
    expectPlainParagraph(text);
  });

  it('no line break, so no block can start inside the text', () => {
    const html = asDocument('first\n# heading\n- list\r\n> quote\u2028```\nfence\n```');
    expect(html).toMatch(/^<p>[^<]*<\/p>\n$/);
  });

  it('keeps a table cell a cell: a pipe in the text does not split it', () => {
    const row = (cell: string) => `| ${cell} | x |\n| --- | --- |\n| a | b |\n`;
    const html = md.render(row(escapeMarkdown('a | b || c')));
    expect(html.match(/<th>/g)).toHaveLength(2);
    expect(html).toContain('<th>a | b || c</th>');
  });

  it('keeps intraword underscores, which never emphasise', () => {
    expect(escapeMarkdown('democracy_push and a_b_c')).toBe('democracy_push and a_b_c');
    expect(escapeMarkdown('_under_ x_ _y')).toBe('\\_under\\_ x\\_ \\_y');
  });

  it('replaces control and bidirectional characters, and drops spaces at either end', () => {
    expect(escapeMarkdown('x\u202ey\u001bz\u0007')).toBe('x\uFFFDy\uFFFDz\uFFFD');
    expect(escapeMarkdown('   indented  ')).toBe('indented');
  });

  it('leaves any string as plain text (generated from markup characters)', () => {
    const soup = fc.array(
      fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '#', '-', '+', '=', '|', '&', ';', '1', '.',
        ':', '/', 'w', '@', 'a', 'x', ' ', '\\', '~', '\n', 'http', 'com', '&amp;', '&#60;', '    '),
      { maxLength: 40 },
    ).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, (text) => expectPlainParagraph(text)), { numRuns: 2000 });
  });

  it('any Unicode string reads back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
        expectPlainParagraph(clean);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the hover path escapes with the same function', () => {
  it('a hostile label, note and source in a hover become no link, image, code or HTML', () => {
    const { state, cursors } = marked([
      'factor <|>evil "[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `c` _e_" {',
      '  probability 40%',
      '  note "https://evil.example <script>alert(1)</script> mail@evil.com"',
      '  source "![i](https://evil.example/i.png) & &amp; | cell"',
      '}',
      'outcome o { base 10%; evil raises weakly }',
    ].join('\n'));
    const markdown = (hover(state, cursors[0]!)!.contents as { value: string }).value;
    const html = md.render(markdown);
    expect(html).not.toMatch(/<(a|img|script|code)\b/);
    // The one emphasis is the hover's own (the phrase), not the label's `_e_`.
    expect(html.match(/<em>[^<]*<\/em>/g)).toEqual(['<em>unlikely</em>']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textOf(html)).toContain('[click](command:workbench.action.terminal.new)');
    expect(textOf(html)).toContain('& &amp; | cell');
  });
});

// The little of markdown-it (a CommonMark renderer with GFM tables, strikethrough and linkify,
// installed with @vscode/vsce) that the escaping tests use to render what they escape.
declare module 'markdown-it' {
  interface Linkify {
    set(options: { fuzzyLink?: boolean; fuzzyEmail?: boolean; fuzzyIP?: boolean }): Linkify;
  }
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean });
    linkify: Linkify;
    render(src: string): string;
    renderInline(src: string): string;
  }
}

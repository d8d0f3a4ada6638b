// File content as inert Markdown text, for hovers, the CLI's Markdown and the preview's export.
// Every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of them),
// so no emphasis, code, link, image, HTML tag, entity, table cell break or autolink (`https\://`,
// `www\.`) can form; line breaks and tabs become spaces so the text stays on its line.
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

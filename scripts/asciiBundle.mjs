// Makes a bundle ASCII-only. esbuild escapes every non-ASCII character of strings and names, but
// keeps some comments (before class members) as written, and with one `−` or `…` in them Node
// reads the whole 850 KB bundle as a two-byte string: a slower read (UTF-8 decoding) and twice the
// memory. A line that is a comment gets its non-ASCII characters written as \u escapes (text in a
// comment); any other line with one (a regular expression literal: esbuild keeps those as written)
// fails the build, to be written with an escape in the source. bin/codeCache.js then reads the
// CLI's bundle as Latin-1, the fast way, when it is ASCII.
import { readFileSync, writeFileSync } from 'node:fs';

const NON_ASCII = /[^\x00-\x7F]/u;
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*)/;

/** `text` with the non-ASCII characters of its comment lines escaped; throws on any other. */
export function asciiComments(text, name = 'bundle') {
  const lines = text.split('\n');
  const outside = [];
  lines.forEach((line, i) => {
    if (!NON_ASCII.test(line)) return;
    if (!COMMENT_LINE.test(line)) {
      outside.push(`${name}:${i + 1}: ${line.trim().slice(0, 100)}`);
      return;
    }
    lines[i] = line.replace(/[^\x00-\x7F]/gu, (ch) => Array.from({ length: ch.length }, (_, k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''));
  });
  if (outside.length > 0) {
    throw new Error(`non-ASCII characters outside comments (write them as escapes in the source):\n${outside.join('\n')}`);
  }
  return lines.join('\n');
}

/** Rewrites a bundle file in place when it has non-ASCII comment characters. */
export function makeBundleAscii(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = asciiComments(text, file);
  if (ascii !== text) writeFileSync(file, ascii);
}

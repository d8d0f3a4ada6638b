// `syntax`: the parser's errors, already in analyst words, at the place the parser stopped.
import type { Check } from './context';
import { diagnostic } from './context';

export const syntaxCheck: Check = ({ doc }) =>
  doc.errors.map((e) => diagnostic('syntax', e.span, e.message));

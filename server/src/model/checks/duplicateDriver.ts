// `duplicate-driver`: an outcome lists each driver once (one line carries its whole strength).
import type { DriverStatement } from '../../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import { removalSpan } from '../edits';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const duplicateDriverCheck: Check = ({ symbols, text, lineOf }) => {
  const out: Diagnostic[] = [];
  for (const decl of symbols.allVariables) {
    const first = new Map<string, DriverStatement>();
    for (const line of symbols.drivers.get(decl)!) {
      const earlier = first.get(line.name.text);
      if (!earlier) {
        first.set(line.name.text, line);
        continue;
      }
      out.push(diagnostic('duplicate-driver', line.name.span,
        `${q(line.name.text)} already drives ${q(decl.name.text)} on line ${lineOf(earlier.span.start)}: ` +
        'an outcome lists each driver once, so keep one line with the strength you mean ' +
        '(this one is left out of the forecast).', {
          related: [{ span: earlier.name.span, message: `${q(line.name.text)} is first listed here` }],
          fixes: [{ span: removalSpan(text, line.span), newText: '', title: 'Remove this driver line' }],
        }));
    }
  }
  return out;
};

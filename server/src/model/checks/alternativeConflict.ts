// `alternative-conflict`: an alternative says one thing about each name: given or observed once
// (not both), and a new probability or base once. Reported at the second statement, with the
// first in the related information; resolution leaves the second out (alternativeChanges.ts).
import type { Diagnostic } from '../diagnostics';
import { changeConflicts, changeStatements, type ChangeConflict } from '../alternativeChanges';
import { removalSpan } from '../edits';
import type { Check } from './context';
import { diagnostic, q } from './context';

/** How a message says what a `given` or an `observe` did. */
const DONE: Readonly<Record<string, string>> = { 'alt-given': 'given', 'alt-observe': 'observed' };

export const alternativeConflictCheck: Check = ({ symbols, text, lineOf }) => {
  const out: Diagnostic[] = [];
  for (const alt of symbols.alternatives) {
    for (const conflict of changeConflicts(changeStatements(alt))) {
      const { statement, first } = conflict;
      // An unknown name is `alternative-target`'s to report, once per line.
      if (!symbols.variables.has(statement.name.text)) continue;
      const written = q(text.slice(first.span.start, first.span.end).replace(/\s+/g, ' '));
      out.push(diagnostic('alternative-conflict', statement.span,
        conflictMessage(conflict, lineOf(first.span.start), written), {
          related: [{ span: first.span, message: `${q(statement.name.text)} first appears here in this alternative` }],
          fixes: [{ span: removalSpan(text, statement.span), newText: '', title: 'Remove this line' }],
        }));
    }
  }
  return out;
};

function conflictMessage({ statement, first }: ChangeConflict, line: number, written: string): string {
  const name = q(statement.name.text);
  const earlier = DONE[first.kind];
  if (earlier === undefined) {
    return `${name} already gets a new value on line ${line} (${written}): an alternative changes each ` +
      'probability or base once, so keep the one line with the value you mean.';
  }
  if (first.kind !== statement.kind) {
    return `${name} is already ${earlier} on line ${line} (${written}): \`given\` makes it so and \`observe\` ` +
      'sees it as evidence, so an alternative does one or the other; keep one of the two lines.';
  }
  return `${name} is already ${earlier} on line ${line} (${written}): an alternative states each name once, ` +
    'so keep one of the two lines.';
}

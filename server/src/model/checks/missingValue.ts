// `missing-probability` (factor, event) and `missing-base` (outcome): the one statement a
// declaration needs. The fix inserts a neutral one inside the block, indented like its neighbours.
import type { VariableDeclaration } from '../../syntax/ast';
import { declarationRow } from '../../syntax/vocabulary';
import type { Diagnostic, Replacement } from '../diagnostics';
import { indentationAt, lineBreakOf, startsLine } from '../edits';
import type { Check, CheckContext } from './context';
import { diagnostic, q } from './context';

export const missingValueCheck: Check = (ctx) => {
  const out: Diagnostic[] = [];
  for (const decl of ctx.symbols.allVariables) {
    // The statement the vocabulary table marks as required in this kind of block.
    const needed = declarationRow(decl.kind).statements.find((s) => s.required)?.kind;
    if (needed !== 'base' && needed !== 'probability') continue;
    if (decl.statements.some((s) => s.kind === needed)) continue;
    const line = needed === 'base' ? 'base 50%' : 'probability roughly even chance';
    const example = needed === 'base'
      ? `'base 20%' (its chance when no driver holds)`
      : `'probability likely' or 'probability 30%'`;
    out.push(diagnostic(needed === 'base' ? 'missing-base' : 'missing-probability', decl.name.span,
      `The ${decl.kind} ${q(decl.name.text)} has no ${needed}: add a line such as ${example} inside its block.`,
      { fixes: [insertStatement(ctx, decl, line)] }));
  }
  return out;
};

/** An edit that adds `line` as the block's first statement, keeping the block's layout. */
export function insertStatement(ctx: CheckContext, decl: VariableDeclaration, line: string): Replacement {
  const { text } = ctx;
  const title = `Add ${q(line)}`;
  const first = decl.statements[0];
  const open = decl.bodySpan.start + 1;
  const close = decl.bodySpan.end - 1;
  const nl = lineBreakOf(text);
  if (first && startsLine(text, first.span.start)) {
    // One statement per line: a new line above the first, with its indentation.
    const at = first.span.start - indentationAt(text, first.span.start).length;
    return { span: { start: at, end: at }, newText: `${indentationAt(text, first.span.start)}${line}${nl}`, title };
  }
  if (first) {
    // Statements on the line of the brace: put it first, separated by `;`.
    return { span: { start: first.span.start, end: first.span.start }, newText: `${line}; `, title };
  }
  const indent = `${indentationAt(text, decl.span.start)}${ctx.indentUnit}`;
  const inside = text.slice(open, close);
  if (inside.includes('\n')) {
    return { span: { start: open, end: open }, newText: `${nl}${indent}${line}`, title };
  }
  // `{}` or `{ }`: open the block onto its own lines.
  return {
    span: { start: open, end: close },
    newText: `${nl}${indent}${line}${nl}${indentationAt(text, decl.span.start)}`,
    title,
  };
}

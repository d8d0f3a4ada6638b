// `unknown-name` and `duplicate-name`: every name a driver line uses must be declared, and each
// name is declared once across factors, events and outcomes.
import type { Diagnostic } from '../diagnostics';
import { suggestNames } from '../editDistance';
import { declaredKinds, isDeclared } from '../symbols';
import type { Check } from './context';
import { diagnostic, q } from './context';

/** Name comparisons allowed for did-you-mean in one document (well under a second at worst). */
const SUGGESTION_BUDGET = 500_000;

export const unknownNameCheck: Check = ({ symbols }) => {
  const out: Diagnostic[] = [];
  // An import that cannot be read may declare any name: its own diagnostic is the one to fix.
  if (symbols.importFailed) return out;
  // Listed when a name is unknown (a long chain of imports binds many names a clean file never lists).
  let list: string[] | undefined;
  const declaredNames = (): string[] => (list ??= declaredKinds(symbols).map((d) => d.name));
  // A misspelling tends to repeat: work out its suggestions once. In a pathological file (thousands
  // of distinct unknown names against thousands of declared ones) stop suggesting past a budget.
  const suggestions = new Map<string, string[]>();
  let comparisonsLeft = SUGGESTION_BUDGET;
  for (const decl of symbols.allVariables) {
    for (const line of symbols.drivers.get(decl)!) {
      const name = line.name.text;
      if (isDeclared(symbols, name) || symbols.brokenNames.has(name)) continue;
      let near = suggestions.get(name);
      if (!near) {
        const declared = declaredNames();
        near = comparisonsLeft >= declared.length ? suggestNames(name, declared, 4) : [];
        comparisonsLeft -= declared.length;
        suggestions.set(name, near);
      }
      // An outcome cannot drive itself, so it is never its own suggestion.
      const candidates = near.filter((n) => n !== decl.name.text).slice(0, 3);
      const hint = candidates.length > 0
        ? `Did you mean ${candidates.map(q).join(' or ')}?`
        : `Declare it (for example: factor ${name} { probability likely }) or correct the spelling.`;
      out.push(diagnostic('unknown-name', line.name.span,
        `Unknown name ${q(name)}: no factor, event or outcome has this name. ${hint}`, {
          candidates,
          fixes: candidates.map((c) => ({ span: line.name.span, newText: c, title: `Change to ${q(c)}` })),
        }));
    }
  }
  return out;
};

export const duplicateNameCheck: Check = ({ symbols, lineOf }) =>
  symbols.duplicates.map((decl) => {
    const first = symbols.variables.get(decl.name.text)!;
    return diagnostic('duplicate-name', decl.name.span,
      `${q(decl.name.text)} is already declared (${first.kind} on line ${lineOf(first.name.span.start)}): ` +
      'names must be unique across factors, events and outcomes, so rename one of them.', {
        related: [{ span: first.name.span, message: `${q(decl.name.text)} is first declared here` }],
      });
  });

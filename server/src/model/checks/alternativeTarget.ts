// `alternative-target`: an alternative changes declared variables only, each the way its kind
// allows: `NAME P` for a factor or event, `NAME base P` for an outcome, `given [not] NAME` and
// `observe [not] NAME` for any (the vocabulary's target parts say which).
import { targetKinds } from '../../syntax/vocabulary';
import { changeStatements, type ChangeStatement } from '../alternativeChanges';
import type { Diagnostic } from '../diagnostics';
import { suggestNames } from '../editDistance';
import { declaredKinds, isDeclared, kindOf, type SymbolTable } from '../symbols';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const alternativeTargetCheck: Check = ({ symbols, text }) => {
  const out: Diagnostic[] = [];
  for (const alt of symbols.alternatives) {
    for (const s of changeStatements(alt)) {
      const name = s.name.text;
      if (!isDeclared(symbols, name) && (symbols.brokenNames.has(name) || symbols.importFailed)) continue;
      const kind = kindOf(symbols, name);
      if (!kind) out.push(unknownTarget(s, symbols));
      else if (s.kind === 'alt-set' && kind === 'outcome') {
        const valueText = text.slice(s.value.span.start, s.value.span.end);
        const withBase = `${name} base ${valueText}`;
        const given = `given ${name}`;
        out.push(diagnostic('alternative-target', s.name.span,
          `${q(name)} is an outcome, so an alternative cannot give it a probability: ` +
          `change its base with ${q(withBase)}, or fix it as true with ${q(given)}.`, {
            fixes: [
              { span: s.span, newText: withBase, title: `Change to ${q(withBase)}` },
              { span: s.span, newText: given, title: `Change to ${q(given)}` },
            ],
          }));
      } else if (s.kind === 'alt-base' && kind !== 'outcome') {
        const valueText = text.slice(s.value.span.start, s.value.span.end);
        const plain = `${name} ${valueText}`;
        out.push(diagnostic('alternative-target', s.name.span,
          `${q(name)} is a ${kind}, which has a probability, not a base: write ${q(plain)}.`, {
            fixes: [{ span: s.span, newText: plain, title: `Change to ${q(plain)}` }],
          }));
      }
    }
  }
  return out;
};

function unknownTarget(s: ChangeStatement, symbols: SymbolTable): Diagnostic {
  // Suggest only names of the kind the statement can change.
  const fits = targetKinds(s.kind) ?? [];
  const declared = declaredKinds(symbols).filter((d) => fits.includes(d.kind)).map((d) => d.name);
  const candidates = suggestNames(s.name.text, declared);
  const hint = candidates.length > 0
    ? `Did you mean ${candidates.map(q).join(' or ')}?`
    : 'An alternative can only change factors, events and outcomes declared in this file or the files it imports.';
  return diagnostic('alternative-target', s.name.span,
    `Unknown name ${q(s.name.text)} in this alternative: no factor, event or outcome has this name. ${hint}`, {
      candidates,
      fixes: candidates.map((c) => ({ span: s.name.span, newText: c, title: `Change to ${q(c)}` })),
    });
}

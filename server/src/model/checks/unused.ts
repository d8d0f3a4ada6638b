// `unused` (hint, shown faded): a factor or event that no driver line names changes no forecast.
//
// Decision: an alternative that sets or fixes such a variable does not make it used, because no
// outcome depends on it, so the alternative changes nothing either; the hint says so. The quick
// fix that removes the declaration is offered only when no alternative names the variable, since
// removing it would then turn those lines into errors. A name that appears in a stretch that
// failed to parse may be a driver there, so it is not reported until that stretch parses.
import type { Diagnostic } from '../diagnostics';
import { namesIn } from '../../../../common/names';
import { removalSpan } from '../edits';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const unusedCheck: Check = ({ doc, symbols, text }) => {
  let skippedWords: Set<string> | undefined;
  const inAlternatives = new Set<string>();
  for (const alt of symbols.alternatives) {
    for (const s of alt.statements) if ('name' in s) inAlternatives.add(s.name.text);
  }
  const out: Diagnostic[] = [];
  for (const [name, decl] of symbols.variables) {
    if (decl.kind === 'outcome' || symbols.drivingNames.has(name)) continue;
    skippedWords ??= wordsIn(doc.errors.map((e) => text.slice(e.skipped.start, e.skipped.end)));
    if (skippedWords.has(name)) continue;
    const alternative = inAlternatives.has(name);
    const message = `The ${decl.kind} ${q(name)} drives no outcome, so it changes no forecast` +
      (alternative ? ' (nor do the alternatives that change it)' : '') +
      `: add a driver line such as '${name} raises moderately' to an outcome, or remove it.`;
    out.push(diagnostic('unused', decl.name.span, message, {
      unnecessary: true,
      fixes: alternative ? [] : [{ span: removalSpan(text, decl.span), newText: '', title: `Remove the ${decl.kind} ${q(name)}` }],
    }));
  }
  return out;
};

/** Every name-like word in these stretches of text. */
function wordsIn(stretches: string[]): Set<string> {
  const words = new Set<string>();
  for (const t of stretches) for (const name of namesIn(t)) words.add(name);
  return words;
}

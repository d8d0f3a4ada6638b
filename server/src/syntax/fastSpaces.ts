// ohm skips the grammar's `spaces` before every token of a syntactic rule, and does it by applying
// the rule: a memo lookup (or an evaluation of its body, a dozen expressions for a run that ends at
// the first letter) wrapped in failure bookkeeping, several times at each token boundary. In a cold
// process that is about a third of parsing a file. For our grammar only, this does the same skip
// with a loop over the characters, when nothing but the position can come of it: on the first,
// plain run of a match. A failed match is run a second time by ohm to record what was expected
// where (MatchState.recordedFailures set), and that run, like a trace, applies the rule as written.
//
// Same result by construction: the loop reads what `spaces` in grammar/scenario.ohm reads,
//   spaces := (~("!".."\u{9F}") (" " | "\n" | "\t" | "\r" | "\u{A0}" | "\u{FEFF}") | ~(~"/") comment)*
//   comment = "//" ("\u{E}".."\u{FFFF}" | "\u{0}".."\t" | "\u{B}".."\u{C}")*
// stops where it stops, and marks as examined what it examines (the character that ends the run, and
// the one after a lone "/"), so the memo entries of the rules around it, which incremental parsing
// invalidates by their examined lengths, are what they would be. Failures inside `spaces` never
// count on a plain run (skipSpaces restores the rightmost failure position). The fast path is not
// installed when the rule reads differently: tests/syntax/grammarLoad.test.ts asserts it is, and
// compares the parses, failures and memo tables with ohm's own.
import * as ohm from 'ohm-js';

/** The bodies this loop implements, as ohm prints them (`rule.body.toString()`). */
export const SPACES_BODY = '((~"!".."\u009f" (" " | "\\n" | "\\t" | "\\r" | "\u00a0" | "\ufeff")) | (~~"/" comment))*';
export const COMMENT_BODY = '("//" ("\\u000e".."\uffff" | "\\u0000".."\\t" | "\\u000b".."\\f")*)';

/** The parts of ohm's InputStream and MatchState (not in its typings) that the parser's shortcuts read. */
export interface InputStream {
  source: string;
  pos: number;
  examinedLength: number;
}
export interface MatchState {
  grammar: ohm.Grammar;
  inputStream: InputStream;
  recordedFailures?: object;
  trace?: unknown[];
  skipSpaces(): number;
}

/** The end of the run of spaces and comments that starts at `pos`. */
export function endOfSpaces(source: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = source.charCodeAt(p);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0xfeff) {
      p++;
    } else if (c === 0x2f && source.charCodeAt(p + 1) === 0x2f) {
      p += 2;
      for (let d = source.charCodeAt(p); d === d && d !== 0x0a && d !== 0x0d; d = source.charCodeAt(++p));
    } else {
      return p;
    }
  }
}

const fastGrammars = new WeakSet<ohm.Grammar>();

/** Whether `grammar` skips its spaces with the loop (its rules read as the loop does). */
export function hasFastSpaces(grammar: ohm.Grammar): boolean {
  return fastGrammars.has(grammar);
}

type Installer = (prototype: MatchState, skipSpaces: () => number) => void;
const installers: Installer[] = [];
let matchState: { prototype: MatchState; skipSpaces: () => number } | null = null;

/**
 * Calls `install` with ohm's MatchState class (which ohm does not export), and ohm's own
 * skipSpaces, when the first match of any grammar starts (at once if one has): its start
 * expression is a sequence (the start rule, then the end), evaluated with the state before
 * anything else is. No match of its own: that cost a start 2-3 ms.
 */
export function onFirstMatch(install: Installer): void {
  if (matchState) return install(matchState.prototype, matchState.skipSpaces);
  installers.push(install);
  if (installers.length > 1) return;
  const seq = ohm.pexprs.Seq.prototype as unknown as { eval(state: MatchState): boolean };
  const evalSeq = seq.eval;
  seq.eval = function seeState(state) {
    seq.eval = evalSeq;
    const prototype = Object.getPrototypeOf(state) as MatchState;
    matchState = { prototype, skipSpaces: prototype.skipSpaces };
    for (const each of installers) each(prototype, matchState.skipSpaces);
    return evalSeq.call(this, state);
  };
}

let installed = false;

/**
 * Lets `grammar` skip its spaces with the loop, when its `spaces` and `comment` rules are the ones
 * the loop implements; otherwise it keeps ohm's way.
 */
export function installFastSpaces(grammar: ohm.Grammar): void {
  const { spaces, comment } = grammar.rules;
  if (spaces?.body.toString() !== SPACES_BODY || comment?.body.toString() !== COMMENT_BODY) return;
  fastGrammars.add(grammar);
  if (installed) return;
  installed = true;
  onFirstMatch((prototype, skipSpaces) => {
    prototype.skipSpaces = function skipSpacesFast(this: MatchState) {
      if (this.recordedFailures !== undefined || this.trace !== undefined || !fastGrammars.has(this.grammar)) {
        return skipSpaces.call(this);
      }
      const input = this.inputStream;
      const end = endOfSpaces(input.source, input.pos);
      // What `spaces` examined: the character that ended it, and after a lone "/" the next one.
      const examined = end + (input.source.charCodeAt(end) === 0x2f ? 2 : 1);
      if (examined > input.examinedLength) input.examinedLength = examined;
      input.pos = end;
      return end;
    };
  });
}

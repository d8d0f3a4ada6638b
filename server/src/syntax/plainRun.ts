// ohm evaluates every expression of a match through MatchState.eval, which on each call checks for
// a trace and for recorded failures and asks whether to skip spaces through four small methods; an
// application enters and leaves through a dozen more; a terminal or a character range reads the
// input one character string at a time. In a cold process all of that runs in V8's interpreter,
// where each call and each check is paid for: about a quarter of parsing a file. On a plain run
// (no trace, no recorded failures: a match that succeeds, or ohm's first run of one that fails),
// for the grammars given here, this does the same steps with the checks made once:
// - MatchState.eval: skip spaces before a token of a syntactic rule, evaluate, on failure restore
//   the position, bindings and user data, skip spaces after applySyntactic's body;
// - Apply (without parameters): its memo entry, or its body evaluated and memoised, with the
//   stacks, examined length and rightmost failure position ohm keeps (left recursion: ohm's steps);
// - Iter of one binding, Terminal, and Range within 16 bits: the same position, examined length,
//   failure position and nodes as ohm's, with the characters compared by code.
// Any other run, and any other grammar, is ohm's own. tests/syntax/plainRun.test.ts compares the
// trees, failures, memo tables, traces and errors with ohm's: the scenario grammar on the samples
// and on mutated declarations, and a grammar with left recursion, parameters and lexified parts.
import * as ohm from 'ohm-js';
import { type MatchState, onFirstMatch } from './fastSpaces';

interface Expression {
  allowsSkippingPrecedingSpace(): boolean;
  eval(state: State): boolean;
  isSyntactic(): boolean;
}
interface State extends MatchState {
  /** Whether this match takes the plain run: known at its first evaluation, and fixed from there. */
  plainRun?: boolean;
  userData: unknown;
  rightmostFailurePosition: number;
  startExpr: { factors: Expression[] };
  doNotMemoize: boolean;
  _rightmostFailurePositionStack: number[];
  getCurrentPosInfo(): PosInfo;
  _getRightmostFailureOffset(): number;
  _bindings: unknown[];
  _bindingOffsets: number[];
  _applicationStack: Expression[];
  _posStack: number[];
  inLexifiedContextStack: boolean[];
  eval(expr: Expression): boolean;
  pushFailuresInfo(): void;
  popBinding(): void;
  popFailuresInfo(): void;
}
interface TerminalExpr extends Expression { obj: string }
interface MemoRecord {
  matchLength: number;
  examinedLength: number;
  value: unknown;
  failuresAtRightmostPosition?: unknown;
  rightmostFailureOffset: number;
  isLeftRecursion?: boolean;
  headApplication?: ApplyExpr;
  isInvolved?(key: string): boolean;
}
interface PosInfo {
  applicationMemoKeyStack: string[];
  memo: Record<string, MemoRecord | undefined>;
  currentLeftRecursion?: MemoRecord;
  memoize(key: string, record: MemoRecord): MemoRecord;
  endLeftRecursion(): void;
}
interface ApplyExpr extends Expression {
  ruleName: string;
  args: unknown[];
  toMemoKey(): string;
  growSeedResult(body: Expression, state: State, origPos: number, record: MemoRecord, value: unknown): unknown;
}
interface Arity { getArity(): number; plainArity?: number }
interface IterExpr extends Expression { expr: Expression & Arity; minNumMatches: number; maxNumMatches: number; optional?: boolean }
type NodeClass = new (...args: any[]) => { matchLength: number };
interface RangeExpr extends Expression { from: string; to: string; matchCodePoint: boolean; low?: number; high?: number }

const plainGrammars = new WeakSet<ohm.Grammar>();

/** Whether matches of `grammar` take the shortened plain run. */
export function hasPlainRun(grammar: ohm.Grammar): boolean {
  return plainGrammars.has(grammar);
}

// A match records failures, or traces, from its start to its end (MatchState's constructor and
// getTrace set them before the first evaluation): what its first evaluation finds holds throughout.
const isPlain = (state: State) =>
  (state.plainRun ??= state.recordedFailures === undefined && state.trace === undefined && plainGrammars.has(state.grammar));

let installed = false;

/** ohm's node classes (which ohm does not export), read off the first nodes a match makes. */
const nodes: { terminal: NodeClass | null; nonterminal: NodeClass | null; iteration: NodeClass | null } = {
  terminal: null, nonterminal: null, iteration: null,
};
const learn = (state: State, matched: boolean, kind: keyof typeof nodes) => {
  if (matched && nodes[kind] === null) nodes[kind] = (state._bindings[state._bindings.length - 1] as object).constructor as NodeClass;
  return matched;
};

/** An expression's arity (how many bindings it leaves), which never changes: asked once. */
const arityOf = (expr: Arity) => (expr.plainArity ??= expr.getArity());

/** MatchState.pushBinding: the node, and its offset from the current application's start. */
const bind = (state: State, node: unknown, at: number) => {
  state._bindings.push(node);
  state._bindingOffsets.push(at - state._posStack[state._posStack.length - 1]!);
};

/** Lets matches of `grammar` take the plain run (call it only for a grammar whose spaces the loop skips). */
export function installPlainRun(grammar: ohm.Grammar): void {
  plainGrammars.add(grammar);
  if (installed) return;
  const syntacticBody = (grammar.rules as Record<string, { body: unknown } | undefined>)['applySyntactic']?.body;
  if (syntacticBody === undefined) return;
  installed = true;
  const pexprs = ohm.pexprs as unknown as Record<string, { prototype: Expression }>;
  installTerminal(pexprs['Terminal']!.prototype as TerminalExpr);
  installRange(pexprs['Range']!.prototype as RangeExpr);
  installApply(pexprs['Apply']!.prototype as ApplyExpr);
  installIter(pexprs['Iter']!.prototype as IterExpr, pexprs['Opt']!.prototype);
  onFirstMatch((matchState, skipSpaces) => {
    const applySpaces = spacesApplicationOf(skipSpaces);
    if (applySpaces !== null) installEval(matchState as unknown as State, applySpaces, syntacticBody);
  });
}

function installEval(prototype: State, applySpaces: Expression, syntacticBody: unknown): void {
  const evalFull = prototype.eval;
  prototype.eval = function evalPlain(this: State, expr: Expression) {
    if (!isPlain(this)) return evalFull.call(this, expr);
    const input = this.inputStream;
    const bindings = this._bindings;
    const origNumBindings = bindings.length;
    const origUserData = this.userData;
    const origPos = input.pos;
    // maybeSkipSpacesBefore: before a token, in a syntactic rule outside a lexified part.
    if (expr !== applySpaces && expr.allowsSkippingPrecedingSpace()) {
      const stack = this._applicationStack;
      const app = stack[stack.length - 1];
      const lexified = this.inLexifiedContextStack;
      if (app ? app.isSyntactic() && !lexified[lexified.length - 1] : this.startExpr.factors[0]!.isSyntactic()) this.skipSpaces();
    }
    const ans = expr.eval(this);
    if (!ans) {
      input.pos = origPos;
      const offsets = this._bindingOffsets;
      while (bindings.length > origNumBindings) {
        bindings.pop();
        offsets.pop();
      }
      this.userData = origUserData;
    }
    if (expr === syntacticBody) this.skipSpaces();
    return ans;
  };
}

function installTerminal(terminal: TerminalExpr): void {
  const full = terminal.eval;
  terminal.eval = function evalTerminal(this: TerminalExpr, state: State) {
    if (nodes.terminal === null || !isPlain(state)) return learn(state, full.call(this, state), 'terminal');
    const input = state.inputStream;
    const source = input.source;
    const pos = input.pos;
    const s = this.obj;
    const n = s.length;
    let k = 0;
    while (k < n && source.charCodeAt(pos + k) === s.charCodeAt(k)) k++;
    if (k < n) {
      // matchString read up to and including the first character that differs.
      input.pos = pos + k + 1;
      if (input.pos > input.examinedLength) input.examinedLength = input.pos;
      if (pos > state.rightmostFailurePosition) state.rightmostFailurePosition = pos;
      return false;
    }
    input.pos = pos + n;
    if (n > 0 && input.pos > input.examinedLength) input.examinedLength = input.pos;
    bind(state, new nodes.terminal(n), pos);
    return true;
  };
}

function installRange(range: RangeExpr): void {
  const full = range.eval;
  range.eval = function evalRange(this: RangeExpr, state: State) {
    if (nodes.terminal === null || this.matchCodePoint || !isPlain(state)) return learn(state, full.call(this, state), 'terminal');
    const input = state.inputStream;
    const pos = input.pos;
    const c = input.source.charCodeAt(pos); // NaN past the end, which no range holds
    input.pos = pos + 1;
    if (input.pos > input.examinedLength) input.examinedLength = input.pos;
    const low = (this.low ??= this.from.codePointAt(0)!);
    const high = (this.high ??= this.to.codePointAt(0)!);
    if (low <= c && c <= high) {
      bind(state, new nodes.terminal(1), pos);
      return true;
    }
    if (pos > state.rightmostFailurePosition) state.rightmostFailurePosition = pos;
    return false;
  };
}

/**
 * Apply.eval with reallyEval and evalOnce, for an application without parameters: its memo entry
 * at this position if it has one (useMemoizedResult), or its rule's body evaluated and memoised.
 * Left recursion takes ohm's steps, as written there.
 */
function installApply(apply: ApplyExpr): void {
  const full = apply.eval;
  apply.eval = function evalApply(this: ApplyExpr, state: State) {
    if (nodes.nonterminal === null || this.args.length !== 0 || !isPlain(state)) return learn(state, full.call(this, state), 'nonterminal');
    const input = state.inputStream;
    const pos = input.pos;
    const posInfo = state.getCurrentPosInfo();
    const key = this.toMemoKey();
    const keys = posInfo.applicationMemoKeyStack;
    const record = posInfo.memo[key];
    // Active here already (left recursion), or a record of one: ohm's way, from the start.
    if (keys.indexOf(key) >= 0 || record?.isLeftRecursion) return full.call(this, state);
    if (record) {
      const failure = pos + record.rightmostFailureOffset;
      if (failure > state.rightmostFailurePosition) state.rightmostFailurePosition = failure;
      const examined = record.examinedLength + pos;
      if (examined > input.examinedLength) input.examinedLength = examined;
      if (!record.value) return false;
      input.pos = pos + record.matchLength;
      bind(state, record.value, pos);
      return true;
    }
    const rule = (state.grammar.rules as unknown as Record<string, { body: Expression & Arity; description?: string }>)[this.ruleName]!;
    const body = rule.body;
    const described = Boolean(rule.description);
    // enterApplication
    const failures = state._rightmostFailurePositionStack;
    state._posStack.push(pos);
    state._applicationStack.push(this);
    state.inLexifiedContextStack.push(false);
    keys.push(key);
    failures.push(state.rightmostFailurePosition);
    state.rightmostFailurePosition = -1;
    if (described) state.pushFailuresInfo();
    const origExamined = input.examinedLength;
    input.examinedLength = 0;
    // evalOnce
    let value: unknown = false;
    if (state.eval(body)) {
      const arity = arityOf(body);
      const bindings = state._bindings;
      const offsets = state._bindingOffsets;
      value = new nodes.nonterminal(this.ruleName, bindings.splice(bindings.length - arity, arity), offsets.splice(offsets.length - arity, arity), input.pos - pos);
    }
    const currentLR = posInfo.currentLeftRecursion;
    let memoRec: MemoRecord | undefined;
    if (state.doNotMemoize) {
      state.doNotMemoize = false;
    } else if (currentLR && currentLR.headApplication!.toMemoKey() === key) {
      value = this.growSeedResult(body, state, pos, currentLR, value);
      posInfo.endLeftRecursion();
      memoRec = currentLR;
      memoRec.examinedLength = input.examinedLength - pos;
      memoRec.rightmostFailureOffset = state._getRightmostFailureOffset();
      posInfo.memoize(key, memoRec);
    } else if (!currentLR || !currentLR.isInvolved!(key)) {
      memoRec = posInfo.memoize(key, {
        matchLength: input.pos - pos,
        examinedLength: input.examinedLength - pos,
        value,
        failuresAtRightmostPosition: undefined,
        rightmostFailureOffset: state._getRightmostFailureOffset(),
      });
    }
    const succeeded = Boolean(value);
    if (described) {
      state.popFailuresInfo();
      if (!succeeded && pos > state.rightmostFailurePosition) state.rightmostFailurePosition = pos;
      if (memoRec) {
        memoRec.failuresAtRightmostPosition = undefined;
        memoRec.rightmostFailureOffset = state._getRightmostFailureOffset();
      }
    }
    if (origExamined > input.examinedLength) input.examinedLength = origExamined;
    // exitApplication
    const start = state._posStack.pop()!;
    state._applicationStack.pop();
    state.inLexifiedContextStack.pop();
    keys.pop();
    const outer = failures.pop()!;
    if (outer > state.rightmostFailurePosition) state.rightmostFailurePosition = outer;
    if (value) bind(state, value, start);
    return succeeded;
  };
}

/** Iter.eval (*, + and ?) for an expression of one binding, the most common. */
function installIter(iter: IterExpr, opt: object): void {
  const full = iter.eval;
  iter.eval = function evalIter(this: IterExpr, state: State) {
    if (nodes.iteration === null || arityOf(this.expr) !== 1 || !isPlain(state)) return learn(state, full.call(this, state), 'iteration');
    const input = state.inputStream;
    const origPos = input.pos;
    const bindings = state._bindings;
    const offsets = state._bindingOffsets;
    const column: unknown[] = [];
    const columnOffsets: number[] = [];
    let prevPos = origPos;
    while (column.length < this.maxNumMatches && state.eval(this.expr)) {
      // An iteration of what matched nothing: ohm's loop throws its error for it, from the start.
      if (input.pos === prevPos) {
        bindings.pop();
        offsets.pop();
        input.pos = origPos;
        return full.call(this, state);
      }
      prevPos = input.pos;
      column.push(bindings.pop());
      columnOffsets.push(offsets.pop()!);
    }
    if (column.length < this.minNumMatches) return false;
    let offset = origPos - state._posStack[state._posStack.length - 1]!;
    let matchLength = 0;
    if (column.length > 0) {
      const last = column[column.length - 1] as { matchLength: number };
      offset = columnOffsets[0]!;
      matchLength = columnOffsets[columnOffsets.length - 1]! + last.matchLength - offset;
    }
    bindings.push(new nodes.iteration(column, columnOffsets, matchLength, (this.optional ??= opt.isPrototypeOf(this))));
    offsets.push(offset);
    return true;
  };
}

/** ohm's own application of `spaces` (the one skipSpaces evaluates), read by running ohm's skipSpaces on a stand-in. */
function spacesApplicationOf(skipSpaces: () => number): Expression | null {
  let seen: Expression | null = null;
  const standIn = {
    inputStream: { pos: 0 },
    pushFailuresInfo() {},
    popBinding() {},
    popFailuresInfo() {},
    eval(expr: Expression) {
      seen = expr;
      return true;
    },
  };
  skipSpaces.call(standIn);
  return seen;
}

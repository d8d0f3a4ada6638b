// Turns a matched declaration into the syntax tree of ast.ts by walking ohm's concrete syntax
// tree directly. Spans are relative to the matched text (parse.ts shifts them into the document).
// Why not an ohm semantics: its wrapper objects and action dispatch were about a fifth of a cold
// parse; this walk reads the same nodes and offsets (the way ohm's own v18 layer, ohm-js/v18
// getCstRoot, does on the v17 engine). Tokens are read from their source text.
import type * as ohm from 'ohm-js';
import type {
  DateLit, Declaration, MultiplierStrength, Name, PointProbability, ProbabilityExpr, Span, Statement,
  Strength, StringLit, StrengthWord,
} from './ast';
import { phraseRow } from './vocabulary';

/**
 * ohm 17's CST nodes (not in its typings). A nonterminal's childOffsets are relative to its own
 * start; an iteration's are relative to the start of the closest enclosing nonterminal.
 */
interface CstNode {
  readonly matchLength: number;
  readonly ruleName?: string;
  readonly children?: readonly CstNode[];
  readonly childOffsets?: readonly number[];
}
interface Nonterminal extends CstNode {
  readonly ruleName: string;
  readonly children: readonly CstNode[];
  readonly childOffsets: readonly number[];
}
interface MatchInternals {
  readonly _cst: Nonterminal;
  readonly _cstOffset: number;
}

/** A nonterminal with its absolute start in the matched text. */
interface At {
  readonly node: Nonterminal;
  readonly start: number;
}

/** A string literal's value: `\"` and `\\` resolved, any other backslash kept as written. */
export function unescapeString(raw: string): string {
  const inner = raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw.slice(1);
  return inner.indexOf('\\') < 0 ? inner : inner.replace(/\\(["\\])/g, '$1');
}

class Walker {
  constructor(private readonly text: string) {}

  /** Child i of a nonterminal (itself a nonterminal). */
  child(at: At, i: number): At {
    return { node: at.node.children[i] as Nonterminal, start: at.start + at.node.childOffsets[i]! };
  }

  /** The element of the optional child i of a nonterminal (`x?`), or null when absent. */
  optional(at: At, i: number): At | null {
    const iter = at.node.children[i]!;
    if (!iter.children || iter.children.length === 0) return null;
    return { node: iter.children[0] as Nonterminal, start: at.start + iter.childOffsets![0]! };
  }

  span(at: At): Span {
    return { start: at.start, end: at.start + at.node.matchLength };
  }

  source(at: At): string {
    return this.text.slice(at.start, at.start + at.node.matchLength);
  }

  name(at: At): Name {
    return { text: this.source(at), span: this.span(at) };
  }

  string(at: At): StringLit {
    return { value: unescapeString(this.source(at)), span: this.span(at) };
  }

  declaration(at: At): Declaration {
    const rule = at.node.ruleName;
    const keywordSpan = this.span(this.child(at, 0));
    if (rule === 'ImportDecl') {
      return { kind: 'import', path: this.string(this.child(at, 1)), span: this.span(at), keywordSpan, statements: [] };
    }
    if (rule === 'ScenarioDecl' || rule === 'AlternativeDecl') {
      const body = this.child(at, 2);
      return {
        kind: rule === 'ScenarioDecl' ? 'scenario' : 'alternative',
        title: this.string(this.child(at, 1)),
        span: this.span(at),
        keywordSpan,
        bodySpan: this.span(body),
        statements: this.statements(body),
      };
    }
    const label = this.optional(at, 2);
    const body = this.child(at, 3);
    return {
      kind: rule === 'FactorDecl' ? 'factor' : rule === 'EventDecl' ? 'event' : 'outcome',
      name: this.name(this.child(at, 1)),
      label: label ? this.string(label) : null,
      span: this.span(at),
      keywordSpan,
      bodySpan: this.span(body),
      statements: this.statements(body),
    };
  }

  /** The statements of a body `"{" (Stmt | ";")* "}"`; the `;` separators are terminals. */
  statements(body: At): Statement[] {
    const items = body.node.children[1]!;
    const statements: Statement[] = [];
    for (let i = 0; i < items.children!.length; i++) {
      const item = items.children![i]!;
      if (item.ruleName === undefined) continue; // a `;` separator
      statements.push(this.statement({ node: item as Nonterminal, start: body.start + items.childOffsets![i]! }));
    }
    return statements;
  }

  statement(at: At): Statement {
    const span = this.span(at);
    const first = this.child(at, 0);
    const keywordSpan = this.span(first);
    switch (at.node.ruleName) {
      case 'QuestionStmt':
        return { kind: 'question', text: this.string(this.child(at, 1)), span, keywordSpan };
      case 'NoteStmt':
        return { kind: 'note', text: this.string(this.child(at, 1)), span, keywordSpan };
      case 'SourceStmt':
        return { kind: 'source', text: this.string(this.child(at, 1)), span, keywordSpan };
      case 'ProbabilityStmt':
        return { kind: 'probability', value: this.probability(this.child(at, 1)), span, keywordSpan };
      case 'BaseStmt':
        return { kind: 'base', value: this.probability(this.child(at, 1)), span, keywordSpan };
      case 'JudgedStmt':
        return { kind: 'judged', value: this.probability(this.child(at, 1)), span, keywordSpan };
      case 'SamplesStmt':
      case 'SeedStmt': {
        const value = this.child(at, 1);
        const text = this.source(value);
        return {
          kind: at.node.ruleName === 'SamplesStmt' ? 'samples' : 'seed',
          value: Number(text.replace(/[,_]/g, '')),
          text,
          valueSpan: this.span(value),
          span,
          keywordSpan,
        };
      }
      case 'HorizonStmt':
        return { kind: 'horizon', from: this.date(this.child(at, 1)), to: this.date(this.child(at, 3)), span, keywordSpan };
      case 'DriverStmt': {
        const direction = this.child(at, 1);
        return {
          kind: 'driver',
          name: this.name(first),
          direction: this.source(direction) as 'raises' | 'lowers',
          directionSpan: this.span(direction),
          strength: this.strength(this.child(at, 2)),
          span,
          keywordSpan,
        };
      }
      case 'GivenStmt':
        return { kind: 'alt-given', name: this.name(this.child(at, 2)), negated: this.optional(at, 1) !== null, span, keywordSpan };
      case 'ObserveStmt':
        return { kind: 'alt-observe', name: this.name(this.child(at, 2)), negated: this.optional(at, 1) !== null, span, keywordSpan };
      case 'ResolvedStmt': {
        const value = this.child(at, 1);
        return {
          kind: 'resolved', value: this.source(value).startsWith('y'), valueSpan: this.span(value),
          date: this.date(this.child(at, 3)), span, keywordSpan,
        };
      }
      case 'AltBaseStmt':
        return { kind: 'alt-base', name: this.name(first), value: this.probability(this.child(at, 2)), span, keywordSpan };
      case 'AltSetStmt':
        return { kind: 'alt-set', name: this.name(first), value: this.probability(this.child(at, 1)), span, keywordSpan };
      default:
        throw new Error(`unexpected statement rule ${at.node.ruleName}`);
    }
  }

  /** `probability = probabilityRange | probabilityPoint | phrase | hedge`. */
  probability(at: At): ProbabilityExpr {
    const expr = this.child(at, 0);
    switch (expr.node.ruleName) {
      case 'probabilityRange':
        return {
          kind: 'range',
          low: this.point(this.child(expr, 0)),
          high: this.point(this.child(expr, 2)),
          text: this.source(expr),
          span: this.span(expr),
        };
      case 'probabilityPoint':
        return this.point(this.child(expr, 0));
      case 'phrase': {
        const text = this.source(expr);
        return { kind: 'phrase', phrase: phraseRow(text)?.phrase ?? text, text, span: this.span(expr) };
      }
      default:
        return { kind: 'hedge', text: this.source(expr), span: this.span(expr) };
    }
  }

  /** `point = number percent?`. */
  point(at: At): PointProbability {
    const percent = this.optional(at, 1) !== null;
    const n = Number(this.source(this.child(at, 0)));
    return { kind: 'point', value: percent ? n / 100 : n, unit: percent ? '%' : 'decimal', text: this.source(at), span: this.span(at) };
  }

  /** `strength = strengthWord | multiplier`. */
  strength(at: At): Strength {
    const expr = this.child(at, 0);
    const text = this.source(expr);
    if (expr.node.ruleName === 'strengthWord') return { kind: 'word', word: text as StrengthWord, text, span: this.span(expr) };
    return this.multiplier(expr, text);
  }

  /**
   * `multiplier = times space* number (rangeSep times? space* number)?`: children times, the
   * spaces, the low number, then one optional per part of the range (the high number is the 7th).
   */
  multiplier(at: At, text: string): MultiplierStrength {
    const low = Number(this.source(this.child(at, 2)));
    const high = this.optional(at, 6);
    return { kind: 'multiplier', low, high: high ? Number(this.source(high)) : low, text, span: this.span(at) };
  }

  date(at: At): DateLit {
    const text = this.source(at);
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    return { text, year, month, day, span: this.span(at) };
  }
}

/** The syntax tree of one successfully matched declaration (spans relative to its text). */
export function buildDeclaration(match: ohm.MatchResult, text: string): Declaration {
  const { _cst, _cstOffset } = match as unknown as MatchInternals;
  return new Walker(text).declaration({ node: _cst, start: _cstOffset });
}

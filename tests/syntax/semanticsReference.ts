// The former ohm-semantics builder of server/src/syntax/build.ts, kept as the reference that the
// direct CST walk is compared with (tests/syntax/build.test.ts).
import type * as ohm from 'ohm-js';
import type {
  DateLit, Declaration, MultiplierStrength, Name, PointProbability, ProbabilityExpr, Span, Statement,
  Strength, StringLit, StrengthWord,
} from '../../server/src/syntax/ast';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { unescapeString } from '../../server/src/syntax/build';
import { phraseRow } from '../../server/src/syntax/vocabulary';

type Node = ohm.Node;

function spanOf(node: Node): Span {
  return { start: node.source.startIdx, end: node.source.endIdx };
}

function nameOf(node: Node): Name {
  return { text: node.sourceString, span: spanOf(node) };
}

function stringOf(node: Node): StringLit {
  return { value: unescapeString(node.sourceString), span: spanOf(node) };
}

function statementsOf(items: Node): Statement[] {
  const statements: Statement[] = [];
  for (const child of items.children) {
    if (child.isTerminal()) continue; // a `;` separator
    statements.push(ast(child) as Statement);
  }
  return statements;
}

function variable(kind: 'factor' | 'event' | 'outcome') {
  return function (this: Node, keyword: Node, name: Node, label: Node, body: Node): Declaration {
    return {
      kind,
      name: nameOf(name),
      label: label.numChildren > 0 ? stringOf(label.children[0]!) : null,
      span: spanOf(this),
      keywordSpan: spanOf(keyword),
      bodySpan: spanOf(body),
      statements: ast(body) as Statement[],
    };
  };
}

function titled(kind: 'scenario' | 'alternative') {
  return function (this: Node, keyword: Node, title: Node, body: Node): Declaration {
    return {
      kind,
      title: stringOf(title),
      span: spanOf(this),
      keywordSpan: spanOf(keyword),
      bodySpan: spanOf(body),
      statements: ast(body) as Statement[],
    };
  };
}

function body(this: Node, _open: Node, items: Node, _close: Node): Statement[] {
  return statementsOf(items);
}

function probabilityStatement(kind: 'probability' | 'base' | 'judged') {
  return function (this: Node, keyword: Node, value: Node): Statement {
    return { kind, value: ast(value) as ProbabilityExpr, span: spanOf(this), keywordSpan: spanOf(keyword) };
  };
}

function textStatement(kind: 'note' | 'source' | 'question') {
  return function (this: Node, keyword: Node, text: Node): Statement {
    return { kind, text: stringOf(text), span: spanOf(this), keywordSpan: spanOf(keyword) };
  };
}

function numberStatement(kind: 'samples' | 'seed') {
  return function (this: Node, keyword: Node, value: Node): Statement {
    const text = value.sourceString;
    return {
      kind,
      value: Number(text.replace(/[,_]/g, '')),
      text,
      valueSpan: spanOf(value),
      span: spanOf(this),
      keywordSpan: spanOf(keyword),
    };
  };
}

function pointOf(node: Node, numberNode: Node, percent: boolean): PointProbability {
  const n = Number(numberNode.sourceString);
  return {
    kind: 'point',
    value: percent ? n / 100 : n,
    unit: percent ? '%' : 'decimal',
    text: node.sourceString,
    span: spanOf(node),
  };
}

function dateOf(node: Node): DateLit {
  const text = node.sourceString;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { text, year, month, day, span: spanOf(node) };
}

const actions: ohm.ActionDict<unknown> = {
  ScenarioDecl: titled('scenario'),
  ImportDecl(this: Node, keyword: Node, path: Node): Declaration {
    return { kind: 'import', path: stringOf(path), span: spanOf(this), keywordSpan: spanOf(keyword), statements: [] };
  },
  AlternativeDecl: titled('alternative'),
  FactorDecl: variable('factor'),
  EventDecl: variable('event'),
  OutcomeDecl: variable('outcome'),
  ScenarioBody: body,
  FactorBody: body,
  OutcomeBody: body,
  AlternativeBody: body,

  QuestionStmt: textStatement('question'),
  NoteStmt: textStatement('note'),
  SourceStmt: textStatement('source'),
  ProbabilityStmt: probabilityStatement('probability'),
  BaseStmt: probabilityStatement('base'),
  JudgedStmt: probabilityStatement('judged'),
  SamplesStmt: numberStatement('samples'),
  SeedStmt: numberStatement('seed'),
  HorizonStmt(this: Node, keyword: Node, from: Node, _to: Node, to: Node): Statement {
    return { kind: 'horizon', from: dateOf(from), to: dateOf(to), span: spanOf(this), keywordSpan: spanOf(keyword) };
  },
  DriverStmt(this: Node, name: Node, direction: Node, strength: Node): Statement {
    return {
      kind: 'driver',
      name: nameOf(name),
      direction: direction.sourceString as 'raises' | 'lowers',
      directionSpan: spanOf(direction),
      strength: ast(strength) as Strength,
      span: spanOf(this),
      keywordSpan: spanOf(name),
    };
  },
  GivenStmt(this: Node, keyword: Node, not: Node, name: Node): Statement {
    return {
      kind: 'alt-given',
      name: nameOf(name),
      negated: not.numChildren > 0,
      span: spanOf(this),
      keywordSpan: spanOf(keyword),
    };
  },
  ObserveStmt(this: Node, keyword: Node, not: Node, name: Node): Statement {
    return {
      kind: 'alt-observe',
      name: nameOf(name),
      negated: not.numChildren > 0,
      span: spanOf(this),
      keywordSpan: spanOf(keyword),
    };
  },
  AltBaseStmt(this: Node, name: Node, _base: Node, value: Node): Statement {
    return {
      kind: 'alt-base',
      name: nameOf(name),
      value: ast(value) as ProbabilityExpr,
      span: spanOf(this),
      keywordSpan: spanOf(name),
    };
  },
  AltSetStmt(this: Node, name: Node, value: Node): Statement {
    return {
      kind: 'alt-set',
      name: nameOf(name),
      value: ast(value) as ProbabilityExpr,
      span: spanOf(this),
      keywordSpan: spanOf(name),
    };
  },

  probability(this: Node, expr: Node): ProbabilityExpr {
    return ast(expr) as ProbabilityExpr;
  },
  probabilityRange(this: Node, low: Node, _sep: Node, high: Node): ProbabilityExpr {
    return {
      kind: 'range',
      low: ast(low) as PointProbability,
      high: ast(high) as PointProbability,
      text: this.sourceString,
      span: spanOf(this),
    };
  },
  probabilityPoint(this: Node, point: Node): ProbabilityExpr {
    return ast(point) as PointProbability;
  },
  point(this: Node, number: Node, percent: Node): PointProbability {
    return pointOf(this, number, percent.numChildren > 0);
  },
  phrase(this: Node, _w1: Node, _g1: Node, _w2: Node, _g2: Node, _w3: Node): ProbabilityExpr {
    const text = this.sourceString;
    return { kind: 'phrase', phrase: phraseRow(text)?.phrase ?? text, text, span: spanOf(this) };
  },
  hedge(this: Node, _word: Node): ProbabilityExpr {
    return { kind: 'hedge', text: this.sourceString, span: spanOf(this) };
  },

  strength(this: Node, expr: Node): Strength {
    return ast(expr) as Strength;
  },
  strengthWord(this: Node, _word: Node): Strength {
    const text = this.sourceString;
    return { kind: 'word', word: text as StrengthWord, text, span: spanOf(this) };
  },
  multiplier(
    this: Node, _times: Node, _space: Node, low: Node, _sep: Node, _times2: Node, _space2: Node, high: Node,
  ): MultiplierStrength {
    const lowValue = Number(low.sourceString);
    const highValue = high.numChildren > 0 ? Number(high.children[0]!.sourceString) : lowValue;
    return { kind: 'multiplier', low: lowValue, high: highValue, text: this.sourceString, span: spanOf(this) };
  },
};

const semantics = scenarioGrammar.createSemantics().addOperation<unknown>('ast', actions);

function ast(node: Node): unknown {
  return (node as unknown as { ast(): unknown }).ast();
}

/** The syntax tree of one successfully matched declaration (spans relative to its text). */
export function buildWithSemantics(match: ohm.MatchResult): Declaration {
  return (semantics(match) as unknown as { ast(): Declaration }).ast();
}

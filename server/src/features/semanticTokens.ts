// Semantic tokens from the lexer, with names classified by what they name: factors as variables,
// events as events, outcomes as functions (declarations marked), phrases and strength words as
// members of fixed sets.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { LANGUAGE_KEYWORDS, strengthRow } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { lex, phraseAt } from './lexer';
import { importedDeclarations } from './imported';
import { allOccurrences, declaredNames } from './occurrences';

const TYPES = ['keyword', 'variable', 'event', 'function', 'string', 'number', 'comment', 'enumMember', 'operator'] as const;
const MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
type TokenType = (typeof TYPES)[number];
type TokenModifier = (typeof MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const NAME_TYPES = { factor: 'variable', event: 'event', outcome: 'function' } as const;

export function semanticTokens(state: DocumentState): SemanticTokens {
  const kinds = new Map<string, keyof typeof NAME_TYPES>();
  for (const d of declaredNames(state)) if (!kinds.has(d.name)) kinds.set(d.name, d.kind);
  for (const d of importedDeclarations(state)) if (!kinds.has(d.name)) kinds.set(d.name, d.kind);
  const occurrences = new Map(allOccurrences(state).map((o) => [o.span.start, o]));

  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  const emit = (start: number, end: number, type: TokenType, modifiers: TokenModifier[] = []): void => {
    const { line, character } = state.lines.positionAt(start);
    data.push(
      line - lastLine,
      line === lastLine ? character - lastChar : character,
      end - start,
      TYPES.indexOf(type),
      modifiers.reduce((bits, m) => bits | (1 << MODIFIERS.indexOf(m)), 0),
    );
    lastLine = line;
    lastChar = character;
  };

  const tokens = lex(state.text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const occurrence = occurrences.get(token.start);
    if (occurrence && occurrence.span.end === token.end) {
      const kind = kinds.get(occurrence.name);
      const modifiers: TokenModifier[] = occurrence.role === 'declaration' ? ['declaration'] : [];
      if (kind) modifiers.push('readonly');
      emit(token.start, token.end, kind ? NAME_TYPES[kind] : 'variable', modifiers);
      continue;
    }
    switch (token.kind) {
      case 'comment':
        emit(token.start, token.end, 'comment');
        break;
      case 'string':
        emit(token.start, token.end, 'string');
        break;
      case 'number':
      case 'date':
      case 'multiplier':
        emit(token.start, token.end, 'number');
        break;
      case 'range':
        emit(token.start, token.end, 'operator');
        break;
      case 'word': {
        const phrase = phraseAt(state.text, tokens, i);
        if (phrase) {
          emit(phrase.start, phrase.end, 'enumMember', ['defaultLibrary']);
          i = phrase.next - 1;
        } else if (strengthRow(token.text)) {
          emit(token.start, token.end, 'enumMember', ['defaultLibrary']);
        } else if (LANGUAGE_KEYWORDS.has(token.text)) {
          emit(token.start, token.end, 'keyword');
        } else if (kinds.has(token.text)) {
          emit(token.start, token.end, NAME_TYPES[kinds.get(token.text)!], ['readonly']);
        }
        break;
      }
      default:
        break;
    }
  }
  return { data };
}

// Messages between the preview panel (extension side) and its page (webview side), typed once.
// Every message carries the document URI it belongs to. The page validates what it receives and
// the extension validates what the page sends: unknown messages are ignored.
import type { Forecast } from './forecast';
import type { HistoryData } from './history';
import { boundedNamePattern } from './names';

/** Extension → page. */
export type ToPage =
  | {
      type: 'forecast';
      uri: string;
      /** The file name shown in the title bar (text only). */
      fileName: string;
      version: number;
      forecast: Forecast | null;
      /** True when the document does not parse now and this is the last good forecast. */
      stale: boolean;
      /** Why the forecast is stale or missing, in analyst words. */
      notice: string | null;
      /** Optional: whether the preview is locked to this document; the page keeps it in its state. */
      locked?: boolean;
    }
  | { type: 'theme'; kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' }
  /** The document's errors as VS Code has them now (the language server's diagnostics), at most MAX_PAGE_ERRORS. */
  | { type: 'errors'; uri: string; errors: PageError[]; total: number }
  /** The declaration at the editor's cursor (null outside any), for the page to pick out its row. */
  | { type: 'cursor'; uri: string; name: string | null }
  /** The file's history from git (after the forecast; slow when cold), or why there is none. */
  | { type: 'history'; uri: string; history: HistoryData | null; notice: string | null }
  /** A forecast of `version` running long: what it is computing (common/progress.ts's text). */
  | { type: 'progress'; uri: string; version: number; text: string; elapsedMs: number };

/** An error in the document, where it is (0-based, as in VS Code) and what it says. */
export interface PageError {
  line: number;
  character: number;
  code: string | null;
  message: string;
}

/** The most errors the page lists; the rest are counted. */
export const MAX_PAGE_ERRORS = 20;

/** Page → extension. */
export type FromPage =
  | { type: 'ready'; uri: string }
  /** Reveal the declaration of a factor, event or outcome in the editor, or one of its statements. */
  | { type: 'reveal'; uri: string; name: string; statement?: RevealableStatement }
  /** Reveal a place in the document (an error the page lists). */
  | { type: 'revealPosition'; uri: string; line: number; character: number }
  | { type: 'copyMarkdown'; uri: string }
  /** Run Scenario: Copy Key Judgments for the document (the page's Copy beside them). */
  | { type: 'copyKeyJudgments'; uri: string }
  | { type: 'saveJson'; uri: string }
  | { type: 'saveCsv'; uri: string }
  /** The outcome selected for the tornado chart (kept in the panel's state for restore). */
  | { type: 'selectOutcome'; uri: string; name: string };

/** Statements of a declaration the page can reveal: the analyst's call, from the bottom line. */
export const REVEALABLE_STATEMENTS = ['judged'] as const;
export type RevealableStatement = (typeof REVEALABLE_STATEMENTS)[number];

/** What the page keeps with vscode.setState, so a reloaded window restores the preview. */
export interface PageState {
  uri: string;
  selectedOutcome: string | null;
  locked: boolean;
}

/**
 * A declared name as the grammar accepts it (common/names.ts), at most 200 characters long. Names
 * from the page are checked against it.
 */
export const DECLARED_NAME = boundedNamePattern(200);

/** Validates a message from the page; returns null for anything unexpected. */
export function parseFromPage(value: unknown): FromPage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.uri !== 'string' || m.uri.length > 4096) return null;
  switch (m.type) {
    case 'ready':
    case 'copyMarkdown':
    case 'copyKeyJudgments':
    case 'saveJson':
    case 'saveCsv':
      return { type: m.type, uri: m.uri };
    case 'reveal': {
      if (typeof m.name !== 'string' || !DECLARED_NAME.test(m.name)) return null;
      if (m.statement === undefined) return { type: m.type, uri: m.uri, name: m.name };
      const statement = REVEALABLE_STATEMENTS.find((s) => s === m.statement);
      return statement ? { type: m.type, uri: m.uri, name: m.name, statement } : null;
    }
    case 'revealPosition':
      if (!isPosition(m.line) || !isPosition(m.character)) return null;
      return { type: m.type, uri: m.uri, line: m.line, character: m.character };
    case 'selectOutcome':
      if (typeof m.name !== 'string' || !DECLARED_NAME.test(m.name)) return null;
      return { type: m.type, uri: m.uri, name: m.name };
    default:
      return null;
  }
}

/** A 0-based line or character number. */
function isPosition(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000_000;
}

// Messages between the compare panel (client/src/compare) and its page (client/webview/compare),
// typed once. Each carries the document URI. The page validates what it receives
// (client/webview/validateHistory.ts); the extension validates what the page sends.
import type { CompareDiff } from './history';

/** Extension → page. */
export type ToComparePage =
  | {
      type: 'compare';
      uri: string;
      /** The document's file name (text only). */
      fileName: string;
      /** The old version as the user picked it: "last commit" or a commit's short id, date and subject (text only). */
      revision: string;
      /** The git revision compared with (kept in the page's state, so a reloaded window restores the view). */
      rev: string;
      /** True while the server computes; diff and notice are null then. */
      loading: boolean;
      diff: CompareDiff | null;
      notice: string | null;
    }
  | { type: 'theme'; kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' };

/** Page → extension. */
export type FromComparePage =
  | { type: 'ready'; uri: string }
  /** Show a change's line in the editor (the new version's line; the extension looks it up by id). */
  | { type: 'revealChange'; uri: string; change: number };

/** Validates a message from the page; null for anything unexpected. */
export function parseFromComparePage(value: unknown): FromComparePage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.uri !== 'string' || m.uri.length > 4096) return null;
  if (m.type === 'ready') return { type: 'ready', uri: m.uri };
  if (m.type === 'revealChange' && typeof m.change === 'number' && Number.isInteger(m.change) && m.change >= 1 && m.change <= 1_000_000) {
    return { type: 'revealChange', uri: m.uri, change: m.change };
  }
  return null;
}

/** What the compare page keeps with setState (validated on restore by the extension). */
export interface ComparePageState {
  uri: string;
  rev: string;
  revision: string;
}

export function parseComparePageState(value: unknown): ComparePageState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (typeof s.uri !== 'string' || s.uri.length > 4096 || typeof s.rev !== 'string' || !/^(HEAD|[0-9a-f]{7,64})$/.test(s.rev)) return null;
  if (typeof s.revision !== 'string' || s.revision.length > 2000) return null;
  return { uri: s.uri, rev: s.rev, revision: s.revision };
}

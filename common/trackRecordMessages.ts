// Messages between the Track Record panel (client/src/trackRecord) and its page
// (client/webview/trackRecord), typed once. The page validates what it receives
// (client/webview/trackRecord/validate.ts); the extension validates what the page sends
// (parseFromTrackRecordPage). The page never names a file: it asks to reveal a question by its
// place in the record it was sent, and the extension looks the question up in its own copy.
import type { TrackRecord } from './scores';

export type ThemeKindName = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** Extension → page. */
export type ToTrackRecordPage =
  | {
      type: 'trackRecord';
      /** What is scored: the workspace's or the folder's name (text only). */
      title: string;
      /** The folders' `file:` URIs: the page keeps them with setState, so a reload restores the panel. */
      uris: string[];
      /** True while the server reads history; `progress` says how far. */
      loading: boolean;
      progress: { done: number; total: number } | null;
      /**
       * The record, with each question's `file` relative to the workspace (text only); the last
       * one while a new one is computed, null before the first.
       */
      record: TrackRecord | null;
      notice: string | null;
    }
  | { type: 'theme'; kind: ThemeKindName };

/** Page → extension. */
export type FromTrackRecordPage =
  | { type: 'ready' }
  /** Show question `index` (of the record last sent) in the editor, at its declaration. */
  | { type: 'reveal'; index: number }
  | { type: 'refresh' };

/** Validates a message from the page; null for anything unexpected. */
export function parseFromTrackRecordPage(value: unknown): FromTrackRecordPage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'refresh') return { type: 'refresh' };
  if (m.type === 'reveal' && typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index < 1_000_000) {
    return { type: 'reveal', index: m.index };
  }
  return null;
}

/** What the page keeps with setState (validated on restore by the extension). */
export interface TrackRecordPageState {
  uris: string[];
  title: string;
}

export function parseTrackRecordPageState(value: unknown): TrackRecordPageState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  if (!Array.isArray(s.uris) || s.uris.length === 0 || s.uris.length > 100) return null;
  if (!s.uris.every((u): u is string => typeof u === 'string' && u.startsWith('file:') && u.length <= 4096)) return null;
  if (typeof s.title !== 'string' || s.title.length > 2000) return null;
  return { uris: [...s.uris], title: s.title };
}

/** The columns the page's table sorts by. */
export const TRACK_RECORD_SORT_KEYS = ['question', 'resolved', 'forecast', 'judged', 'brier', 'daily'] as const;
export type TrackRecordSortKey = (typeof TRACK_RECORD_SORT_KEYS)[number];

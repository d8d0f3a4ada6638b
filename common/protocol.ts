// Custom messages between the extension and the language server, typed once and used by both.
import type { Forecast } from './forecast';
import type { CompareDiff, FileCommitItem, HistoryData } from './history';
import type { TrackRecord } from './scores';

/** Request: the latest forecast of a document (computed now if none is ready). */
export namespace ForecastRequest {
  export const method = 'scenario/forecast';
  export interface Params {
    uri: string;
  }
  export interface Result {
    uri: string;
    /** The document version the forecast belongs to. */
    version: number;
    /** The last good forecast, or null when there has never been one. */
    forecast: Forecast | null;
    /** True when the document currently has errors and `forecast` is from an older version. */
    stale: boolean;
    /** Why there is no fresh forecast (errors, time budget, memory), in analyst words. */
    notice: string | null;
  }
}

/** Notification from the server: a new forecast is ready for a document. */
export namespace ForecastReadyNotification {
  export const method = 'scenario/forecastReady';
  export type Params = ForecastRequest.Result;
}

/** Notification from the server: a forecast running long is at this stage (common/progress.ts). */
export namespace ForecastProgressNotification {
  export const method = 'scenario/forecastProgress';
  export interface Params {
    uri: string;
    /** The document version being forecast. */
    version: number;
    /** "bands of alternative “Khan released” (3 of 5)". */
    text: string;
    elapsedMs: number;
  }
}

/** Request: the commits of a document's file, newest first (git log --follow), for a quick pick. */
export namespace FileCommitsRequest {
  export const method = 'scenario/fileCommits';
  export interface Params {
    uri: string;
    /** Most commits (default 200). */
    max?: number;
  }
  export interface Result {
    uri: string;
    commits: FileCommitItem[];
    truncated: boolean;
    /** Why there are none (not in a git repository, a shallow clone, git missing), one line. */
    notice: string | null;
  }
}

/** Request: the forecast's diff from a revision of the document's file to the document as open now. */
export namespace CompareRequest {
  export const method = 'scenario/compare';
  export interface Params {
    uri: string;
    /** A git revision (a commit id, or `HEAD` for the last commit). */
    rev: string;
  }
  export interface Result {
    uri: string;
    rev: string;
    /** Null when there is no diff; `notice` says why (a version with errors, no such revision…). */
    diff: CompareDiff | null;
    notice: string | null;
  }
}

/** Request: each committed version's forecast of the document's file, oldest first, and the working copy's. */
export namespace HistoryRequest {
  export const method = 'scenario/history';
  export interface Params {
    uri: string;
    /** Most committed versions (default 200). */
    max?: number;
  }
  export interface Result {
    uri: string;
    history: HistoryData | null;
    notice: string | null;
  }
}

/**
 * Request: the track record of folders (or files) of the workspace, as `scenario score` computes
 * it (issue 12). Progress comes as TrackRecordProgressNotification with the same `id`.
 */
export namespace TrackRecordRequest {
  export const method = 'scenario/trackRecord';
  export interface Params {
    /** Chosen by the client; the progress notifications carry it. */
    id: number;
    /** `file:` URIs of folders (scored recursively) or .scenario files. */
    uris: string[];
  }
  export interface Result {
    id: number;
    record: TrackRecord | null;
    /** Why there is none (no folder on disk, a failure), one line. */
    notice: string | null;
  }
}

/** Notification from the server: how far a track record has got (files read of all). */
export namespace TrackRecordProgressNotification {
  export const method = 'scenario/trackRecordProgress';
  export interface Params {
    id: number;
    done: number;
    total: number;
  }
}

/**
 * The documents the language server is given: .scenario files (on disk and untitled), and
 * Markdown and plain text on disk, which it reads as drafts in prose only when they name a model
 * (LANGUAGE.md, "Drafts in prose") or match `scenario.prose.files`.
 */
export const SCENARIO_DOCUMENTS = (): { scheme: string; language: string }[] => [
  { scheme: 'file', language: 'scenario' },
  { scheme: 'untitled', language: 'scenario' },
];
export const PROSE_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];
export const PROSE_DOCUMENTS = (): { scheme: string; language: string }[] => PROSE_LANGUAGES.map((language) => ({ scheme: 'file', language }));

/**
 * Request: a first model drafted from a text (the command "Scenario: Draft Model from Text"), by
 * the function `scenario draft` uses (server/src/prose/draft.ts).
 */
export namespace DraftModelRequest {
  export const method = 'scenario/draftModel';
  export interface Params {
    /** The text: an editor's document or its selection. */
    text: string;
    /** How the draft's sources name the text ("us-pakistan-oped" → `source "us-pakistan-oped, paragraph 3"`). */
    sourceName: string;
  }
  export interface Result {
    /** The `.scenario` text; null when there is nothing to draft from (`message` says why). */
    text: string | null;
    /** Why there is no draft (no sentences, a binary or too large text), or null. */
    message: string | null;
    /** Outcomes drafted: one per sentence that makes an estimative judgment. */
    outcomes: number;
    factors: number;
  }
}

// The server's settings (`scenario.forecast.*`, `scenario.inlayHints.position`,
// `scenario.prose.files`), read through
// workspace/configuration when the client supports it. Every value is checked and clamped: a bad
// setting must not stop forecasts.

export interface ForecastSettings {
  /** Wall-clock budget of one forecast run; the worker is terminated past it. */
  timeBudgetMs: number;
  /** Old-generation heap limit of the forecast worker. */
  memoryLimitMb: number;
  /** Overrides the file's `samples` when set. */
  samples: number | null;
}

export const DEFAULT_SETTINGS: Readonly<ForecastSettings> = {
  timeBudgetMs: 5_000,
  memoryLimitMb: 256,
  samples: null,
};

const BOUNDS = {
  timeBudgetMs: [100, 600_000],
  memoryLimitMb: [32, 8_192],
  samples: [1_000, 1_000_000],
} as const;

function clampNumber(value: unknown, [low, high]: readonly [number, number]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(high, Math.max(low, Math.round(value)));
}

/** Settings from the `scenario.forecast` section as the client sent it (any shape). */
export function readForecastSettings(section: unknown): ForecastSettings {
  const raw = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  return {
    timeBudgetMs: clampNumber(raw.timeBudgetMs, BOUNDS.timeBudgetMs) ?? DEFAULT_SETTINGS.timeBudgetMs,
    memoryLimitMb: clampNumber(raw.memoryLimitMb, BOUNDS.memoryLimitMb) ?? DEFAULT_SETTINGS.memoryLimitMb,
    samples: clampNumber(raw.samples, BOUNDS.samples),
  };
}

/** Where each outcome's computed probability is shown: an inlay hint after its name, or a code lens above it. */
export const HINT_POSITIONS = ['afterName', 'codeLens'] as const;
export type HintPosition = (typeof HINT_POSITIONS)[number];

/** Settings that change what the editor shows, not what is forecast. */
export interface ViewSettings {
  hintPosition: HintPosition;
}

export const DEFAULT_VIEW_SETTINGS: Readonly<ViewSettings> = { hintPosition: 'afterName' };

/** Settings from the `scenario.inlayHints` section as the client sent it (any shape). */
export function readViewSettings(section: unknown): ViewSettings {
  const position = section && typeof section === 'object' ? (section as Record<string, unknown>).position : undefined;
  const known = HINT_POSITIONS.find((p) => p === position);
  return { hintPosition: known ?? DEFAULT_VIEW_SETTINGS.hintPosition };
}

/** Settings of drafts in prose (`scenario.prose.*`). */
export interface ProseSettings {
  /** Globs, relative to a workspace folder, of files read as drafts even when they name no model. */
  files: string[];
}

export const DEFAULT_PROSE_SETTINGS: Readonly<ProseSettings> = { files: [] };

/** At most this many globs, each at most this long: a setting is text from a workspace, too. */
export const PROSE_GLOB_LIMITS = { count: 100, chars: 500 } as const;

/** Settings from the `scenario.prose` section as the client sent it (any shape); non-strings are dropped. */
export function readProseSettings(section: unknown): ProseSettings {
  const files = section && typeof section === 'object' ? (section as Record<string, unknown>).files : undefined;
  if (!Array.isArray(files)) return { files: [] };
  return {
    files: files.filter((f): f is string => typeof f === 'string' && f.trim().length > 0 && f.length <= PROSE_GLOB_LIMITS.chars)
      .slice(0, PROSE_GLOB_LIMITS.count),
  };
}

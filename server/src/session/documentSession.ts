// One open document: its text, its incremental parser, the analysis of its latest version (made
// on demand, cached per version) and its forecast (the last good one, possibly of an older
// version). Everything here is synchronous; scheduling lives in session.ts.
import { IncrementalParser } from '../syntax/incremental';
import { LineIndex } from '../syntax/lines';
import { analyzeSource, type AnalysisSource, type JudgmentForecast } from '../analysis/analyzeSource';
import { completeWithEarlier } from '../analysis/partialForecast';
import { withOrigins } from '../analysis/origins';
import { isForecastable } from '../model/forecastScope';
import type { ScenarioDocument } from '../syntax/ast';
import type { ImportContext } from '../model/imports/types';
import type { Forecast } from '../../../common/forecast';
import type { DocumentState } from '../features/context';
import { describeError } from '../util/errors';
import { todayIso } from '../../../common/text/dates';
import { isFullChange, toOffsetEdit, type ContentChange } from './textChanges';

export interface StoredForecast {
  forecast: Forecast;
  /** The document version it was computed from. */
  version: number;
}

export class DocumentSession {
  private currentText: string;
  private lines: LineIndex;
  private parser: IncrementalParser | null = null;
  /** Why the text is not parsed (the parser failed on it), or null. */
  private unparsedReason: string | null = null;
  private analysed: DocumentState | null = null;
  private lastForecast: StoredForecast | null = null;
  /** The last forecast run that failed (time budget, memory, engine error), for this version only. */
  private failure: { version: number; notice: string } | null = null;
  /** This file's own factors and events that outcomes of other files use: not `unused` here. */
  private usedElsewhere: ReadonlySet<string> = new Set();
  private unusedBeforeOthers = false;

  constructor(
    readonly uri: string,
    public version: number,
    text: string,
    private readonly log: (message: string) => void,
    /** Today as an ISO date, for `resolution-future` (the clock is read here, not in the checks). */
    private readonly today: () => string = todayIso,
    /** What the document's imports resolve to (open editors first, then the disk); none: not read. */
    private readonly imports?: (text: string, document: ScenarioDocument) => ImportContext | undefined,
  ) {
    this.currentText = text;
    this.lines = new LineIndex(text);
    this.reparse();
  }

  get text(): string {
    return this.currentText;
  }

  get forecast(): StoredForecast | null {
    return this.lastForecast;
  }

  /** Applies LSP content changes in order, feeding each one to the incremental parser. */
  applyChanges(version: number, changes: readonly ContentChange[]): void {
    for (const change of changes) {
      if (isFullChange(change)) {
        this.currentText = change.text;
        this.lines = new LineIndex(this.currentText);
        this.reparse();
        continue;
      }
      const edit = toOffsetEdit(change, this.lines, this.currentText.length);
      const text = this.currentText.slice(0, edit.start) + edit.text + this.currentText.slice(edit.end);
      if (this.parser) {
        try {
          this.parser.applyChange(edit.start, edit.end, edit.text);
          this.currentText = this.parser.text;
        } catch (error) {
          this.log(`incremental parse failed, parsing afresh: ${describeError(error)}`);
          this.currentText = text;
          this.parser = null;
        }
      } else {
        this.currentText = text;
      }
      this.lines = new LineIndex(this.currentText);
      if (!this.parser) this.reparse();
    }
    this.version = version;
    this.analysed = null;
  }

  /** The analysed state of the current version (analysed now if needed). */
  state(): DocumentState {
    if (this.analysed && this.analysed.version === this.version) return this.analysed;
    const stored = this.lastForecast;
    // `judgment` is checked against the latest forecast, also while a newer one is on its way (so
    // warnings do not flicker); outcomes that now depend on an error are not judged.
    const document = this.syntaxTree();
    const source = { text: this.currentText, document, today: this.today(), imports: this.importsOf(document) };
    const analysis =
      (stored ? this.analyse(source, stored.forecast) : null) ??
      this.analyse(source) ??
      analyzeSource({ text: this.currentText, document: unparsedDocument(this.currentText, 'The document could not be checked.') });
    this.unusedBeforeOthers = analysis.diagnostics.some((d) => d.code === 'unused');
    const elsewhere = this.usedElsewhere;
    const diagnostics = elsewhere.size === 0 || !this.unusedBeforeOthers ? analysis.diagnostics
      : analysis.diagnostics.filter((d) => !(d.code === 'unused' && elsewhere.has(this.currentText.slice(d.span.start, d.span.end))));
    this.analysed = {
      uri: this.uri,
      version: this.version,
      text: this.currentText,
      lines: this.lines,
      document: analysis.document,
      model: analysis.model,
      scope: analysis.scope,
      diagnostics,
      forecast: stored?.forecast ?? null,
      forecastStale: stored ? stored.version !== this.version : false,
      ...(analysis.imports ? { imports: analysis.imports } : {}),
    };
    return this.analysed;
  }

  /**
   * The names of this file's declarations that drive outcomes of other files (its importers, open
   * or in the workspace index): their `unused` hints are dropped. True when that changed the set.
   */
  setUsedElsewhere(names: ReadonlySet<string>): boolean {
    const before = this.usedElsewhere;
    if (before.size === names.size && [...names].every((n) => before.has(n))) return false;
    this.usedElsewhere = names;
    this.analysed = null;
    return true;
  }

  /** True when the latest analysis found an `unused` hint, before the uses in other files were counted. */
  get hasUnusedHints(): boolean {
    this.state();
    return this.unusedBeforeOthers;
  }

  private importsOf(document: ScenarioDocument): ImportContext | undefined {
    try {
      return this.imports?.(this.currentText, document);
    } catch (error) {
      this.log(`reading the imports failed: ${describeError(error)}`);
      return undefined;
    }
  }

  private analyse(source: AnalysisSource, forecast?: JudgmentForecast) {
    try {
      return analyzeSource(source, forecast);
    } catch (error) {
      this.log(`analysis failed${forecast ? ' (with the judgment check)' : ''}: ${describeError(error)}`);
      return null;
    }
  }

  /** True when something can be forecast now (the whole file, or the part without errors). */
  get forecastable(): boolean {
    return isForecastable(this.state().scope);
  }

  /**
   * Stores a forecast of `version`'s forecastable part, completed with the last good numbers of
   * what it left out; false (dropped) when the document has moved on since.
   */
  acceptForecast(version: number, forecast: Forecast): boolean {
    if (version !== this.version) return false;
    const state = this.state();
    // Imported declarations carry their file (the preview says where each comes from).
    const marked = state.imports ? withOrigins(forecast, state.model, state.imports.show) : forecast;
    this.lastForecast = { forecast: completeWithEarlier(marked, state.scope, this.lastForecast?.forecast ?? null), version };
    this.failure = null;
    this.analysed = null;
    return true;
  }

  /** Keeps the forecast but as stale, so a new one is made (the settings changed). */
  markForecastOutdated(): void {
    if (this.lastForecast) this.lastForecast = { ...this.lastForecast, version: -1 };
    this.failure = null;
    this.analysed = null;
  }

  /** Records why the forecast of `version` failed; false (dropped) when the document has moved on. */
  recordFailure(version: number, notice: string): boolean {
    if (version !== this.version) return false;
    this.failure = { version, notice };
    return true;
  }

  /** Why the forecast of the current version failed, or null. */
  get failureNotice(): string | null {
    return this.failure?.version === this.version ? this.failure.notice : null;
  }

  private syntaxTree(): ScenarioDocument {
    if (this.parser) return this.parser.document;
    return unparsedDocument(this.currentText, this.unparsedReason ?? 'The document could not be parsed.');
  }

  /** A fresh parser for the whole text (a text over the size limit parses as one error). */
  private reparse(): void {
    this.parser = null;
    this.unparsedReason = null;
    try {
      this.parser = new IncrementalParser(this.currentText);
    } catch (error) {
      this.log(`parse failed: ${describeError(error)}`);
      this.unparsedReason = `The document could not be parsed (${describeError(error)}).`;
    }
  }
}

/** A syntax tree with no declarations and one error that says why: the checks turn it into a diagnostic. */
function unparsedDocument(text: string, message: string): ScenarioDocument {
  return {
    text,
    declarations: [],
    comments: [],
    // On the first line (at most 200 characters of it), where the analyst will see it.
    errors: [{ span: { start: 0, end: firstLineEnd(text) }, skipped: { start: 0, end: text.length }, message, expected: [] }],
  };
}

/** Where a problem of a whole text is shown: the end of its first line (at most 200 characters of it). */
export function firstLineEnd(text: string): number {
  const match = /[\r\n]/.exec(text.slice(0, 200));
  return match ? match.index : Math.min(200, text.length);
}

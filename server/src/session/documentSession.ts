// One open document: its text, its incremental parser, the analysis of its latest version (made
// on demand, cached per version) and its forecast (the last good one, possibly of an older
// version). Everything here is synchronous; scheduling lives in session.ts.
import { IncrementalParser } from '../syntax/parse';
import { LineIndex } from '../syntax/lines';
import { analyzeDocument } from '../model/analyze';
import { judgmentDiagnostics } from '../engine/judgment';
import type { ScenarioDocument } from '../syntax/ast';
import type { Diagnostic } from '../model/diagnostics';
import type { Forecast } from '../../../common/forecast';
import type { DocumentState } from '../features/context';
import { describeError } from './errors';
import { MAX_DOCUMENT_CHARS } from './limits';
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
  /** Why the text is not parsed (too large, or the parser failed on it), or null. */
  private unparsedReason: string | null = null;
  private analysed: DocumentState | null = null;
  private lastForecast: StoredForecast | null = null;
  /** The last forecast run that failed (time budget, memory, engine error), for this version only. */
  private failure: { version: number; notice: string } | null = null;

  constructor(
    readonly uri: string,
    public version: number,
    text: string,
    private readonly log: (message: string) => void,
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
      if (this.parser && text.length <= MAX_DOCUMENT_CHARS) {
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
      if (!this.parser || this.currentText.length > MAX_DOCUMENT_CHARS) this.reparse();
    }
    this.version = version;
    this.analysed = null;
  }

  /** The analysed state of the current version (analysed now if needed). */
  state(): DocumentState {
    if (this.analysed && this.analysed.version === this.version) return this.analysed;
    let document = this.syntaxTree();
    let analysis: ReturnType<typeof analyzeDocument>;
    try {
      analysis = analyzeDocument(document);
    } catch (error) {
      this.log(`analysis failed: ${describeError(error)}`);
      document = unparsedDocument(this.currentText, `The document could not be checked (${describeError(error)}).`);
      analysis = analyzeDocument(document);
    }
    const { model, diagnostics } = analysis;
    const stored = this.lastForecast;
    this.analysed = {
      uri: this.uri,
      version: this.version,
      text: this.currentText,
      lines: this.lines,
      document,
      model,
      diagnostics,
      forecast: stored?.forecast ?? null,
      forecastStale: stored ? stored.version !== this.version : false,
    };
    this.analysed.diagnostics = [...diagnostics, ...this.judgments(this.analysed)];
    return this.analysed;
  }

  /** Stores a forecast of `version`; false (dropped) when the document has moved on since. */
  acceptForecast(version: number, forecast: Forecast): boolean {
    if (version !== this.version) return false;
    this.lastForecast = { forecast, version };
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

  /**
   * `judgment` warnings: against a forecast of this very version, or — while a newer forecast is
   * on its way for an error-free edit — against the previous one, so warnings do not flicker.
   */
  private judgments(state: DocumentState): Diagnostic[] {
    const stored = this.lastForecast;
    if (!stored || (state.model.hasErrors && stored.version !== state.version)) return [];
    try {
      return judgmentDiagnostics(state.model, stored.forecast);
    } catch (error) {
      this.log(`judgment check failed: ${describeError(error)}`);
      return [];
    }
  }

  private syntaxTree(): ScenarioDocument {
    if (this.parser) return this.parser.document;
    return unparsedDocument(this.currentText, this.unparsedReason ?? 'The document could not be parsed.');
  }

  /** A fresh parser for the whole text, unless the text is too large or the parser fails on it. */
  private reparse(): void {
    this.parser = null;
    this.unparsedReason = null;
    const length = this.currentText.length;
    if (length > MAX_DOCUMENT_CHARS) {
      this.unparsedReason =
        `This file is too large to check (${formatSize(length)}; the limit is ${formatSize(MAX_DOCUMENT_CHARS)}). ` +
        'Split it into smaller files.';
      return;
    }
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

function firstLineEnd(text: string): number {
  const match = /[\r\n]/.exec(text.slice(0, 200));
  return match ? match.index : Math.min(200, text.length);
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} million characters` : `${chars} characters`;
}

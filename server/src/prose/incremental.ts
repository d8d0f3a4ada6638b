// The checks of a draft that is being edited, paragraph by paragraph: each paragraph's
// diagnostics are kept (relative to its start) until its text or the model changes, so a keystroke
// in a long draft re-reads one paragraph instead of the whole text (about a millisecond per KB).
// The result is checkProse's, diagnostic for diagnostic: sentences never cross paragraphs, and
// each sentence is checked on its own (check.ts, checkSentences). Pure.
import { checkSentences, tooLargeNotice, type ProseCheck, type ProseDiagnostic, type ProseModel } from './check';
import { PROSE_LIMITS, sentencesOf, type Paragraph } from './segment';

interface Kept {
  /** Diagnostics with offsets relative to the paragraph's start. */
  diagnostics: ProseDiagnostic[];
  sentences: number;
}

function shifted(d: ProseDiagnostic, by: number): ProseDiagnostic {
  if (by === 0) return d;
  return { ...d, start: d.start + by, end: d.end + by, fixes: d.fixes.map((f) => ({ ...f, start: f.start + by, end: f.end + by })) };
}

export class IncrementalProseCheck {
  /** By paragraph text; only the paragraphs of the last check are kept. */
  private kept = new Map<string, Kept>();
  private modelKey: string | null = null;

  /**
   * The checks of `text` (whose paragraphs are `paragraphs`, from paragraphsOf) against `model`;
   * `modelKey` identifies the model's outcomes, labels and probabilities (a new key drops what is kept).
   */
  check(text: string, paragraphs: readonly Paragraph[], model: ProseModel | null, modelKey: string): ProseCheck {
    const notice = tooLargeNotice(text);
    if (notice) {
      this.kept.clear();
      return { diagnostics: [], notice };
    }
    const previous = this.modelKey === modelKey ? this.kept : new Map<string, Kept>();
    const next = new Map<string, Kept>();
    const diagnostics: ProseDiagnostic[] = [];
    let sentences = 0;
    for (const p of paragraphs) {
      if (sentences >= PROSE_LIMITS.maxSentences) break;
      const body = text.slice(p.start, p.end);
      let kept = next.get(body) ?? previous.get(body);
      if (!kept || sentences + kept.sentences > PROSE_LIMITS.maxSentences) {
        const all = sentencesOf(text, p.start, p.end, p.number);
        // A paragraph cut by the text's sentence limit is checked as far as the limit, and not kept.
        const cut = all.length > PROSE_LIMITS.maxSentences - sentences;
        const found = cut ? all.slice(0, PROSE_LIMITS.maxSentences - sentences) : all;
        kept = { diagnostics: checkSentences(text, found, model).map((d) => shifted(d, -p.start)), sentences: found.length };
        if (!cut) next.set(body, kept);
      } else {
        next.set(body, kept);
      }
      sentences += kept.sentences;
      for (const d of kept.diagnostics) diagnostics.push(shifted(d, p.start));
    }
    this.kept = next;
    this.modelKey = modelKey;
    return { diagnostics, notice: null };
  }
}

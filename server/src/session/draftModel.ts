// scenario/draftModel: the command "Scenario: Draft Model from Text" asks for the draft of an
// editor's text (or selection) by the function `scenario draft` runs (prose/draft.ts). It runs in
// the server, beside the rest of the prose code, so the extension bundle carries none of it. The
// parameters come from the client, so they are checked; a text with nothing to draft from is a
// message, never an error.
import type { DraftModelRequest } from '../../../common/protocol';
import { binaryProblem } from '../prose/check';
import { draftFromText } from '../prose/draft';

const MAX_SOURCE_NAME = 200;

export function draftModel(params: unknown): DraftModelRequest.Result {
  const p = (params && typeof params === 'object' ? params : {}) as Partial<Record<keyof DraftModelRequest.Params, unknown>>;
  const none = (message: string): DraftModelRequest.Result => ({ text: null, message, outcomes: 0, factors: 0 });
  if (typeof p.text !== 'string') return none('there is no text to draft from');
  const binary = binaryProblem(p.text);
  if (binary) return none(binary);
  const name = typeof p.sourceName === 'string' && p.sourceName.trim() ? [...p.sourceName.trim()].slice(0, MAX_SOURCE_NAME).join('') : 'the text';
  const draft = draftFromText(p.text.replace(/^\uFEFF/, ''), { sourceName: name });
  return { text: draft.text, message: draft.message, outcomes: draft.outcomes, factors: draft.factors };
}

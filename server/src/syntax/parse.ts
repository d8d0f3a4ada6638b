// parseDocument: the tolerant parse of a whole .scenario file. A flat scan cuts the file into
// top-level declarations; each is matched by ohm on its own (and cached by its text), so one
// broken declaration gives one SyntaxError and every other declaration is still in the tree.
// It never throws: pathological input gives a SyntaxError.
import type { ScenarioDocument } from './ast';
import { MAX_DOCUMENT_CHARS, assembleDocument, tooLargeDocument } from './assemble';
import { chunksCached, parseChunks } from './chunk';

export function parseDocument(text: string): ScenarioDocument {
  if (text.length > MAX_DOCUMENT_CHARS) return tooLargeDocument(text);
  const owned = !chunksCached();
  const { chunks, results, comments } = parseChunks(text);
  return assembleDocument(text, chunks, results, comments, undefined, owned).document;
}

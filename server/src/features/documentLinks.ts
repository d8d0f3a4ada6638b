// Document links on import paths: `import "lib/pakistan.scenario"` opens the file it resolved to
// (an import that leads nowhere has its diagnostic instead of a link).
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { spanToRange } from './text';

export function documentLinks(state: DocumentState): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const { declaration, result } of state.imports?.imports ?? []) {
    if (result.kind !== 'file') continue;
    const { span } = declaration.path;
    // Inside the quotes: the path itself is the link.
    const inner = { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) };
    links.push({ range: spanToRange(state, inner), target: pathToFileURL(result.library.path).href, tooltip: `Open ${result.shown}` });
  }
  return links;
}

// The editor features that read one file's syntax, on import statements: formatting, semantic
// tokens, completion of the keyword, the outline and the TextMate grammar.
import { InsertTextFormat, SymbolKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { formatDocument } from '../../server/src/features/format';
import { semanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { documentSymbols } from '../../server/src/features/symbols';
import { textMateGrammar } from '../../server/src/syntax/vocabulary/textmate';
import { applyEdits } from '../fixture';
import { expectCompletion } from './expect';
import { stateOf } from './state';

const TWO = { tabSize: 2, insertSpaces: true };
const format = (text: string) => applyEdits(text, formatDocument(stateOf(text, { forecast: false }), TWO));

describe('formatting imports', () => {
  it('one line each, single spaces, kept together as grouped, a blank line before the next declaration', () => {
    const text = 'import   "lib/a.scenario"  // the crises\nimport "lib/b.scenario";\n\n\nimport "c.scenario"\nfactor x { probability 1% }\n';
    expect(format(text)).toBe(
      'import "lib/a.scenario" // the crises\nimport "lib/b.scenario"\n\nimport "c.scenario"\n\nfactor x {\n  probability 1%\n}\n',
    );
    // Idempotent.
    const once = format(text);
    expect(format(once)).toBe(once);
  });

  it('keeps the path exactly as written, escapes included', () => {
    expect(format('import "a \\"b\\".scenario"\n')).toBe('import "a \\"b\\".scenario"\n');
  });
});

describe('semantic tokens and the outline', () => {
  it('mark `import` as a keyword and its path as a string', () => {
    const text = 'import "lib/a.scenario"\n';
    const { data } = semanticTokens(stateOf(text, { forecast: false }));
    const types = [];
    for (let i = 0; i < data.length; i += 5) types.push([data[i + 2], semanticTokensLegend.tokenTypes[data[i + 3]!]]);
    expect(types).toEqual([[6, 'keyword'], [16, 'string']]);
  });

  it('lists an import in the outline as a module named by its path', () => {
    const symbols = documentSymbols(stateOf('import "lib/a.scenario"\n', { forecast: false }));
    expect(symbols.map((s) => [s.name, s.kind, s.detail])).toEqual([['lib/a.scenario', SymbolKind.Module, 'import']]);
  });
});

describe('completion', () => {
  it('offers `import` at top level as a snippet, before the declarations, any number of times', () => {
    const items = expectCompletion('import "a.scenario"\n<|>', { includes: ['import', 'factor'] });
    const item = items.find((i) => i.label === 'import')!;
    expect(item.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText).toBe('import "${1:lib/factors.scenario}"');
    expectCompletion('imp<|>', { includes: ['import'] });
  });

  it('offers nothing inside the path', () => {
    expectCompletion('import "li<|>"', { exactly: [] });
  });
});

describe('the TextMate grammar', () => {
  it('highlights `import` as a declaration keyword', () => {
    const grammar = textMateGrammar() as { repository: { declaration: { patterns: { match: string; name?: string }[] } } };
    const plain = grammar.repository.declaration.patterns.find((p) => p.name === 'storage.type.$1.scenario')!;
    const m = new RegExp(plain.match, 'u').exec('import "a.scenario"');
    expect(m?.[1]).toBe('import');
  });
});

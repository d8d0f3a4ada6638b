// The extension's contributions, checked as data: commands, keys, settings, the grammar's
// patterns (compiled as JavaScript regular expressions, which they are written to be compatible
// with) and the language configuration.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROSE_SETTINGS, DEFAULT_VIEW_SETTINGS, HINT_POSITIONS, PROSE_GLOB_LIMITS } from '../../server/src/session/settings';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const pkg = json('package.json');
const grammar = json('client/syntaxes/scenario.tmLanguage.json');

interface Rule { match?: string; name?: string; patterns?: Rule[]; include?: string; begin?: string; end?: string; captures?: Record<string, { name: string }> }

/** Every `match` rule of the grammar with its scope (includes resolved), in the order tried. */
function matchRules(rules: Rule[], seen = new Set<string>()): { re: RegExp; name: string }[] {
  const out: { re: RegExp; name: string }[] = [];
  for (const rule of rules) {
    if (rule.include?.startsWith('#')) {
      const key = rule.include.slice(1);
      if (seen.has(key)) continue;
      seen.add(key);
      const target = grammar.repository[key] as Rule;
      out.push(...matchRules(target.match || target.begin ? [target] : (target.patterns ?? []), seen));
    } else if (rule.match) {
      out.push({ re: new RegExp(rule.match, 'u'), name: rule.name ?? rule.captures?.['1']?.name ?? '' });
    } else if (rule.begin) {
      out.push({ re: new RegExp(rule.begin, 'u'), name: rule.name ?? '' });
    }
  }
  return out;
}

/** The scope of the first token that starts at the beginning of `text` (as TextMate picks it). */
function scopeAt(text: string): string | undefined {
  let best: { index: number; name: string } | undefined;
  for (const { re, name } of matchRules(grammar.patterns)) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, name };
  }
  return best?.index === 0 ? best.name : undefined;
}

/** Every first capture of `pattern` in the TypeScript files below `dirs`. */
function namesIn(dirs: string[], pattern: RegExp): Set<string> {
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(new URL(`${dir}/`, root), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      for (const m of readFileSync(new URL(`${dir}/${file}`, root), 'utf8').matchAll(pattern)) names.add(m[1]!);
    }
  }
  return names;
}

describe('package.json contributions', () => {
  it('keeps engines.vscode at ^1.100.0 (code-server 4.100.3 is VS Code 1.100)', () => {
    expect(pkg.engines.vscode).toBe('^1.100.0');
  });

  it('declares the language, grammar and icon files that exist', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'scenario');
    expect(lang.extensions).toEqual(['.scenario']);
    for (const path of [lang.configuration, lang.icon.light, lang.icon.dark, pkg.contributes.grammars[0].path, pkg.icon]) {
      expect(() => readFileSync(new URL(path.replace(/^\.\//, ''), root)), path).not.toThrow();
    }
    expect(pkg.contributes.grammars[0].scopeName).toBe('source.scenario');
    const png = readFileSync(new URL(pkg.icon, root));
    expect(png.readUInt32BE(16)).toBe(128); // IHDR width
    expect(png.readUInt32BE(20)).toBe(128); // IHDR height
  });

  it('puts every command under the Scenario category with a palette condition', () => {
    const palette = new Map(pkg.contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    for (const c of pkg.contributes.commands) {
      expect(c.category).toBe('Scenario');
      // The track record is of the workspace (or a folder), not of the file in the editor.
      if (c.command === 'scenario.showTrackRecord') expect(palette.get(c.command)).toBe('workbenchState != empty');
      // A model is drafted from any text in an editor (Markdown, plain text, anything).
      else if (c.command === 'scenario.draftModelFromText') expect(palette.get(c.command)).toBe('editorIsOpen');
      else if (c.command !== 'scenario.restartServer') expect(palette.get(c.command)).toMatch(/editorLangId == scenario/);
    }
  });

  it('declares every command the extension registers, and registers every one it declares', () => {
    const registered = namesIn(['client/src'], /registerCommand\(\s*['"`]([^'"`]+)['"`]/g);
    expect([...registered].sort()).toEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort());
  });

  it('declares every scenario.* name the code uses: commands (also those the server sends), settings, the preview', () => {
    const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const settings = Object.keys(pkg.contributes.configuration.properties);
    const panels = (pkg.activationEvents as string[]).filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
    const declared = (name: string) =>
      commands.has(name) || panels.includes(name) || settings.some((key) => key === name || key.startsWith(`${name}.`));
    const used = namesIn(['client/src', 'client/webview', 'server/src', 'common'], /['"`](scenario\.[A-Za-z][\w.]*)['"`]/g);
    expect(used.has('scenario.showPreviewToSide')).toBe(true); // the code lens's command, at least
    expect([...used].filter((name) => !declared(name))).toEqual([]);
    // The names the server puts in a command (code lenses) are commands, not settings.
    const sent = namesIn(['server/src'], /(?:command:\s*|_COMMAND\s*=\s*)['"`](scenario\.[^'"`]+)['"`]/g);
    expect(sent.size).toBeGreaterThan(0);
    for (const name of sent) expect(commands.has(name), name).toBe(true);
  });

  it('binds ctrl+shift+v and ctrl+k v in scenario editors', () => {
    const keys = Object.fromEntries(pkg.contributes.keybindings.map((k: { command: string; key: string; when: string }) => [k.command, k]));
    expect(keys['scenario.showPreview']).toMatchObject({ key: 'ctrl+shift+v', mac: 'cmd+shift+v', when: 'editorLangId == scenario' });
    expect(keys['scenario.showPreviewToSide']).toMatchObject({ key: 'ctrl+k v', when: 'editorLangId == scenario' });
    const button = pkg.contributes.menus['editor/title'].find((m: { command: string }) => m.command === 'scenario.showPreviewToSide');
    expect(button).toMatchObject({ group: 'navigation', when: 'editorLangId == scenario' });
  });

  it('describes every setting, with bounds on every number', () => {
    const props = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(expect.arrayContaining([
      'scenario.trace.server', 'scenario.forecast.samples', 'scenario.forecast.timeBudgetMs',
      'scenario.forecast.memoryLimitMb', 'scenario.preview.throttleMs', 'scenario.inlayHints.enabled', 'scenario.inlayHints.position',
    ]));
    for (const [key, p] of Object.entries(props)) {
      expect(key).toMatch(/^scenario\./);
      expect(String(p.markdownDescription ?? '').length, key).toBeGreaterThan(20);
      const types = ([] as unknown[]).concat(p.type);
      if (types.includes('integer')) {
        expect(typeof p.minimum, key).toBe('number');
        expect(typeof p.maximum, key).toBe('number');
        if (typeof p.default === 'number') expect(p.default >= (p.minimum as number) && p.default <= (p.maximum as number), key).toBe(true);
      }
    }
    expect(props['scenario.trace.server']!.enum).toEqual(['off', 'messages', 'verbose']);
    expect(props['scenario.forecast.samples']).toMatchObject({ default: null, minimum: 1000, maximum: 1000000 });
    // the server reads the hint position with the choices and default it declares (session/settings.ts)
    expect(props['scenario.inlayHints.position']).toMatchObject({ enum: [...HINT_POSITIONS], default: DEFAULT_VIEW_SETTINGS.hintPosition });
    expect(props['scenario.inlayHints.position']!.enumDescriptions).toHaveLength(HINT_POSITIONS.length);
    // the server reads as many globs as the setting declares, with its default
    expect(props['scenario.prose.files']).toMatchObject({ type: 'array', items: { type: 'string' }, default: DEFAULT_PROSE_SETTINGS.files, maxItems: PROSE_GLOB_LIMITS.count });
  });

  it('declares trust and keeps the preview restorable', () => {
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(pkg.capabilities.virtualWorkspaces).toBeDefined();
    expect(pkg.activationEvents).toContain('onWebviewPanel:scenario.preview');
  });
});

describe('TextMate grammar', () => {
  it.each([
    ['// a comment', 'comment.line.double-slash.scenario'],
    ['factor crisis "x" {', 'storage.type.$1.scenario'],
    ['"Khan \\"released\\""', 'string.quoted.double.scenario'],
    ['almost certain', 'constant.language.phrase.scenario'],
    ['roughly   even odds', 'constant.language.phrase.scenario'],
    ['very likely', 'constant.language.phrase.scenario'],
    ['moderately', 'constant.language.strength.scenario'],
    ['x5..12', 'constant.numeric.multiplier.scenario'],
    ['x2.5', 'constant.numeric.multiplier.scenario'],
    ['55%..75%', 'constant.numeric.percentage.scenario'],
    ['2025-01-20 to', 'constant.numeric.date.scenario'],
    ['0.10', 'constant.numeric.scenario'],
    ['raises', 'keyword.operator.word.$1.scenario'],
    ['probability 10%', 'keyword.other.$1.scenario'],
    ['given not attack', 'keyword.other.given.scenario'],
    ['may', 'invalid.illegal.hedge.scenario'],
    ['khan_popular raises', 'variable.other.name.scenario'],
    ['likely_ally', 'variable.other.name.scenario'],
  ])('%s → %s', (text, scope) => {
    expect(scopeAt(text)).toBe(scope);
  });

  it('captures the declared name', () => {
    const rule = grammar.repository.declaration.patterns[0];
    const m = new RegExp(rule.match, 'u').exec('outcome democracy_push "x" {');
    expect(m?.[2]).toBe('democracy_push');
    expect(rule.captures['2'].name).toBe('entity.name.type.$1.scenario');
  });

  it('recognises escapes in strings', () => {
    const escape = new RegExp(grammar.repository.string.patterns[0].match, 'u');
    expect(escape.exec('a \\" b')?.[0]).toBe('\\"');
    expect(escape.exec('a \\\\ b')?.[0]).toBe('\\\\');
  });
});

describe('language configuration', () => {
  const config = json('client/language-configuration.json');

  it('has // comments, braces, auto-closing quotes and folding markers', () => {
    expect(config.comments.lineComment).toBe('//');
    expect(config.brackets).toEqual([['{', '}']]);
    expect(config.autoClosingPairs).toEqual(expect.arrayContaining([expect.objectContaining({ open: '"', close: '"' })]));
    expect(new RegExp(config.folding.markers.start).test('  // #region drivers')).toBe(true);
    expect(new RegExp(config.folding.markers.end).test('// #endregion')).toBe(true);
  });

  it('treats names, percentages and multipliers as words', () => {
    const word = new RegExp(config.wordPattern.pattern, `g${config.wordPattern.flags}`);
    expect('khan_popular raises x2.5 55%..75% Ünal_2'.match(word)).toEqual(['khan_popular', 'raises', 'x2.5', '55%', '75%', 'Ünal_2']);
  });

  it('indents after an opening brace, not after one inside a string', () => {
    const inc = new RegExp(config.indentationRules.increaseIndentPattern);
    expect(inc.test('factor a "x" {')).toBe(true);
    expect(inc.test('factor a "{"')).toBe(false);
    expect(new RegExp(config.indentationRules.decreaseIndentPattern).test('  }')).toBe(true);
  });
});

describe('snippets', () => {
  it('come from the language server alone, so VS Code lists each declaration once', () => {
    expect(pkg.contributes.snippets).toBeUndefined();
    expect(existsSync(new URL('client/snippets', root))).toBe(false);
  });
});

describe('.vscodeignore', () => {
  it('excludes everything but the bundles and static files', () => {
    const lines = readFileSync(new URL('.vscodeignore', root), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('**');
    for (const l of lines.slice(1)) expect(l.startsWith('!'), l).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['!dist/extension.js', '!dist/server.js', '!dist/forecastWorker.js', '!LICENSE']));
  });
});

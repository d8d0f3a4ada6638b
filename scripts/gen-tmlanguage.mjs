// Writes the TextMate grammar (client/syntaxes/scenario.tmLanguage.json) and the wordPattern of
// client/language-configuration.json from the vocabulary (server/src/syntax/vocabulary/textmate.ts).
// tests/syntax/vocabulary.test.ts fails when the committed files differ from what this writes.
//
//   npm run gen:tmlanguage          write both files
//   npm run gen:tmlanguage -- --check   only report whether they are up to date (exit 1 if not)
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const check = process.argv.includes('--check');

// The generator is TypeScript: bundle it in memory and load it as a module.
const bundle = await esbuild.build({
  entryPoints: [new URL('server/src/syntax/vocabulary/textmate.ts', root).pathname],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const source = bundle.outputFiles[0].text;
const generator = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const grammarPath = new URL('client/syntaxes/scenario.tmLanguage.json', root);
const configPath = new URL('client/language-configuration.json', root);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
config.wordPattern = generator.wordPattern();

const outputs = [
  [grammarPath, generator.jsonText(generator.textMateGrammar())],
  [configPath, generator.jsonText(config)],
];
let stale = 0;
for (const [path, text] of outputs) {
  const name = path.pathname.slice(root.pathname.length);
  if (readFileSync(path, 'utf8') === text) continue;
  stale++;
  if (check) console.error(`${name} is not what the vocabulary gives: run npm run gen:tmlanguage`);
  else {
    writeFileSync(path, text);
    console.log(`wrote ${name}`);
  }
}
if (check && stale > 0) process.exit(1);

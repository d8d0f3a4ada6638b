// The esbuild plugins of the bundles (esbuild.mjs), shared with the tests that bundle the CLI from
// the current source (tests/cli/bundle.ts), so those run what users run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { recipeOfSource } from '../grammar/recipe.mjs';
import { watModule } from './wat.mjs';

// grammar/*.ohm becomes ohm's recipe of the grammar (grammar/recipe.mjs), compiled here once
// per build instead of at every start: `ohm.makeRecipe` builds it in a few milliseconds, where
// compiling the source at run time cost the CLI 100-500 ms. The .ohm file stays the only source.
const recipes = new Map();
export const ohmRecipe = {
  name: 'ohm-recipe',
  setup(build) {
    build.onLoad({ filter: /\.ohm$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      try {
        if (!recipes.has(source)) recipes.set(source, recipeOfSource(source));
      } catch (error) {
        return { errors: [{ text: `${args.path}: ${error.message}` }], watchFiles: [args.path] };
      }
      return { contents: `export default ${recipes.get(source)};\n`, loader: 'js', watchFiles: [args.path] };
    });
  },
};

// *.wat (the engine's WebAssembly loops) becomes its binary, assembled here (scripts/wat.mjs).
export const watBinary = {
  name: 'wat-binary',
  setup(build) {
    build.onLoad({ filter: /\.wat$/ }, async (args) => {
      try {
        return { contents: await watModule(readFileSync(args.path, 'utf8'), args.path), loader: 'js', watchFiles: [args.path] };
      } catch (error) {
        return { errors: [{ text: `${args.path}: ${error.message}` }], watchFiles: [args.path] };
      }
    });
  },
};

// Node's child_process and crypto cost a start 5-10 ms to load (they pull in net, dgram, streams
// and every cipher), and most runs use neither: `scenario check` and `forecast` never do (commander
// requires child_process for subcommands run as programs, history/ for git and hashing). In the
// node bundles they are loaded on first call: each of their functions is imported from a module
// that requires the real one when it is first called. Only functions are forwarded (a class or a
// constant imported from them is a build error), each called as the module's own.
// tests/cli/startup.test.ts checks what `scenario check` loads.
//
// os (which Node has not loaded: the history cache asks it for the home folder) is lazy too.
// fs and path, which Node has loaded before the bundle runs, go through the same kind of
// module when our own sources import them, for another reason: esbuild turns each
// `import * as fs from 'node:fs'` of a CommonJS module into a copy of the whole module made of
// getters (__toESM), one per importing file (about twenty), and every call then goes through a
// getter. From an ES module of forwarders there is no copy and a call is direct (with ohmLazyLoad
// below, the 60-variable benchmark's forecast 173 -> 166 ms, side by side). Their classes
// (capitalised) and constants are exported as they are; getters (fs.promises) are left out.
// Functions are forwarded, not copied, so a function replaced on the real module later
// (bin/codeCache.js silences fs.writeSync) is the one called.
const LAZY_BUILTINS = ['child_process', 'crypto', 'os'];
const FORWARDED_BUILTINS = ['fs', 'path'];
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const lazy = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter: lazy }, (args) => (args.namespace === 'lazy-builtin' ? undefined
      : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    // Only `import` statements of our own files: a require() in a dependency keeps the real module.
    const forwarded = new RegExp(`^(node:)?(${FORWARDED_BUILTINS.join('|')})$`);
    build.onResolve({ filter: forwarded }, (args) => (args.namespace === 'lazy-builtin' || args.kind !== 'import-statement'
      || /[\\/]node_modules[\\/]/.test(args.importer) ? undefined
      : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const real = createRequire(import.meta.url)(`node:${args.path}`);
      const eager = FORWARDED_BUILTINS.includes(args.path);
      const lines = ['let real;', `const load = () => (real ??= require('node:${args.path}'));`];
      for (const k of Object.keys(real)) {
        const property = Object.getOwnPropertyDescriptor(real, k);
        if (!/^[A-Za-z]\w*$/.test(k) || !property || !('value' in property)) continue;
        if (typeof property.value === 'function' && /^[a-z]/.test(k)) {
          lines.push(`export function ${k}(...args) { return load().${k}(...args); }`);
        } else if (eager) {
          lines.push(`export const ${k} = load().${k};`);
        }
      }
      if (eager) lines.push('export default load();');
      return { contents: `${lines.join('\n')}\n`, loader: 'js' };
    });
  },
};

// ohm builds a regular expression for each of 33 Unicode categories and properties when it loads
// (each `\p{…}` pattern is read into its character ranges there and then: 2-3 ms of a start); a
// grammar uses a few (ours: the letters). Here each is built when first read.
//
// ohm also builds, when it loads, two grammars of its own that only compiling grammar source
// (ohm.grammar) and semantics operations with arguments need: ohm's grammar of .ohm files and
// the grammar of operation signatures, with its semantics. The bundles build grammars from
// recipes and define no such operation, so here both are built when first used: each module's
// default export is a stand-in that builds the grammar at its first property read, and the
// signature parser is made when ohm's Semantics first asks for it.
//
// Each patch fails the build if ohm's file no longer reads as expected.
const EAGER_CATEGORIES = '.map(cat => [cat, toRegExp(cat)])';
const EAGER_PROPERTIES = ".map(prop => [prop, toRegExp(prop)])";
const RECIPE_MODULE = "import {makeRecipe} from '../src/main-kernel.js';\nexport default makeRecipe(";
const PROTOTYPE_PARSER = 'initPrototypeParser(operationsAndAttributesGrammar); // requires BuiltInSemantics';
const notPatched = (path) => ({ errors: [{ text: `${path}: not the ohm-js file this plugin patches (scripts/esbuildPlugins.mjs)` }] });
export const ohmLazyLoad = {
  name: 'ohm-lazy-load',
  setup(build) {
    build.onLoad({ filter: /[\\/]ohm-js[\\/]src[\\/]unicode\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split('Object.fromEntries(').length !== 3 || !source.includes(EAGER_CATEGORIES) || !source.includes(EAGER_PROPERTIES)) {
        return notPatched(args.path);
      }
      const lazy = [
        'const lazyRegExps = (names) => {',
        '  const table = {};',
        '  for (const name of names) {',
        '    Object.defineProperty(table, name, {',
        '      configurable: true, enumerable: true,',
        '      get() { const value = toRegExp(name); Object.defineProperty(table, name, { value, writable: true, enumerable: true, configurable: true }); return value; },',
        '      set(value) { Object.defineProperty(table, name, { value, writable: true, enumerable: true, configurable: true }); },',
        '    });',
        '  }',
        '  return table;',
        '};',
        '',
      ].join('\n');
      const contents = lazy + source.replaceAll('Object.fromEntries(', 'lazyRegExps(')
        .replace(EAGER_CATEGORIES, '').replace(EAGER_PROPERTIES, '');
      return { contents, loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]ohm-js[\\/]dist[\\/](ohm-grammar|operations-and-attributes)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.startsWith(RECIPE_MODULE) || !source.trimEnd().endsWith(');')) return notPatched(args.path);
      const recipe = source.slice(RECIPE_MODULE.length, source.trimEnd().length - 2);
      const contents = [
        "import {makeRecipe} from '../src/main-kernel.js';",
        'let grammar;',
        `const built = () => (grammar ??= makeRecipe(${recipe}));`,
        'export default new Proxy({}, {',
        '  get(_, key) { const g = built(); const value = g[key]; return typeof value === "function" ? value.bind(g) : value; },',
        '  has(_, key) { return key in built(); },',
        '  getPrototypeOf() { return Object.getPrototypeOf(built()); },',
        '});',
        '',
      ].join('\n');
      return { contents, loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]ohm-js[\\/]src[\\/]semanticsDeferredInit\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split(PROTOTYPE_PARSER).length !== 2) return notPatched(args.path);
      const lazy = [
        '// The signature parser, made when Semantics first reads it (scripts/esbuildPlugins.mjs).',
        'for (const key of ["prototypeGrammar", "prototypeGrammarSemantics"]) {',
        '  Object.defineProperty(Semantics, key, {',
        '    configurable: true,',
        '    get() {',
        '      delete Semantics.prototypeGrammar;',
        '      delete Semantics.prototypeGrammarSemantics;',
        '      initPrototypeParser(operationsAndAttributesGrammar);',
        '      return Semantics[key];',
        '    },',
        '  });',
        '}',
      ].join('\n');
      return { contents: source.replace(PROTOTYPE_PARSER, lazy), loader: 'js' };
    });
  },
};

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
const LAZY_BUILTINS = ['child_process', 'crypto'];
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? undefined
      : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const real = createRequire(import.meta.url)(`node:${args.path}`);
      const names = Object.keys(real).filter((k) => /^[a-z]\w*$/.test(k) && typeof real[k] === 'function');
      const contents = [
        'let real;',
        `const load = () => (real ??= require('node:${args.path}'));`,
        ...names.map((k) => `export function ${k}(...args) { return load().${k}(...args); }`),
        '',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

// ohm builds a regular expression for each of 33 Unicode categories and properties when it loads
// (each `\p{…}` pattern is read into its character ranges there and then: 2-3 ms of a start); a
// grammar uses a few (ours: the letters). Here each is built when first read. The patch fails the
// build if ohm's unicode.js no longer reads as expected.
const EAGER_CATEGORIES = '.map(cat => [cat, toRegExp(cat)])';
const EAGER_PROPERTIES = ".map(prop => [prop, toRegExp(prop)])";
export const ohmLazyUnicode = {
  name: 'ohm-lazy-unicode',
  setup(build) {
    build.onLoad({ filter: /[\\/]ohm-js[\\/]src[\\/]unicode\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split('Object.fromEntries(').length !== 3 || !source.includes(EAGER_CATEGORIES) || !source.includes(EAGER_PROPERTIES)) {
        return { errors: [{ text: `${args.path}: not the unicode.js this plugin patches (scripts/esbuildPlugins.mjs)` }] };
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
  },
};

// `npm run fuzz`: bundles the campaign (fuzz/main.ts and what it imports: the server's core and
// the tests' protocol harness) with esbuild, as the benches do, and runs it with the garbage
// collector exposed (the campaign measures what it retains). Arguments go to fuzz/main.ts.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recipeOfSource } from '../grammar/recipe.mjs';
import { watBinary } from '../scripts/esbuildPlugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'scenario-fuzz');
mkdirSync(out, { recursive: true });

const plugin = {
  name: 'fuzz-sources',
  setup(b) {
    // grammar/*.ohm as ohm's recipe, as esbuild.mjs bundles it.
    b.onLoad({ filter: /\.ohm$/ }, (args) => ({
      contents: `export default ${recipeOfSource(readFileSync(args.path, 'utf8'))};\n`,
      loader: 'js',
    }));
    // One bundle, many modules: each keeps its own import.meta.url (the fixtures are read relative to it).
    b.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const contents = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

await build({
  entryPoints: [join(root, 'fuzz', 'main.ts')],
  outfile: join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  external: ['esbuild'],
  plugins: [watBinary, plugin],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

const run = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', join(out, 'main.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);

// The `scenario` command: `check FILE…`, `forecast FILE`, `report FILE`, `diff OLD NEW`,
// `history FILE`, `score PATH…` and `draft TEXT_FILE` on the same core as the language server. Exit codes: 0 fine, 1 a file has
// errors, 2 a usage error or an unreadable file (or, for diff and history, a git question with no
// answer: outside a repository, a shallow clone, a revision that does not exist).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCheck } from './cli/check';
import { ROOT_NAME } from './cli/imports';
import type { ImportRoot } from './model/imports/host';
import { DIFF_FORMATS, type DiffFormat, runDiff } from './cli/diff';
import { HISTORY_FORMATS, type HistoryFormat, runHistory } from './cli/history';
import { runTextconv } from './cli/textconv';
import { runDraft } from './cli/draft';
import { runScore, SCORE_FORMATS, type ScoreFormat } from './cli/score';
import { defaultCacheFolder, DiskVersionStore, programDigest, VersionCache } from './history/cache';
import { FORECAST_FORMATS, type ForecastFormat, runForecast } from './cli/forecast';
import { REPORT_DOCUMENT_FORMATS, type ReportDocumentFormat, runReport } from './cli/report';
import { forecast } from './engine/forecast';
import type { ResolvedModel } from './model/types';
import { SAMPLES_MAX, SAMPLES_MIN } from './model/values';
import { formatCount, formatElapsed } from '../../common/text/numbers';
import { type ForecastProgress, progressText } from '../../common/progress';
import { describeError } from './util/errors';
import { allWritten, writeOut } from './cli/output';
import { keepNoChunks } from './syntax/chunk';

function wholeNumber(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from ${formatCount(min)} to ${formatCount(max)}.`);
    }
    return n;
  };
}

/** --root: the folder imports stay inside, the same for every command that reads a model's imports. */
function withImportRoot(command: Command): Command {
  return command.option('--root <folder>', 'the folder imports must stay inside (default: the current directory)');
}

/** --root as the history layer takes it: a version at a revision reads its imports from that revision, inside this folder. */
function importRoot(root: string | undefined): ImportRoot {
  return { path: root ?? '.', name: ROOT_NAME };
}

function useColor(): boolean {
  return process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
}

function emit(result: Answer): void {
  writeOut('stdout', result.output);
  writeOut('stderr', result.errorOutput);
  process.exitCode = result.exitCode;
}

type Answer = { output: string; errorOutput: string; exitCode: number };

/**
 * Runs a command that works synchronously and reads each file once (check, forecast, report,
 * draft): the parser keeps no cache of declarations for it (syntax/chunk.ts keepNoChunks), a
 * forecast running long shows how far it has got on a terminal, and the process ends as soon as
 * the answer is all written: what would follow is Node's event loop running what V8 left for it
 * (a garbage collection, compile jobs) and Node freeing the heap, about 8 ms of a forecast for
 * nothing. Output that had to wait in Node's stream (a full non-blocking pipe) ends the process as usual.
 */
function answer(run: (progress: (p: ForecastProgress) => void) => Answer): void {
  keepNoChunks();
  const terminal = terminalProgress();
  const result = run(terminal.progress);
  terminal.clear();
  emit(result);
  if (allWritten()) process.exit(result.exitCode);
}

/** The same for a command that waits on git: a failure that escapes it is still one line and exit 2. */
function emitLater(command: string, result: Promise<Answer>): void {
  result.then(emit, (error: unknown) => {
    writeOut('stderr', `scenario ${command}: ${describeError(error)}\n`);
    process.exitCode = 2;
  });
}

/** The history's cache of forecasts by blob id: in memory, and on disk unless --no-cache. */
function historyCache(disk: boolean): VersionCache {
  const digest = disk ? programDigest(typeof __filename === 'string' ? __filename : undefined) : null;
  return new VersionCache(digest ? new DiskVersionStore(defaultCacheFolder(), digest) : null);
}

/** --samples, --seed and --no-timing: how a forecast is run, the same for every command that makes one. */
function withRunSettings(command: Command): Command {
  return command
    .option('--samples <n>', `samples (${SAMPLES_MIN}..${SAMPLES_MAX}), instead of the file's`,
      wholeNumber(SAMPLES_MIN, SAMPLES_MAX, '--samples'))
    .option('--seed <n>', "random seed, instead of the file's", wholeNumber(0, Number.MAX_SAFE_INTEGER, '--seed'))
    .option('--no-timing', 'leave out the time taken (reproducible, byte-identical output)');
}

/** --time-limit: for the commands that make one forecast of a file. */
function withTimeLimit(command: Command): Command {
  return command.option('--time-limit <seconds>', 'stop a forecast that runs longer than this, saying what it was computing',
    wholeNumber(1, 86_400, '--time-limit'));
}

/**
 * How far a long forecast has got, on stderr while it runs, when stderr is a terminal: one line
 * rewritten in place, cleared before the output. Whether it is a terminal is asked at the first
 * report of progress, which a short forecast never makes (see cli/output.ts).
 */
function terminalProgress(): { progress: (p: ForecastProgress) => void; clear(): void } {
  let shown = false;
  return {
    progress: (p) => {
      if (!process.stderr.isTTY) return;
      shown = true;
      writeOut('stderr', `\rscenario: computing ${progressText(p)}, ${formatElapsed(p.elapsedMs)} so far\x1b[K`);
    },
    clear: () => {
      if (shown) writeOut('stderr', '\r\x1b[K');
    },
  };
}

export function buildProgram(): Command {
  const program = new Command('scenario')
    .description('Check and forecast .scenario models.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  withImportRoot(program.command('check')
    .description('Print every diagnostic as FILE:LINE:COL: SEVERITY CODE: message; exit 1 on errors. '
      + 'Every file read is reported once: those given (folders recursively), then the files they import.')
    .argument('<files...>', '.scenario files or folders, or drafts in prose (.md, .txt) checked against the model they name')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')))
    .action((files: string[], opts: { format: 'text' | 'json'; root?: string }) => {
      // `judgment` and `observe-impossible` need a forecast: of the part of each file that has no
      // errors. They read the baseline's probabilities and the P(E) of the alternatives that
      // observe, which do not depend on the other alternatives or the worlds: leaving those out
      // halves the check of the op-ed sample.
      const checked = (model: ResolvedModel): ResolvedModel =>
        ({ ...model, alternatives: model.alternatives.filter((a) => a.changes.some((c) => c.kind === 'observe')) });
      answer(() => runCheck(files, opts.format, undefined, (model) => forecast(checked(model), { maxWorlds: 0, bandMethod: 'none' }), undefined,
        { root: opts.root }));
    });
  withTimeLimit(withImportRoot(withRunSettings(program.command('forecast')
    .description('Forecast every outcome (probability, band, phrase, judged call, top drivers).')
    .argument('<file>', 'a .scenario file')
    .addOption(new Option('--format <format>', 'output format').choices([...FORECAST_FORMATS]).default('text')))))
    .action((file: string, opts: { format: ForecastFormat; samples?: number; seed?: number; timing: boolean; root?: string; timeLimit?: number }) => {
      answer((progress) => runForecast(file, {
        format: opts.format, samples: opts.samples, seed: opts.seed, timing: opts.timing, color: opts.format === 'text' && useColor(), root: opts.root,
        control: { timeLimitSeconds: opts.timeLimit, progress },
      }));
    });
  withTimeLimit(withImportRoot(withRunSettings(program.command('report')
    .description('The whole forecast as one document (self-contained HTML, or the Markdown of forecast --format markdown).')
    .argument('<file>', 'a .scenario file')
    .option('-o, --output <out>', 'write the document to this file instead of stdout')
    .addOption(new Option('--format <format>', 'document format').choices([...REPORT_DOCUMENT_FORMATS]).default('html')))))
    .action((file: string, opts: { output?: string; format: ReportDocumentFormat; samples?: number; seed?: number; timing: boolean; root?: string; timeLimit?: number }) => {
      answer((progress) => runReport(file, {
        format: opts.format, output: opts.output, samples: opts.samples, seed: opts.seed, timing: opts.timing, root: opts.root,
        control: { timeLimitSeconds: opts.timeLimit, progress },
      }));
    });
  withImportRoot(withRunSettings(program.command('diff')
    .description('What changed between two versions and why: each outcome\'s delta split among the changes (Shapley values). '
      + 'OLD and NEW are paths or PATH@REV (any git revision); one FILE compares FILE@HEAD with the file.')
    .argument('<versions...>', 'FILE, or OLD NEW')
    .addOption(new Option('--format <format>', 'output format').choices([...DIFF_FORMATS]).default('text'))))
    .action((versions: string[], opts: { format: DiffFormat; samples?: number; seed?: number; timing: boolean; root?: string }) => {
      emitLater('diff', runDiff(versions, { format: opts.format, samples: opts.samples, seed: opts.seed, timing: opts.timing, root: importRoot(opts.root) }));
    });
  withImportRoot(withRunSettings(program.command('history')
    .description('The forecast of every committed version of FILE (git), oldest first, and of the working copy when it differs.')
    .argument('<file>', 'a .scenario file in a git repository')
    .option('--max <n>', 'most versions, the newest (default 200)', wholeNumber(1, 100_000, '--max'))
    .option('--no-cache', 'do not read or write the on-disk cache of forecasts by blob id')
    .addOption(new Option('--format <format>', 'output format').choices([...HISTORY_FORMATS]).default('text'))))
    .action((file: string, opts: { format: HistoryFormat; max?: number; samples?: number; seed?: number; timing: boolean; cache: boolean; root?: string }) => {
      emitLater('history', runHistory(file, {
        format: opts.format, max: opts.max, samples: opts.samples, seed: opts.seed, timing: opts.timing, cache: historyCache(opts.cache),
        root: importRoot(opts.root),
      }));
    });
  withImportRoot(program.command('score')
    .description('The track record of every resolved factor, event and outcome in the files and folders (recursively): '
      + 'each scored on its forecast of record (the file\'s last commit before the day it resolved), with calibration by ICD 203 phrase '
      + 'and the model against the analyst\'s judged calls.')
    .argument('<paths...>', '.scenario files or folders')
    .option('--samples <n>', `samples (${SAMPLES_MIN}..${SAMPLES_MAX}), instead of each file's`, wholeNumber(SAMPLES_MIN, SAMPLES_MAX, '--samples'))
    .option('--seed <n>', "random seed, instead of each file's", wholeNumber(0, Number.MAX_SAFE_INTEGER, '--seed'))
    .option('--no-cache', 'do not read or write the on-disk cache of forecasts by blob id')
    .addOption(new Option('--format <format>', 'output format').choices([...SCORE_FORMATS]).default('text')))
    .action((paths: string[], opts: { format: ScoreFormat; samples?: number; seed?: number; cache: boolean; root?: string }) => {
      emitLater('score', runScore(paths, {
        format: opts.format, samples: opts.samples, seed: opts.seed, cache: historyCache(opts.cache), root: importRoot(opts.root),
      }));
    });
  program.command('draft')
    .description('A first model from prose: one outcome per estimative sentence, factors for the drivers it enumerates; placeholders marked TODO.')
    .argument('<text-file>', 'a text or Markdown file')
    .option('-o, --output <out>', 'write the draft to this file instead of stdout')
    .action((file: string, opts: { output?: string }) => answer(() => runDraft(file, opts)));
  withImportRoot(program.command('textconv')
    .description('The file, then its forecast as comment lines: a git textconv driver, so git diff and git log -p show the numbers that moved.')
    .argument('<file>', 'a .scenario file (git passes a temporary copy)'))
    .action((file: string, opts: { root?: string }) => emitLater('textconv', runTextconv(file, { root: importRoot(opts.root) })));
  return program;
}

export function main(argv: string[]): void {
  try {
    buildProgram().parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    writeOut('stderr', `scenario: ${describeError(error)}\n`);
    process.exitCode = 2;
  }
}

main(process.argv.slice(2));

/** What `relief batch <inputs...>` does: wiring only; the batch lives in src/batch. */
import { basename } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { todayEpochDay } from '../case/dates.js';
import { loadRulePacks } from '../packs/load.js';
import { AtomicFile } from '../files/atomic.js';
import { OutputPathError, isStandardOutput } from '../files/output-path.js';
import { preparePrivateFolder } from '../files/private-folder.js';
import { removeStaleTemporaries, stopSignalForWorkers } from '../files/temporary.js';
import { echo } from '../text/inert.js';
import { runBatch, type BatchSinks } from '../batch/run.js';
import { EXIT, ExitWith } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { BatchOptions } from './batch-command.js';
import { checkProgramIds } from './options.js';
import { BatchProgress } from './batch-progress.js';

/** An output place that cannot be written is a usage error, found before any case is screened. */
function unwritable(option: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof OutputPathError ? new InvalidArgumentError(`${option} ${error.message}`) : error;
  };
}

/** Names that say "a data file": a reports folder named so is surely a mistaken -o/--output. */
const DATA_EXTENSION = /\.(?:csv|tsv|ndjson|jsonl|json|ya?ml|txt|xlsx?|ods)$/i;

/** --reports: a folder, never named like a data file, created owner-only before any case is screened. */
async function reportsFolder(path: string, warn: (text: string) => void): Promise<string> {
  if (DATA_EXTENSION.test(basename(path))) {
    throw new InvalidArgumentError(`--reports ${echo(path)} is named like a data file: --reports names a folder for one readable report per case; to write the data to a file use -o/--output FILE`);
  }
  const folder = await preparePrivateFolder(path).catch(unwritable('--reports'));
  if (folder.mode & 0o077) {
    warn(`relief: warning: the reports folder ${echo(path)} can be read by others (mode ${folder.mode.toString(8).padStart(4, '0')}) and its file names hold case ids; it is left as it is (chmod 700 ${echo(path)} makes it private). The reports themselves are readable only by you.\n`);
  }
  return path;
}

export async function batch(io: CliIO, inputs: string[], options: BatchOptions): Promise<void> {
  const rulePacks = await loadRulePacks(options.rules);
  checkProgramIds(rulePacks, options.program);
  const toFile = options.output !== undefined && !isStandardOutput(options.output);
  const output = toFile ? await AtomicFile.create(options.output!).catch(unwritable('--output')) : undefined;
  let reports;
  try {
    reports = options.reports ? { path: await reportsFolder(options.reports, io.stderr), stopSignal: stopSignalForWorkers() } : undefined;
  } catch (error) {
    await output?.abort();
    throw error;
  }
  const drained = io.stdoutDrained ?? (async () => undefined);
  const bar = io.stderrTerminal && !options.quiet ? new BatchProgress(io.stderrTerminal, inputs) : undefined;
  const sinks: BatchSinks = {
    write: output ? (text) => output.write(text) : async (text) => {
      io.stdout(text);
      await drained();
    },
    ...(bar ? { progress: (tally) => bar.update(tally.total, tally.errors) } : {}),
  };
  let tally;
  try {
    tally = await runBatch(
      rulePacks,
      {
        inputs,
        format: options.format,
        jobs: options.jobs,
        rulesDir: options.rules,
        triageLimit: options.triage,
        inputOptions: { dateOrder: options.dateOrder },
        caseOptions: {
          today: todayEpochDay(io.now()),
          producedAt: io.now(),
          ...(options.asOf ? { asOf: options.asOf } : {}),
          ...(options.program ? { programs: options.program } : {}),
          ...(reports ? { reports } : {}),
          engine: options.engine,
          settle: options.settle,
        },
      },
      sinks,
    );
    await output?.commit();
  } catch (error) {
    await output?.abort();
    // The worker threads are stopped by now: a report one of them was writing is an orphan.
    if (reports) await removeStaleTemporaries(reports.path, { includingThisProcess: true });
    throw error;
  } finally {
    bar?.stop();
  }
  io.stderr(tally.render());
  if (tally.errors > 0) throw new ExitWith(EXIT.batchHadErrors);
}

/** `relief batch <inputs...>`: wiring only; the batch lives in src/batch. */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { todayEpochDay } from '../case/dates.js';
import { loadRulePacks, DEFAULT_RULES_DIR } from '../packs/load.js';
import { AtomicFile } from '../files/atomic.js';
import { runBatch, type BatchSinks } from '../batch/run.js';
import type { DataFormat } from '../batch/formats.js';
import { EXIT, ExitWith } from './exit-codes.js';
import type { CliIO } from './io.js';
import { checkProgramIds, screeningDateOption } from './options.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return n;
}

function countOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
}

/** An output place that cannot be written is a usage error, found before any case is screened. */
function unwritable(option: string, path: string, error: unknown): never {
  throw new InvalidArgumentError(`${option} ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

interface BatchOptions {
  format: DataFormat;
  output?: string;
  out?: string;
  asOf?: string;
  program?: string[];
  jobs: number;
  triage: number;
  quiet?: boolean;
  rules: string;
}

export function batchCommand(io: CliIO): Command {
  return new Command('batch')
    .description('screen many cases: case files, folders of them, NDJSON files (one case per line) and CSV rosters (one case per row)')
    .argument('<inputs...>', 'case files (.json .yaml .yml), folders, NDJSON files (.ndjson .jsonl), CSV rosters (.csv)')
    .addOption(new Option('-f, --format <format>', 'data format, one record per case').choices(['ndjson', 'csv']).default('ndjson'))
    .option('-o, --output <file>', 'write the data to this file (atomically) instead of stdout')
    .option('--out <dir>', 'also write one readable report per case into this folder')
    .option('--as-of <date>', "screening date YYYY-MM-DD for every case (default: each case's screeningDate, else today)", screeningDateOption)
    .option('--program <ids...>', 'screen only these programs')
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(positiveInteger).default(availableParallelism(), 'the number of cores'))
    .option('--triage <n>', 'cases to list per triage group in the summary', countOption, 20)
    .option('-q, --quiet', 'no progress bar')
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (inputs: string[], options: BatchOptions) => {
      const rulePacks = await loadRulePacks(options.rules);
      checkProgramIds(rulePacks, options.program);
      if (options.out) await mkdir(options.out, { recursive: true }).catch((error: unknown) => unwritable('--out', options.out!, error));
      const output = options.output ? await AtomicFile.create(options.output).catch((error: unknown) => unwritable('--output', options.output!, error)) : undefined;
      const drained = io.stdoutDrained ?? (async () => undefined);
      const bar = io.stderrTerminal && !options.quiet
        ? new cliProgress.SingleBar({ stream: io.stderrTerminal, format: 'screening: {value} cases, {errors} not screened', clearOnComplete: true, hideCursor: true })
        : undefined;
      bar?.start(0, 0, { errors: 0 });
      const sinks: BatchSinks = {
        write: output ? (text) => output.write(text) : async (text) => {
          io.stdout(text);
          await drained();
        },
        ...(bar ? { progress: (tally) => bar.update(tally.total, { errors: tally.errors }) } : {}),
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
            caseOptions: {
              today: todayEpochDay(io.now()),
              ...(options.asOf ? { asOf: options.asOf } : {}),
              ...(options.program ? { programs: options.program } : {}),
              ...(options.out ? { outDir: options.out } : {}),
            },
          },
          sinks,
        );
        await output?.commit();
      } catch (error) {
        await output?.abort();
        throw error;
      } finally {
        bar?.stop();
      }
      io.stderr(tally.render());
      if (tally.errors > 0) throw new ExitWith(EXIT.batchHadErrors);
    });
}

/**
 * `relief batch <inputs...>`: its arguments and options. The action (the batch, its worker pool,
 * CSV and the progress bar) is loaded only when the command runs (batch-action.ts).
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { DataFormat } from '../batch/formats.js';
import { DATE_ORDERS, type DateOrder } from '../batch/date-order.js';
import type { CliIO } from './io.js';
import { engineOption, noSettleOption, programOption, screeningDateOption, type EngineChoice } from './options.js';

export interface BatchOptions {
  format: DataFormat;
  output?: string;
  reports?: string;
  asOf?: string;
  program?: string[];
  jobs: number;
  triage: number;
  quiet?: boolean;
  rules: string;
  engine: EngineChoice;
  /** --no-settle: commander sets it false. */
  settle: boolean;
  dateOrder: DateOrder;
}

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

export function batchCommand(io: CliIO): Command {
  return new Command('batch')
    .argument('<inputs...>', 'case files (.json .yaml .yml), folders, NDJSON files (.ndjson .jsonl), CSV rosters (.csv)')
    .addOption(new Option('-f, --format <format>', 'data format, one record per case').choices(['ndjson', 'csv']).default('ndjson'))
    .option('-o, --output <file>', 'write the data to this file (atomically; a device or FIFO is written in place; - is stdout) instead of stdout')
    .option('--reports <dir>', 'also write one readable report per case into this folder (created owner-only)')
    .option('--as-of <date>', "screening date YYYY-MM-DD for every case (default: each case's screeningDate, else today)", screeningDateOption)
    .addOption(programOption('screen only these programs'))
    .addOption(new Option('-j, --jobs <n>', 'worker threads').argParser(positiveInteger).default(availableParallelism(), 'the number of cores'))
    .option('--triage <n>', 'cases to list per triage group in the summary', countOption, 20)
    .option('-q, --quiet', 'no progress bar')
    .addOption(new Option('--date-order <order>', 'how CSV rosters write dates: ymd (YYYY-MM-DD) or mdy (MM/DD/YYYY, never guessed)').choices(DATE_ORDERS).default('ymd'))
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .addOption(engineOption())
    .addOption(noSettleOption())
    .action(async (inputs: string[], options: BatchOptions) => {
      const { batch } = await import('./batch-action.js');
      await batch(io, inputs, options);
    });
}

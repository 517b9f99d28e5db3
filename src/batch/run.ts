/**
 * A batch end to end: inputs streamed in order -> screened (in-process for one job, over worker
 * threads for more) -> one record per case written in input order -> the tally for the summary.
 * The caller supplies where data goes; nothing here touches stdout or stderr.
 */
import type { RulePacks } from '../packs/load.js';
import { dataWriter, type DataFormat } from './formats.js';
import { readInputs, type InputOptions } from './inputs.js';
import { orderedRuns } from './ordered.js';
import { CHUNK_SIZE, WorkerPool } from './pool.js';
import type { BatchRecord } from './records.js';
import { CaseScreener, type CaseOptions } from './screen-case.js';
import { Tally } from './summary.js';

export interface BatchSettings {
  inputs: string[];
  format: DataFormat;
  jobs: number;
  rulesDir: string;
  caseOptions: CaseOptions;
  triageLimit: number;
  inputOptions?: InputOptions;
}

export interface BatchSinks {
  /** Writes data; resolves when more may be written (back-pressure). */
  write: (text: string) => Promise<void>;
  /** Called after each run of records written, for progress. */
  progress?: (tally: Tally) => void;
}

/**
 * Cases in flight per thread: a chunk being screened and the next one waiting in the thread. Kept
 * at 16, as before chunking: a case may be 8 MiB, so this bounds the input held per job at 128 MiB
 * (doubling it measured no faster).
 */
const QUEUED_PER_JOB = 2 * CHUNK_SIZE;

export async function runBatch(rulePacks: RulePacks, settings: BatchSettings, sinks: BatchSinks): Promise<Tally> {
  const packs = settings.caseOptions.programs ? rulePacks.packs.filter((p) => settings.caseOptions.programs!.includes(p.pack.program)) : rulePacks.packs;
  const writer = dataWriter(settings.format, packs);
  const tally = new Tally(packs, settings.triageLimit);
  // Every thread has loaded the packs (or the batch fails with exit 3) before any input is read.
  const pool = settings.jobs > 1 ? await WorkerPool.start(settings.jobs, { rulesDir: settings.rulesDir, options: settings.caseOptions }) : undefined;
  const screener = pool ?? new CaseScreener(rulePacks, settings.caseOptions);
  try {
    if (writer.header) await sinks.write(writer.header);
    const runs: AsyncIterable<BatchRecord[]> = orderedRuns(readInputs(settings.inputs, settings.inputOptions), settings.jobs * QUEUED_PER_JOB, (item, index) => screener.screen(item, index));
    for await (const records of runs) {
      let text = '';
      for (const record of records) {
        text += writer.line(record);
        tally.add(record);
      }
      await sinks.write(text);
      sinks.progress?.(tally);
    }
  } finally {
    await pool?.stop();
  }
  return tally;
}

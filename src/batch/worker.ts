/**
 * A screening thread (see pool.ts): loads the rule packs once and says it is ready (or why the
 * packs could not be loaded, as a PackError's file and problems), then screens the chunks of cases
 * it is sent, one case after another, and answers each chunk with one message of its records.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackError, loadRulePacks, type RulePacks } from '../packs/load.js';
import type { Chunk, Reply, ThreadSetup, WorkerMessage } from './pool.js';
import { CaseScreener } from './screen-case.js';

const setup = workerData as ThreadSetup;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
/** Read by the pool if this thread dies: which case killed it. */
const screening = new Int32Array(setup.screening);

let rulePacks: RulePacks | undefined;
try {
  rulePacks = await loadRulePacks(setup.rulesDir);
} catch (error) {
  post({ loadFailure: error instanceof PackError ? { file: error.file, problems: error.problems } : { message: error instanceof Error ? error.message : String(error) } });
}

if (rulePacks) {
  const screener = new CaseScreener(rulePacks, setup.options);
  const screenChunk = async ({ cases }: Chunk): Promise<void> => {
    const replies: Reply[] = [];
    for (const { item, index } of cases) {
      Atomics.store(screening, 0, index);
      try {
        replies.push({ index, record: await screener.screen(item, index) });
      } catch (error) {
        replies.push({ index, failure: error instanceof Error ? error.message : String(error) });
      }
    }
    post({ replies });
  };
  // Chunks one after another, so the cases are screened in the order they were sent.
  let previous = Promise.resolve();
  parentPort!.on('message', (chunk: Chunk) => {
    previous = previous.then(() => screenChunk(chunk));
  });
  post({ ready: true });
}

/**
 * A screening thread (see pool.ts): loads the rule packs once and says it is ready (or why the
 * packs could not be loaded, as a PackError's file and problems), then screens the cases it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackError, loadRulePacks, type RulePacks } from '../packs/load.js';
import type { InputItem } from './inputs.js';
import type { WorkerMessage, WorkerSetup } from './pool.js';
import { CaseScreener } from './screen-case.js';

const setup = workerData as WorkerSetup;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);

let rulePacks: RulePacks | undefined;
try {
  rulePacks = await loadRulePacks(setup.rulesDir);
} catch (error) {
  post({ loadFailure: error instanceof PackError ? { file: error.file, problems: error.problems } : { message: error instanceof Error ? error.message : String(error) } });
}

if (rulePacks) {
  const screener = new CaseScreener(rulePacks, setup.options);
  parentPort!.on('message', ({ item, index }: { item: InputItem; index: number }) => {
    screener.screen(item, index).then(
      (record) => post({ index, record }),
      (error: unknown) => post({ index, failure: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ ready: true });
}

/** A screening thread (see pool.ts): loads the rule packs once, then screens the cases it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulePacks } from '../packs/load.js';
import type { InputItem } from './inputs.js';
import type { WorkerReply, WorkerSetup } from './pool.js';
import { CaseScreener } from './screen-case.js';

const setup = workerData as WorkerSetup;
const screener = new CaseScreener(await loadRulePacks(setup.rulesDir), setup.options);

parentPort!.on('message', ({ item, index }: { item: InputItem; index: number }) => {
  screener.screen(item, index).then(
    (record) => parentPort!.postMessage({ index, record } satisfies WorkerReply),
    (error: unknown) => parentPort!.postMessage({ index, failure: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});

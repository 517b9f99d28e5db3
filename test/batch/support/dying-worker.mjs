/**
 * The real screening thread (dist/batch/worker.js) plus one way to die, for the pool tests: a case
 * whose caseId is "exit-<code>" ends the thread with that exit code, and "throw-<text>" throws
 * outside any handler, as a crash would. Everything else is screened by the real worker.
 */
import { parentPort } from 'node:worker_threads';

await import(new URL('../../../dist/batch/worker.js', import.meta.url).href);

parentPort.on('message', ({ item }) => {
  const text = item.kind === 'text' ? item.text : '';
  const exit = /"caseId":"exit-(\d+)"/.exec(text);
  if (exit) process.exit(Number(exit[1]));
  const thrown = /"caseId":"throw-(\w+)"/.exec(text);
  if (thrown) throw new Error(thrown[1]);
});

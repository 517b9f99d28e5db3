/**
 * The real screening thread (dist/batch/worker.js) plus one way to die, for the pool tests: a case
 * whose caseId is "exit-<code>" ends the thread with that exit code while it is being screened, and
 * "throw-<text>" throws outside any handler, as a crash would. Everything else is screened by the
 * real worker.
 */
const { CaseScreener } = await import(new URL('../../../dist/batch/screen-case.js', import.meta.url).href);

const screen = CaseScreener.prototype.screen;
CaseScreener.prototype.screen = function (item, index) {
  const text = item.kind === 'text' ? item.text : '';
  const exit = /"caseId":"exit-(\d+)"/.exec(text);
  if (exit) process.exit(Number(exit[1]));
  const thrown = /"caseId":"throw-(\w+)"/.exec(text);
  if (thrown) {
    process.nextTick(() => {
      throw new Error(thrown[1]);
    });
    return new Promise(() => undefined);
  }
  return screen.call(this, item, index);
};

await import(new URL('../../../dist/batch/worker.js', import.meta.url).href);

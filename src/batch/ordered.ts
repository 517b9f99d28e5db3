/**
 * Runs work over a stream of items with a bounded number in flight and hands the results back in
 * input order. The source is pulled only when a slot is free and the consumer has taken the
 * previous results, so a slow output (a full pipe) slows the reading: memory stays bounded.
 *
 * Results come in runs: the next one in order, waited for, and every one after it that has already
 * finished, in one array. The consumer can then write them with one write, not one per result.
 */
type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface InFlight<R> {
  done: Promise<Settled<R>>;
  /** Set once the work has finished. */
  settled?: Settled<R>;
}

export async function* orderedRuns<T, R>(items: AsyncIterable<T>, limit: number, work: (item: T, index: number) => Promise<R>): AsyncGenerator<R[]> {
  const inFlight: InFlight<R>[] = [];
  const next = async (): Promise<R[]> => {
    const first = await inFlight.shift()!.done;
    if (!first.ok) throw first.error;
    const run = [first.value];
    // A failure is not taken here: it is thrown in its place, after the results before it.
    for (let ready = inFlight[0]?.settled; ready?.ok; ready = inFlight[0]?.settled) {
      inFlight.shift();
      run.push(ready.value);
    }
    return run;
  };
  let index = 0;
  for await (const item of items) {
    index++;
    const entry: InFlight<R> = {
      // Settled at once, so a failure waiting its turn is not an unhandled rejection.
      done: work(item, index).then(
        (value) => (entry.settled = { ok: true, value }),
        (error: unknown) => (entry.settled = { ok: false, error }),
      ),
    };
    inFlight.push(entry);
    if (inFlight.length >= limit) yield await next();
  }
  while (inFlight.length) yield await next();
}

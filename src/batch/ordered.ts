/**
 * Runs work over a stream of items with a bounded number in flight and hands the results back in
 * input order. The source is pulled only when a slot is free and the consumer has taken the
 * previous result, so a slow output (a full pipe) slows the reading: memory stays bounded.
 */
type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export async function* orderedMap<T, R>(items: AsyncIterable<T>, limit: number, work: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<Settled<R>>[] = [];
  const next = async (): Promise<R> => {
    const settled = await inFlight.shift()!;
    if (!settled.ok) throw settled.error;
    return settled.value;
  };
  let index = 0;
  for await (const item of items) {
    index++;
    // Settled at once, so a failure waiting its turn is not an unhandled rejection.
    inFlight.push(work(item, index).then((value) => ({ ok: true, value }), (error: unknown) => ({ ok: false, error })));
    if (inFlight.length >= limit) yield await next();
  }
  while (inFlight.length) yield await next();
}

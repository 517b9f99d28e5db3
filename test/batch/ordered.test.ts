/** orderedRuns: results in input order, however the work finishes, with a bounded number in flight. */
import { describe, expect, it } from '@jest/globals';
import { orderedRuns } from '../../src/batch/ordered.js';

async function* numbers(count: number, pulled: number[]) {
  for (let i = 1; i <= count; i++) {
    pulled.push(i);
    yield i;
  }
}

describe('orderedRuns', () => {
  it('yields in input order while later items finish first, never holding more than the limit', async () => {
    const pulled: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const work = async (n: number) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Odd items take longer, so items finish out of order.
      await new Promise((resolve) => setTimeout(resolve, n % 2 ? 3 : 0));
      inFlight--;
      return n * 10;
    };
    const out: number[] = [];
    let longestRun = 0;
    for await (const run of orderedRuns(numbers(40, pulled), 4, work)) {
      out.push(...run);
      longestRun = Math.max(longestRun, run.length);
      // The source is read at most `limit` items ahead of what has been handed on.
      expect(pulled.length - out.length).toBeLessThanOrEqual(4);
    }
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) * 10));
    expect(mostInFlight).toBeLessThanOrEqual(4);
    expect(mostInFlight).toBeGreaterThan(1);
    // An even item finishes before the odd one ahead of it: they come out together.
    expect(longestRun).toBeGreaterThan(1);
  });

  it('passes a failure on in its place, after the finished results before it', async () => {
    const seen: number[][] = [];
    const run = async () => {
      for await (const values of orderedRuns(numbers(5, []), 5, async (n: number) => (n === 3 ? Promise.reject(new Error('boom')) : n))) seen.push(values);
    };
    await expect(run()).rejects.toThrow('boom');
    // 1 to 5 all finish before the first is taken: 1 and 2 come out as one run, then 3 fails.
    expect(seen).toEqual([[1, 2]]);
  });
});

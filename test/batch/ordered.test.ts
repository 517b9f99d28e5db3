/** orderedMap: results in input order, however the work finishes, with a bounded number in flight. */
import { describe, expect, it } from '@jest/globals';
import { orderedMap } from '../../src/batch/ordered.js';

async function* numbers(count: number, pulled: number[]) {
  for (let i = 1; i <= count; i++) {
    pulled.push(i);
    yield i;
  }
}

describe('orderedMap', () => {
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
    for await (const value of orderedMap(numbers(40, pulled), 4, work)) {
      out.push(value);
      // The source is read at most `limit` items ahead of what has been handed on.
      expect(pulled.length - out.length).toBeLessThanOrEqual(4);
    }
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) * 10));
    expect(mostInFlight).toBeLessThanOrEqual(4);
    expect(mostInFlight).toBeGreaterThan(1);
  });

  it('passes a failure on in its place', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const value of orderedMap(numbers(5, []), 3, async (n) => (n === 3 ? Promise.reject(new Error('boom')) : n))) seen.push(value);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });
});

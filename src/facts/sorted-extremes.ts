/**
 * "The least (or greatest) value among the items whose key lies below (or above) a threshold",
 * answered by one sort and a binary search per question. Movement and status lists may hold tens
 * of thousands of items, and the facts ask such a question for every item of another list: asked
 * by a scan each time, the cost would grow with the square of the record.
 */
export type Extreme = 'min' | 'max';

export class SortedExtremes {
  private readonly keys: number[];
  /** best[i]: the extreme of the values of keys[0..i]; bestFrom[i]: of keys[i..]. */
  private readonly best: number[];
  private readonly bestFrom: number[];
  private readonly pick: (a: number, b: number) => number;
  /** The answer when no item qualifies: Infinity for min, -Infinity for max (as Math.min() and Math.max() give). */
  private readonly none: number;

  constructor(items: Iterable<{ key: number; value: number }>, extreme: Extreme) {
    const sorted = [...items].sort((a, b) => a.key - b.key);
    this.pick = extreme === 'min' ? Math.min : Math.max;
    this.none = extreme === 'min' ? Infinity : -Infinity;
    this.keys = sorted.map((item) => item.key);
    this.best = [];
    this.bestFrom = new Array<number>(sorted.length);
    let running = this.none;
    for (const item of sorted) this.best.push((running = this.pick(running, item.value)));
    running = this.none;
    for (let i = sorted.length - 1; i >= 0; i--) this.bestFrom[i] = running = this.pick(running, sorted[i]!.value);
  }

  /** The extreme value among keys below `threshold` (or equal to it, with `inclusive`). */
  below(threshold: number, inclusive = false): number {
    const count = this.countBelow(threshold, inclusive);
    return count === 0 ? this.none : this.best[count - 1]!;
  }

  /** The extreme value among keys above `threshold` (or equal to it, with `inclusive`). */
  above(threshold: number, inclusive = false): number {
    const first = this.countBelow(threshold, !inclusive);
    return first === this.keys.length ? this.none : this.bestFrom[first]!;
  }

  /** How many keys are below the threshold (or at most it, with `inclusive`). */
  countBelow(threshold: number, inclusive: boolean): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const key = this.keys[mid]!;
      if (key < threshold || (inclusive && key === threshold)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

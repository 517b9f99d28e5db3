/**
 * Counting convictions that "count once": pleas taken on one day, offenses from one act or scheme.
 * Each count is a sound range, so each bound is the number of groups when convictions that surely
 * (for "most") or possibly (for "fewest") belong together are joined, directly or through others.
 * The links are equal keys and overlapping date ranges, so the groups come from hashing and one
 * sort: O(n log n), where testing every pair cost O(n²) and made a long record take minutes.
 */
import type { DayRange } from '../../case/dates.js';

export type Bound = 'fewest' | 'most';

/** Union-find with path halving and union by size: near-constant time per join. */
class Groups {
  private readonly parent: number[];
  private readonly size: number[];
  count: number;

  constructor(items: number) {
    this.parent = Array.from({ length: items }, (_, i) => i);
    this.size = new Array<number>(items).fill(1);
    this.count = items;
  }

  private root(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  join(a: number, b: number): void {
    let x = this.root(a);
    let y = this.root(b);
    if (x === y) return;
    if (this.size[x]! < this.size[y]!) [x, y] = [y, x];
    this.parent[y] = x;
    this.size[x]! += this.size[y]!;
    this.count--;
  }

  /** Joins the items whose key is the same; an undefined key joins nothing. */
  joinEqual(keys: readonly (string | number | undefined)[]): void {
    const first = new Map<string | number, number>();
    keys.forEach((key, i) => {
      if (key === undefined) return;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else this.join(seen, i);
    });
  }

  /**
   * Joins the items whose day ranges overlap (both ends inclusive). Sorted by first day, an item
   * overlaps one of the items before it exactly when it starts by the latest day any of them reaches.
   */
  joinOverlapping(ranges: readonly DayRange[]): void {
    const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.earliest - ranges[b]!.earliest);
    let reach = -Infinity;
    let previous = -1;
    for (const i of order) {
      const range = ranges[i]!;
      if (previous >= 0 && range.earliest <= reach) this.join(previous, i);
      reach = Math.max(reach, range.latest);
      previous = i;
    }
  }
}

const exactDay = (range: DayRange | undefined): number | undefined => (range && range.earliest === range.latest ? range.earliest : undefined);

/**
 * How many different days the ranges span: at least ("fewest") the groups of ranges that may share
 * a day, at most ("most") the groups of ranges known to the same single day.
 */
export function differentDays(ranges: readonly DayRange[], bound: Bound): number {
  const groups = new Groups(ranges.length);
  if (bound === 'fewest') groups.joinOverlapping(ranges);
  else groups.joinEqual(ranges.map(exactDay));
  return groups.count;
}

/** A conviction as the "same date or same act or scheme" count sees it; undefined is unknown. */
export interface Occasion {
  date: DayRange | undefined;
  incident: string | undefined;
}

/**
 * How many occasions count once each, when the same date or the same incident counts once: at most
 * ("most") the groups not surely one (same recorded incident, or the same single day); at least
 * ("fewest") the groups that surely differ. An occasion whose incident or date is unknown may be
 * one with any other, so with one of those present the fewest is a single group.
 */
export function differentOccasions(occasions: readonly Occasion[], bound: Bound): number {
  const groups = new Groups(occasions.length);
  groups.joinEqual(occasions.map((o) => o.incident));
  if (bound === 'most') {
    groups.joinEqual(occasions.map((o) => exactDay(o.date)));
    return groups.count;
  }
  if (occasions.some((o) => o.incident === undefined || o.date === undefined)) return Math.min(occasions.length, 1);
  groups.joinOverlapping(occasions.map((o) => o.date!));
  return groups.count;
}

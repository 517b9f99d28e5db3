/**
 * The "count once" groupings (pleas on one day, offenses of one act or scheme) are counted by
 * hashing and one sort. They must give exactly what the definition gives: the number of groups
 * when every pair of convictions that is linked (surely, or possibly) is joined. The definition is
 * written out here pair by pair, as the code did before, and compared on generated records with
 * exact days, months, years, spans, unknown dates and incidents.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DayRange } from '../../../src/case/dates.js';
import { differentDays, differentOccasions, type Occasion } from '../../../src/facts/record/grouping.js';

/** Groups when items linked pairwise are joined, testing every pair (the reference, O(n²)). */
function pairwiseGroups(size: number, linked: (a: number, b: number) => boolean): number {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i]!));
  for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) if (linked(a, b)) parent[find(a)] = find(b);
  return new Set(parent.map((_, i) => find(i))).size;
}

const exact = (r: DayRange | undefined) => r !== undefined && r.earliest === r.latest;
const overlap = (a: DayRange, b: DayRange) => a.earliest <= b.latest && b.earliest <= a.latest;

function referenceDays(ranges: DayRange[], bound: 'fewest' | 'most'): number {
  const surelySameDay = (a: number, b: number) => exact(ranges[a]) && exact(ranges[b]) && ranges[a]!.earliest === ranges[b]!.earliest;
  const maybeSameDay = (a: number, b: number) => overlap(ranges[a]!, ranges[b]!);
  return pairwiseGroups(ranges.length, bound === 'fewest' ? maybeSameDay : surelySameDay);
}

function referenceOccasions(items: Occasion[], bound: 'fewest' | 'most'): number {
  const date = (k: number) => items[k]!.date;
  const incident = (k: number) => items[k]!.incident;
  const sameDateSurely = (a: number, b: number) => exact(date(a)) && exact(date(b)) && date(a)!.earliest === date(b)!.earliest;
  const sameDatePossibly = (a: number, b: number) => !date(a) || !date(b) || overlap(date(a)!, date(b)!);
  const surelyOne = (a: number, b: number) => (incident(a) !== undefined && incident(a) === incident(b)) || sameDateSurely(a, b);
  const maybeOne = (a: number, b: number) => incident(a) === undefined || incident(b) === undefined || incident(a) === incident(b) || sameDatePossibly(a, b);
  return pairwiseGroups(items.length, bound === 'fewest' ? maybeOne : surelyOne);
}

/** A day range as a case file gives one: mostly exact days on a short calendar (so they collide), some spans, some unknown. */
const dayRange: fc.Arbitrary<DayRange> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 40 }).map((d) => ({ earliest: d, latest: d })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 })).map(([d, span]) => ({ earliest: d, latest: d + span })) },
  { weight: 1, arbitrary: fc.constant({ earliest: -Infinity, latest: Infinity }) },
);
const occasion: fc.Arbitrary<Occasion> = fc.record({
  date: fc.option(dayRange, { nil: undefined, freq: 12 }),
  incident: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: undefined, freq: 8 }),
});
const bound = fc.constantFrom('fewest' as const, 'most' as const);
const runs = { numRuns: 400, seed: 20140501 };

describe('counting convictions that count once', () => {
  it('counts different conviction days exactly as joining every pair of ranges that (may) share a day', () => {
    fc.assert(fc.property(fc.array(dayRange, { maxLength: 40 }), bound, (ranges, b) => expect(differentDays(ranges, b)).toBe(referenceDays(ranges, b))), runs);
  });
  it('counts occasions (same date or same incident) exactly as joining every pair that is (maybe) one', () => {
    fc.assert(fc.property(fc.array(occasion, { maxLength: 40 }), bound, (items, b) => expect(differentOccasions(items, b)).toBe(referenceOccasions(items, b))), runs);
  });
  it('keeps the edge cases: no item, a chain of overlapping spans, touching ends, unknowns', () => {
    expect(differentDays([], 'fewest')).toBe(0);
    expect(differentOccasions([], 'fewest')).toBe(0);
    // 1-3 overlaps 3-5 overlaps 5-7: one group at the fewest, though 1-3 and 5-7 do not overlap.
    const chain = [{ earliest: 5, latest: 7 }, { earliest: 1, latest: 3 }, { earliest: 3, latest: 5 }];
    expect(differentDays(chain, 'fewest')).toBe(1);
    expect(differentDays(chain, 'most')).toBe(3);
    expect(differentDays([{ earliest: 1, latest: 2 }, { earliest: 3, latest: 3 }], 'fewest')).toBe(2);
    expect(differentDays([{ earliest: 4, latest: 4 }, { earliest: 4, latest: 4 }, { earliest: -Infinity, latest: Infinity }], 'most')).toBe(2);
    const day = (d: number) => ({ earliest: d, latest: d });
    expect(differentOccasions([{ date: day(1), incident: 'a' }, { date: day(2), incident: 'b' }, { date: day(3), incident: undefined }], 'fewest')).toBe(1);
    expect(differentOccasions([{ date: day(1), incident: 'a' }, { date: day(2), incident: 'a' }, { date: day(2), incident: 'b' }], 'most')).toBe(1);
  });
});

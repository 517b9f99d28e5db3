/**
 * Entries, departures, removals, status periods and admissions are matched by one sort and a binary
 * search per question (src/facts/sorted-extremes.ts and its users). They must give exactly what the
 * pair-by-pair definitions give: those are written out here as the code had them, and compared on
 * generated records with exact days, months, years, spans, unknown dates and afterRemoval flags.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { anniversary, parseDateSpec, parseExactDate, toIsoDate, type DayRange } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { Admissions, AggravatedFelonyRemovals } from '../../src/facts/record/prior-events.js';
import { SortedExtremes } from '../../src/facts/sorted-extremes.js';
import { Returns, entriesOf, exitsOf, presenceOn, rangeOf, reenteredAfterRemoval, type Exit, type Movement } from '../../src/facts/timeline.js';
import { triAnd, triOr, type Tri } from '../../src/facts/tri.js';
import { Coverage, daysCovered } from '../../src/facts/unlawful-presence.js';

const runs = { numRuns: 300, seed: 20140501 };
const BASE = parseExactDate('2000-01-01');

/** A date as a case file gives one, on a short calendar so that movements collide: day, month, year, span, or none. */
const dateSpec: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 90 }).map((d) => toIsoDate(BASE + d)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }).map((m) => toIsoDate(BASE + 31 * m).slice(0, 7)) },
  { weight: 1, arbitrary: fc.constant('2000') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 9 })).map(([d, n]) => `${toIsoDate(BASE + d)}/${toIsoDate(BASE + d + n)}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const flag = fc.option(fc.boolean(), { nil: undefined, freq: 3 });
const caseFile: fc.Arbitrary<CaseFile> = fc.record({
  entries: fc.array(fc.record({ date: dateSpec, afterRemoval: flag, manner: fc.option(fc.constantFrom('without_inspection' as const, 'admitted' as const), { nil: undefined, freq: 4 }) }), { maxLength: 12 }),
  departures: fc.array(fc.record({ date: dateSpec }), { maxLength: 8 }),
  removal: fc.record({ priorRemovals: fc.array(fc.record({ date: dateSpec, aggravatedFelonyBasis: flag }), { maxLength: 6 }) }),
});
/** An offense or conviction as the record gives it: a range, one open at either end, or none. */
const event: fc.Arbitrary<DayRange | undefined> = fc.oneof(
  { weight: 4, arbitrary: dateSpec.map(rangeOf) },
  { weight: 1, arbitrary: dateSpec.map((d) => ({ earliest: -Infinity, latest: rangeOf(d).latest })) },
  { weight: 1, arbitrary: dateSpec.map((d) => ({ earliest: rangeOf(d).earliest, latest: Infinity })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// ---- The pair-by-pair definitions, as the code had them ----

function enteredAfterRemoval(entered: DayRange, afterRemoval: boolean | undefined, removed: DayRange): Tri {
  if (entered.earliest > removed.latest) return true;
  if (entered.latest < removed.earliest) return false;
  return afterRemoval ?? null;
}
function isBefore(exit: Exit, entry: Movement): boolean {
  if (exit.range.latest < entry.range.earliest) return true;
  return exit.isRemoval && enteredAfterRemoval(entry.range, entry.afterRemoval, exit.range) === true;
}
function referencePresence(file: CaseFile, day: number): Tri {
  const entries = entriesOf(file)!;
  const exits = exitsOf(file)!;
  if (!entries.some((e) => e.range.earliest <= day)) return false;
  for (const entry of entries) {
    if (entry.range.latest > day) continue;
    if (exits.every((x) => isBefore(x, entry) || x.range.earliest >= day)) return true;
  }
  for (const exit of exits) {
    if (exit.range.latest >= day) continue;
    if (entries.every((e) => e.range.latest < exit.range.earliest || e.range.earliest > day)) return false;
  }
  return null;
}
function referenceReentered(file: CaseFile): Tri {
  const verdicts: Tri[] = [];
  for (const removal of file.removal!.priorRemovals!) {
    for (const entry of file.entries!) {
      const unlawful: Tri = entry.manner === undefined ? null : entry.manner === 'without_inspection';
      verdicts.push(triAnd([enteredAfterRemoval(rangeOf(entry.date), entry.afterRemoval, rangeOf(removal.date)), unlawful]));
    }
  }
  return triOr(verdicts);
}
function referenceAdmittedBefore(event: DayRange | undefined, admitted: { days: DayRange[]; complete: boolean }, withinYears?: number): Tri {
  if (!event) return admitted.complete && admitted.days.length === 0 ? false : null;
  const surely = admitted.days.some((a) => a.latest < event.earliest && (withinYears === undefined || event.latest <= anniversary(a.earliest, withinYears)));
  if (surely) return true;
  const possibly = admitted.days.some((a) => a.earliest < event.latest && (withinYears === undefined || event.earliest <= anniversary(a.latest, withinYears)));
  return possibly || !admitted.complete ? null : false;
}
/** The value of the 101(a)(43)(O) test and whether it asks for the offense date. */
function referenceAfterRemoval(file: CaseFile, offense: DayRange | undefined): { value: Tri; offenseDateOpen: boolean } {
  let offenseDateOpen = false;
  const value = triOr(
    file.removal!.priorRemovals!.map((removal) => {
      const removed = removal.date ? parseDateSpec(removal.date) : undefined;
      const before: Tri = removed && offense ? (removed.latest < offense.earliest ? true : removed.earliest > offense.latest ? false : null) : null;
      if (before === null && removed) offenseDateOpen = true;
      return triAnd([removal.aggravatedFelonyBasis ?? null, before]);
    }),
  );
  return { value, offenseDateOpen };
}

describe('movements matched by sorting, not pair by pair', () => {
  it('finds the least or greatest value among keys below or above a threshold as a scan does', () => {
    const item = fc.record({ key: fc.integer({ min: -5, max: 5 }), value: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), fc.integer({ min: -7, max: 7 }), fc.constantFrom('min' as const, 'max' as const), fc.boolean(), (items, t, extreme, inclusive) => {
        const index = new SortedExtremes(items, extreme);
        const pick = (values: number[]) => (extreme === 'min' ? Math.min(...values) : Math.max(...values));
        expect(index.below(t, inclusive)).toBe(pick(items.filter((i) => i.key < t || (inclusive && i.key === t)).map((i) => i.value)));
        expect(index.above(t, inclusive)).toBe(pick(items.filter((i) => i.key > t || (inclusive && i.key === t)).map((i) => i.value)));
      }),
      runs,
    );
  });
  it('counts covered days as the union of intervals does, for any window', () => {
    const bound = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(-Infinity, Infinity) });
    const interval = fc.tuple(bound, bound);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.integer({ min: -3, max: 63 }), fc.integer({ min: -3, max: 63 }), (intervals, from, to) => {
        expect(new Coverage(intervals).days(from, to)).toBe(daysCovered(intervals, from, to));
      }),
      runs,
    );
  });
  it('finds the returns after each exit as the pairwise "surely before" test does', () => {
    fc.assert(
      fc.property(caseFile, (file) => {
        const entries = entriesOf(file)!;
        const returns = new Returns(entries);
        for (const exit of exitsOf(file)!) {
          const after = entries.filter((e) => isBefore(exit, e));
          expect(returns.backBy(exit)).toBe(Math.min(...after.map((e) => e.range.latest)));
          const maybeAfter = entries.filter((e) => isBefore(exit, e) || e.range.latest >= exit.range.earliest);
          expect(returns.backFrom(exit)).toBe(Math.min(...maybeAfter.map((e) => e.range.earliest)));
        }
      }),
      runs,
    );
  });
  it('settles presence on a day as testing every entry against every exit does', () => {
    fc.assert(
      fc.property(caseFile, fc.integer({ min: -2, max: 95 }), (file, offset) => {
        expect(presenceOn(file, BASE + offset, BASE + 1000).value).toBe(referencePresence(file, BASE + offset));
      }),
      runs,
    );
  });
  it('finds an unlawful return after a removal as testing every (removal, entry) pair does', () => {
    fc.assert(
      fc.property(caseFile, (file) => {
        fc.pre(file.removal!.priorRemovals!.length > 0);
        expect(reenteredAfterRemoval.compute({ caseFile: file, screeningDay: BASE + 1000 }, {}).value).toBe(referenceReentered(file));
      }),
      runs,
    );
  });
  it('finds an admission before an event, within years or not, as a scan of the admissions does', () => {
    fc.assert(
      fc.property(caseFile, event, fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }), (file, day, years) => {
        const admitted = new Admissions({ ...file, statusHistory: [] });
        expect(admitted.before(day, years)).toBe(referenceAdmittedBefore(day, admitted, years));
      }),
      runs,
    );
  });
  it('finds a removal on an aggravated-felony basis before an offense as a scan of the removals does', () => {
    fc.assert(
      fc.property(caseFile, event, (file, offense) => {
        const removals = new AggravatedFelonyRemovals(file.removal!.priorRemovals!);
        const reference = referenceAfterRemoval(file, offense);
        expect(removals.before(offense)).toBe(reference.value);
        expect(removals.offenseDateOpen(offense)).toBe(reference.offenseDateOpen);
      }),
      runs,
    );
  });
});

/**
 * The admissions and prior removals a conviction is measured against. A record may hold tens of
 * thousands of convictions, entries and removals; each list is sorted once here, so the question
 * asked for every conviction costs a binary search, not a scan of the other list.
 */
import { anniversary, rangeOfField as range, type DayRange } from '../../case/dates.js';
import type { CaseFile } from '../../case/schema.js';
import { SortedExtremes } from '../sorted-extremes.js';
import type { Tri } from '../tri.js';

/** The admissions on record: the entries recorded as admitted and the start of a permanent-resident status. */
export class Admissions {
  readonly days: DayRange[] = [];
  /** False when an entry's manner, an admission's date or the status history is unknown. */
  readonly complete: boolean = true;
  private readonly indexes = new Map<number | undefined, { surely: SortedExtremes; possibly: SortedExtremes }>();

  constructor(caseFile: CaseFile) {
    const entries = caseFile.entries;
    if (!entries) {
      this.complete = false;
      return;
    }
    for (const entry of entries) {
      if (entry.manner === undefined) this.complete = false;
      if (entry.manner !== 'admitted') continue;
      const day = range(entry.date);
      if (day) this.days.push(day);
      else this.complete = false;
    }
    // Adjustment to permanent residence is an admission too: without the status history it may have happened.
    if (!caseFile.statusHistory) this.complete = false;
    for (const period of caseFile.statusHistory ?? []) {
      if (period.status !== 'lawful_permanent_resident') continue;
      const day = range(period.from);
      if (day) this.days.push(day);
      else this.complete = false;
    }
  }

  /** Whether some admission falls before `event` (and, with `withinYears`, no more than that many years before it). */
  before(event: DayRange | undefined, withinYears?: number): Tri {
    if (!event) return this.complete && this.days.length === 0 ? false : null;
    const { surely, possibly } = this.index(withinYears);
    // Of the admissions surely (possibly) before the event, the one whose window reaches furthest decides.
    if (surely.countBelow(event.earliest, false) > 0 && surely.below(event.earliest) >= event.latest) return true;
    const maybe = possibly.countBelow(event.latest, false) > 0 && possibly.below(event.latest) >= event.earliest;
    return maybe || !this.complete ? null : false;
  }

  /** The admissions by their latest (earliest) day, with the last day their window reaches (Infinity with no window). */
  private index(withinYears: number | undefined) {
    let index = this.indexes.get(withinYears);
    if (!index) {
      const reach = (day: number) => (withinYears === undefined ? Infinity : anniversary(day, withinYears));
      index = {
        surely: new SortedExtremes(this.days.map((a) => ({ key: a.latest, value: reach(a.earliest) })), 'max'),
        possibly: new SortedExtremes(this.days.map((a) => ({ key: a.earliest, value: reach(a.latest) })), 'max'),
      };
      this.indexes.set(withinYears, index);
    }
    return index;
  }
}

/** 101(a)(43)(O): whether an offense came after a removal based on an aggravated felony, for many offenses. */
export class AggravatedFelonyRemovals {
  /** The earliest last day of the dated removals surely on that basis. */
  private readonly surelyBasisLatest: number;
  /** Earliest day of the dated removals possibly on that basis (Infinity when none), and whether an undated one is. */
  private readonly possiblyBasisEarliest: number;
  private readonly undatedPossiblyBasis: boolean;
  private readonly anyPossiblyBasis: boolean;
  /** The dated removals' latest days by their earliest: which of them may overlap an offense. */
  private readonly dated: SortedExtremes;
  private readonly anyDated: boolean;


  constructor(removals: NonNullable<NonNullable<CaseFile['removal']>['priorRemovals']>) {
    const ranges = removals.map((r) => range(r.date));
    const possibly = removals.map((r) => r.aggravatedFelonyBasis !== false);
    this.surelyBasisLatest = ranges.reduce((min, r, i) => (r && removals[i]!.aggravatedFelonyBasis === true ? Math.min(min, r.latest) : min), Infinity);
    this.possiblyBasisEarliest = ranges.reduce((min, r, i) => (r && possibly[i] ? Math.min(min, r.earliest) : min), Infinity);
    this.undatedPossiblyBasis = ranges.some((r, i) => !r && possibly[i]);
    this.anyPossiblyBasis = possibly.some(Boolean);
    this.dated = new SortedExtremes(ranges.flatMap((r) => (r ? [{ key: r.earliest, value: r.latest }] : [])), 'max');
    this.anyDated = ranges.some(Boolean);
  }

  /** Some removal surely on that basis surely before the offense: true; none possibly: false; else unknown. */
  before(offense: DayRange | undefined): Tri {
    if (!offense) return this.anyPossiblyBasis ? null : false;
    if (this.surelyBasisLatest < offense.earliest) return true;
    const datedPossibly = Number.isFinite(this.possiblyBasisEarliest) && this.possiblyBasisEarliest <= offense.latest;
    return this.undatedPossiblyBasis || datedPossibly ? null : false;
  }

  /** Whether a dated removal leaves open whether it came before the offense (then the offense date is wanted). */
  offenseDateOpen(offense: DayRange | undefined): boolean {
    if (!offense) return this.anyDated;
    return this.dated.countBelow(offense.latest, true) > 0 && this.dated.below(offense.latest, true) >= offense.earliest;
  }
}

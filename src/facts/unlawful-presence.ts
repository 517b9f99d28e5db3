/**
 * Unlawful presence before a departure, as INA 212(a)(9)(B) counts it: days without status in the
 * single stay that the departure ended, from a starting date (the ground's effective date) and not
 * before an age (minors accrue none), followed by a departure recent enough that the bar still runs
 * on the screening date. Dates may be partial, so the days are counted as a range: the days surely
 * without status, and all days not surely with one.
 */
import { z } from 'zod';
import { anniversary, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { defineCalculator, derived } from './calculator.js';
import { DateParam, DayCount, Years, resolveDay } from './params.js';
import { birthRange } from './person.js';
import { triAnd, triOr, type Tri } from './tri.js';
import { SortedExtremes } from './sorted-extremes.js';
import { rangeOf } from './timeline.js';

export type Interval = [start: EpochDay, end: EpochDay];

/** Days covered by a union of closed intervals, within [from, to]. */
export function daysCovered(intervals: Interval[], from: EpochDay, to: EpochDay): number {
  const clipped = intervals
    .map(([s, e]): Interval => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => s <= e)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [s, e] of clipped) {
    const start = Math.max(s, reached + 1);
    if (e >= start) total += e - start + 1;
    reached = Math.max(reached, e);
  }
  return total;
}

/**
 * The days a union of closed intervals covers within any [from, to], for many questions: the union
 * merged once, then a binary search and running sums, instead of a sort per question.
 */
export class Coverage {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** before[i]: the days of the finite merged intervals before the i-th (an unbounded one counts 0: it is never wholly inside a question). */
  private readonly before: number[] = [0];

  constructor(private readonly intervals: Interval[]) {
    const sorted = intervals.filter(([s, e]) => s <= e).sort((a, b) => a[0] - b[0]);
    for (const [s, e] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && s <= this.ends[last]! + 1) this.ends[last] = Math.max(this.ends[last]!, e);
      else {
        this.starts.push(s);
        this.ends.push(e);
      }
    }
    this.ends.forEach((e, i) => this.before.push(this.before[i]! + (Number.isFinite(e - this.starts[i]!) ? e - this.starts[i]! + 1 : 0)));
  }

  /** As daysCovered(intervals, from, to). */
  days(from: EpochDay, to: EpochDay): number {
    if (from > to) return 0;
    if (!Number.isFinite(from) || !Number.isFinite(to)) return daysCovered(this.intervals, from, to);
    // The merged intervals that reach into [from, to]: first..last.
    const first = this.firstEndingAtOrAfter(from);
    let last = this.firstEndingAtOrAfter(to);
    if (last === this.starts.length || this.starts[last]! > to) last--;
    if (first > last) return 0;
    const clipped = (i: number) => Math.min(this.ends[i]!, to) - Math.max(this.starts[i]!, from) + 1;
    if (first === last) return Math.max(0, clipped(first));
    return clipped(first) + clipped(last) + this.before[last]! - this.before[first + 1]!;
  }

  private firstEndingAtOrAfter(day: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! < day) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Status periods as intervals: those surely held, and those possibly held. */
export function statusIntervals(caseFile: CaseFile, unlawful: boolean): { surely: Interval[]; possibly: Interval[] } {
  const surely: Interval[] = [];
  const possibly: Interval[] = [];
  for (const period of caseFile.statusHistory ?? []) {
    if ((period.status === 'none') !== unlawful) continue;
    const from = rangeOf(period.from);
    const to = period.to === 'present' ? { earliest: Infinity, latest: Infinity } : period.to ? rangeOf(period.to) : { earliest: from.earliest, latest: Infinity };
    surely.push([from.latest, to.earliest]);
    possibly.push([from.earliest, to.latest]);
  }
  return { surely, possibly };
}

export const unlawfulPresenceBeforeRecentDeparture = defineCalculator({
  description:
    'Left the United States after a single stay with at least a number of days of unlawful presence (no status), counted from a date and not before an age, and the screening date falls within a number of years of that departure.',
  params: z.strictObject({
    countedFrom: DateParam,
    notCountedUnderAge: Years,
    minimumDays: DayCount,
    withinYears: Years,
    includeRemovals: z.boolean(),
    voluntaryDeparturesOnly: z.boolean(),
  }),
  reviewCodes: [],
  compute(context, params) {
    const { caseFile, screeningDay } = context;
    const departures = caseFile.departures;
    const removals = caseFile.removal?.priorRemovals;
    const missing: string[] = [];
    if (!departures) missing.push('departures');
    if (params.includeRemovals && !removals) missing.push('removal.priorRemovals');
    if (!caseFile.entries) missing.push('entries');
    if (!caseFile.statusHistory) missing.push('statusHistory');
    if (missing.length) return derived(null, 'the movements or the status history are not recorded', missing);
    const exits = [
      ...departures!.map((d, i) => ({ range: rangeOf(d.date), voluntary: d.underOrder === undefined ? null : d.underOrder === 'none', path: `departures[${i}]` })),
      ...(params.includeRemovals ? removals! : []).map((r, i) => ({ range: rangeOf(r.date), voluntary: false as Tri, path: `removal.priorRemovals[${i}]` })),
    ];
    const entries = caseFile.entries!.map((e) => rangeOf(e.date));
    const birth = birthRange(caseFile);
    const countedFrom = resolveDay(params.countedFrom, context);
    // Minors accrue none: count surely from the latest possible birthday, possibly from the earliest.
    const adultSurely = Math.max(countedFrom, birth ? anniversary(birth.latest, params.notCountedUnderAge) : Infinity);
    const adultPossibly = Math.max(countedFrom, birth ? anniversary(birth.earliest, params.notCountedUnderAge) : -Infinity);
    const withoutStatus = new Coverage(statusIntervals(caseFile, true).surely);
    const withStatus = new Coverage(statusIntervals(caseFile, false).surely);
    // The stay an exit ended began at the latest entry before it: surely no earlier than the
    // latest end of an entry that may precede the exit, possibly as early as the latest start of
    // one that surely does.
    const latestEndByStart = new SortedExtremes(entries.map((e) => ({ key: e.earliest, value: e.latest })), 'max');
    const latestStartByEnd = new SortedExtremes(entries.map((e) => ({ key: e.latest, value: e.earliest })), 'max');
    const verdicts = exits.map((exit): Tri => {
      const stayStartSurely = Math.max(adultSurely, latestEndByStart.below(exit.range.latest, true));
      const stayStartPossibly = Math.max(adultPossibly, latestStartByEnd.below(exit.range.earliest));
      const low = withoutStatus.days(stayStartSurely, exit.range.earliest - 1);
      const window = exit.range.latest - 1 - stayStartPossibly + 1;
      const high = Number.isFinite(window) ? Math.max(0, window - withStatus.days(stayStartPossibly, exit.range.latest - 1)) : Infinity;
      const enough: Tri = low >= params.minimumDays ? true : high < params.minimumDays ? false : null;
      const stillRunning: Tri = anniversary(exit.range.latest, params.withinYears) <= screeningDay ? false : anniversary(exit.range.earliest, params.withinYears) > screeningDay ? true : null;
      const counted: Tri = params.voluntaryDeparturesOnly ? exit.voluntary : true;
      const verdict = triAnd([enough, stillRunning, counted]);
      if (verdict === null) {
        if (enough === null) missing.push(`${exit.path}.date`, 'statusHistory', ...(birth ? [] : ['person.dateOfBirth']));
        if (stillRunning === null) missing.push(`${exit.path}.date`);
        if (counted === null) missing.push(`${exit.path}.underOrder`);
      }
      return verdict;
    });
    const value = triOr(verdicts);
    const detail = exits.length === 0 ? 'no departure or removal recorded' : `${exits.length} departure(s) or removal(s) checked for ${params.minimumDays} days of unlawful presence within ${params.withinYears} years`;
    return derived(value, detail, value === null ? [...new Set(missing)] : []);
  },
});

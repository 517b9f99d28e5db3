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
import { defineCalculator, derived } from './derived.js';
import { DateParam, DayCount, Years, resolveDay } from './params.js';
import { birthRange } from './person.js';
import { triAnd, triOr, type Tri } from './tri.js';
import { rangeOf } from './timeline.js';

type Interval = [start: EpochDay, end: EpochDay];


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

/** Status periods as intervals: those surely held, and those possibly held. */
function statusIntervals(caseFile: CaseFile, unlawful: boolean): { surely: Interval[]; possibly: Interval[] } {
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
    const withoutStatus = statusIntervals(caseFile, true);
    const withStatus = statusIntervals(caseFile, false);
    const verdicts = exits.map((exit): Tri => {
      // The stay the exit ended began at the latest entry before it.
      const before = entries.filter((e) => e.earliest <= exit.range.latest);
      const stayStartSurely = Math.max(adultSurely, ...before.map((e) => e.latest));
      const stayStartPossibly = Math.max(adultPossibly, ...entries.filter((e) => e.latest < exit.range.earliest).map((e) => e.earliest));
      const low = daysCovered(withoutStatus.surely, stayStartSurely, exit.range.earliest - 1);
      const window = exit.range.latest - 1 - stayStartPossibly + 1;
      const high = Number.isFinite(window) ? Math.max(0, window - daysCovered(withStatus.surely, stayStartPossibly, exit.range.latest - 1)) : Infinity;
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

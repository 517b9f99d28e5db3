/**
 * INA 212(a)(9)(C)(i)(I): unlawfully present for an aggregate period of more than a year, then an
 * entry or attempted entry without being admitted. Unlike the 3- and 10-year bars the days are
 * added up over every stay, not counted in one. They are the days surely (or possibly) both in the
 * United States, between an entry and the next departure or removal, and without status.
 *
 * Whether time under 18 counts is contested: the minors exception of 212(a)(9)(B)(iii)(I) is written
 * "for purposes of clause (i)" of (9)(B), and (9)(C) has none of its own. Both readings are
 * computed; where they disagree the ground is left open, and the reading that counts the time says
 * whether the ground may apply at all (what a waiver would have to reach).
 */
import { z } from 'zod';
import { anniversary, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { defineCalculator, derived, type ReviewNote } from './calculator.js';
import { DateParam, DayCount, Years, describeDay, resolveDay } from './params.js';
import { birthRange } from './person.js';
import { SortedExtremes } from './sorted-extremes.js';
import { entriesOf, exitsOf, missingLists, type Exit } from './timeline.js';
import { triAnd, triOr, type Tri } from './tri.js';
import { Coverage, statusIntervals, type Interval } from './unlawful-presence.js';

/** The union of intervals as sorted, disjoint intervals. */
function merged(intervals: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of intervals.filter(([s, e]) => s <= e).sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The intersection of two sorted, disjoint interval lists. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]![0], b[j]![0]);
    const end = Math.min(a[i]![1], b[j]![1]);
    if (start <= end) out.push([start, end]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** Is the entry an entry, or an attempted entry, without being admitted? */
function withoutAdmission(entry: NonNullable<CaseFile['entries']>[number]): Tri {
  if (entry.manner === 'without_inspection' || entry.apprehendedAtBorder === true) return true;
  if (entry.manner === 'admitted') return false;
  // Paroled, or the manner untold: an apprehension at the border would make it an attempt.
  return entry.apprehendedAtBorder === false && entry.manner === 'paroled' ? false : null;
}

interface Reading {
  /** Days surely unlawfully present before a day, and days possibly so. */
  low(before: EpochDay): number;
  high(before: EpochDay): number;
}

export const unlawfulPresenceThenEntryWithoutAdmission = defineCalculator({
  description:
    'Unlawfully present (no status, in the United States) for more than a number of days in the aggregate, counted from a date, then entered or attempted to enter without being admitted (INA 212(a)(9)(C)(i)(I)); computed counting time under an age and not counting it.',
  params: z.strictObject({ countedFrom: DateParam, minimumDays: DayCount, minorAge: Years }),
  reviewCodes: ['minorityUnlawfulPresence', 'briefCasualInnocentBeforeReentry'],
  outputKeys: ['applies', 'appliesIfMinorityCounts'],
  compute(context, params) {
    const { caseFile } = context;
    const entries = entriesOf(caseFile);
    const exits = exitsOf(caseFile);
    if (!entries || !exits || !caseFile.statusHistory) {
      const missing = [...missingLists(caseFile), ...(caseFile.statusHistory ? [] : ['statusHistory'])];
      return derived({ applies: null, appliesIfMinorityCounts: null }, 'the movements or the status history are not recorded', missing);
    }
    const countedFrom = resolveDay(params.countedFrom, context);
    // The stay each exit ended: surely from the latest day an entry that may precede it could be,
    // possibly from the earliest day of the latest entry surely before it.
    const latestEndByStart = new SortedExtremes(entries.map((e) => ({ key: e.range.earliest, value: e.range.latest })), 'max');
    const latestStartByEnd = new SortedExtremes(entries.map((e) => ({ key: e.range.latest, value: e.range.earliest })), 'max');
    const surelyHere = merged(exits.map((x): Interval => [latestEndByStart.below(x.range.latest, true), x.range.earliest - 1]));
    const possiblyHere = merged(exits.map((x): Interval => [latestStartByEnd.below(x.range.earliest), x.range.latest - 1]));
    const surelyUnlawful = new Coverage(intersect(surelyHere, merged(statusIntervals(caseFile, true).surely)));
    const possiblyHereDays = new Coverage(possiblyHere);
    const possiblyHereWithStatus = new Coverage(intersect(possiblyHere, merged(statusIntervals(caseFile, false).surely)));
    const reading = (surelyFrom: EpochDay, possiblyFrom: EpochDay): Reading => ({
      low: (before) => surelyUnlawful.days(surelyFrom, before - 1),
      // An entry of unknown date may come after any stay: no bound.
      high: (before) => (Number.isFinite(before) ? possiblyHereDays.days(possiblyFrom, before - 1) - possiblyHereWithStatus.days(possiblyFrom, before - 1) : Infinity),
    });
    const birth = birthRange(caseFile);
    const counting = reading(countedFrom, countedFrom);
    const excluding = reading(
      Math.max(countedFrom, birth ? anniversary(birth.latest, params.minorAge) : Infinity),
      Math.max(countedFrom, birth ? anniversary(birth.earliest, params.minorAge) : countedFrom),
    );
    const enough = (r: Reading, entered: { earliest: number; latest: number }): Tri =>
      r.low(entered.earliest) >= params.minimumDays ? true : r.high(entered.latest) < params.minimumDays ? false : null;

    const missing: string[] = [];
    const notes: ReviewNote[] = [];
    const precedingExit = lastExitBefore(exits);
    const verdicts = { counting: [] as Tri[], excluding: [] as Tri[] };
    caseFile.entries!.forEach((entry, i) => {
      const trigger = withoutAdmission(entry);
      if (trigger === false) return;
      const entered = entries[i]!.range;
      const countingVerdict = triAnd([trigger, enough(counting, entered)]);
      const excludingVerdict = triAnd([trigger, enough(excluding, entered)]);
      verdicts.counting.push(countingVerdict);
      verdicts.excluding.push(excludingVerdict);
      if (countingVerdict === null || excludingVerdict === null) {
        if (trigger === null) missing.push(`entries[${i}].${entry.manner === undefined ? 'manner' : 'apprehendedAtBorder'}`);
        else missing.push(`entries[${i}].date`, 'statusHistory', 'departures', ...(birth ? [] : ['person.dateOfBirth']));
      }
      if (countingVerdict === false) return;
      const exit = precedingExit(entered.earliest);
      if (exit && !exit.isRemoval && exit.underOrder !== true && exit.briefCasualInnocent === undefined) {
        notes.push({ code: 'briefCasualInnocentBeforeReentry', subject: `${exit.label}, then ${entries[i]!.label}` });
      }
    });
    const appliesIfMinorityCounts = triOr(verdicts.counting);
    const whenMinorityExcluded = triOr(verdicts.excluding);
    const applies: Tri = appliesIfMinorityCounts === whenMinorityExcluded ? whenMinorityExcluded : whenMinorityExcluded === true ? true : appliesIfMinorityCounts === false ? false : null;
    if (appliesIfMinorityCounts === true && whenMinorityExcluded !== true) notes.push({ code: 'minorityUnlawfulPresence', keys: ['applies'] });
    const say = (v: Tri) => (v === null ? 'not settled' : v ? 'yes' : 'no');
    const detail = `more than ${params.minimumDays - 1} days of unlawful presence in all (from ${describeDay(params.countedFrom)}), then an entry or attempt without admission: counting time under ${params.minorAge}, ${say(appliesIfMinorityCounts)}; not counting it, ${say(whenMinorityExcluded)}`;
    return derived({ applies, appliesIfMinorityCounts }, detail, applies === null || appliesIfMinorityCounts === null ? [...new Set(missing)] : [], notes);
  },
});

/** The exit surely before a day with the latest possible date: the absence a return on that day ended. */
function lastExitBefore(exits: Exit[]): (day: EpochDay) => Exit | undefined {
  const sorted = [...exits].sort((a, b) => a.range.latest - b.range.latest);
  return (day) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]!.range.latest < day) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : sorted[low - 1];
  };
}

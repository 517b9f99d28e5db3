/**
 * Continuous physical presence for a number of years immediately preceding the screening date, the
 * way cancellation of removal counts it (INA 240A(d)): one absence longer than a number of days, or
 * absences longer than another number in all, break it; so does a departure under an order;
 * absences connected to abuse may be left out (240A(b)(2)(B)); and with the stop-time rule
 * (240A(d)(1)(B)) presence ends when an offense of the clause the pack names was committed.
 * A pack may also turn on the stop-time rule for a notice to appear (240A(d)(1)(A)), which ends
 * presence on the day of service only when the notice itself stated the time and place of the
 * hearing (Pereira v. Sessions; Niz-Chavez v. Garland), and name the kinds of enforced departure
 * (a departure's "enforcement") that break presence whatever their length.
 *
 * The days of departure and of return are days present (as everywhere in relief-screen), so an
 * absence lasts the days strictly between them.
 */
import { z } from 'zod';
import { anniversary, rangeOfField, toIsoDate, type DayRange, type EpochDay } from '../case/dates.js';
import { DepartureEnforcement, type CaseFile } from '../case/schema.js';
import { defineCalculator, derived, type ReviewNote } from './calculator.js';
import { DayCount, Years } from './params.js';
import { Returns, entriesOf, exitsOf, missingLists, type Exit } from './timeline.js';
import { InaGroundsParams, groundOffenses } from './record/ina-grounds.js';
import { checkInaClauseId } from './record/ina-law.js';
import type { Tri } from './tri.js';

const Params = z.strictObject({
  years: Years,
  singleAbsenceMaxDays: DayCount,
  aggregateAbsenceMaxDays: DayCount,
  absencesConnectedToAbuseExcused: z.boolean(),
  /**
   * With the classification parameters and the clause of each conviction (rules/ina/clauses.json)
   * that names a stop-time offense, applies the stop-time rule for offenses.
   */
  stopTimeForOffenses: InaGroundsParams.extend({ clause: z.string().min(1) })
    .superRefine(({ clause }, context) => checkInaClauseId(clause, 'conviction', context))
    .optional(),
  /** Applies the stop-time rule for a notice to appear that itself stated the hearing's time and place. */
  stopTimeForNoticeToAppear: z.boolean().optional(),
  /** The kinds of departure the authorities compelled that break presence at any length. */
  enforcedDepartures: z.array(DepartureEnforcement).optional(),
});

interface Absence {
  exit: Exit;
  /** Fewest and most days away. */
  low: number;
  high: number;
  /** The earliest and the latest day the return could be (Infinity when no return is recorded). */
  backFrom: number;
  backBy: number;
}

function absenceOf(exit: Exit, returns: Returns): Absence {
  const backBy = returns.backBy(exit);
  const backFrom = returns.backFrom(exit);
  const low = Number.isFinite(backFrom) ? Math.max(0, backFrom - exit.range.latest - 1) : 0;
  return { exit, low, high: backBy - exit.range.earliest - 1, backFrom, backBy };
}

/** Every window the presence could have to cover: ending between `endEarliest` and `endLatest`. */
interface Windows {
  endEarliest: number;
  endLatest: number;
}

const yearsBefore = (day: number, years: number) => (Number.isFinite(day) ? anniversary(day, -years) : day);

function evaluate(caseFile: CaseFile, windows: Windows, params: z.infer<typeof Params>, missing: string[], notes: ReviewNote[]): { value: Tri; reason: string } {
  const entries = entriesOf(caseFile)!;
  const exits = exitsOf(caseFile)!;
  // Outer: every day some possible window covers; inner: the days every possible window covers.
  const outer = { start: yearsBefore(windows.endEarliest, params.years), end: windows.endLatest };
  const inner = { start: yearsBefore(windows.endLatest, params.years), end: windows.endEarliest };
  if (entries.every((e) => e.range.earliest > inner.start)) return { value: false, reason: `no entry by ${toIsoDate(inner.start)}` };
  const arrived = entries.some((e) => e.range.latest <= outer.start);

  const returns = new Returns(entries);
  const absences = exits.map((exit) => absenceOf(exit, returns));
  const excused = (a: Absence): Tri => (params.absencesConnectedToAbuseExcused && !a.exit.isRemoval ? (a.exit.connectedToAbuse ?? null) : false);
  const enforced = (a: Absence): Tri => (!params.enforcedDepartures ? false : a.exit.enforcement === undefined ? null : params.enforcedDepartures.includes(a.exit.enforcement as z.infer<typeof DepartureEnforcement>));
  const mayCount = absences.filter((a) => a.exit.range.earliest <= outer.end && a.backBy > outer.start && excused(a) !== true);
  const surelyCounts = absences.filter((a) => a.exit.range.earliest >= inner.start && a.exit.range.latest <= inner.end && excused(a) === false);
  // Away on the start of some window and back, by a recorded entry, only after every window began:
  // presence restarts on the return, so such an absence breaks it as one inside would (the days
  // before the window count toward its length, not toward the total inside it).
  const straddles = absences.filter((a) => a.exit.range.latest < inner.start && Number.isFinite(a.backFrom) && a.backFrom > inner.start && excused(a) === false);
  const surelyReaches = [...surelyCounts, ...straddles];

  const ordered = surelyReaches.find((a) => a.exit.underOrder === true);
  if (ordered) {
    notes.push({ code: 'departureUnderOrder', subject: ordered.exit.label });
    return { value: false, reason: `${ordered.exit.label} was under an order` };
  }
  const compelled = surelyReaches.find((a) => enforced(a) === true);
  if (compelled) return { value: false, reason: `${compelled.exit.label} ended in an enforced departure (${compelled.exit.enforcement!.replaceAll('_', ' ')})` };
  const long = surelyReaches.find((a) => a.low > params.singleAbsenceMaxDays);
  if (long) return { value: false, reason: `${long.exit.label}: at least ${long.low} days away` };
  const totalLow = surelyCounts.reduce((sum, a) => sum + a.low, 0);
  if (totalLow > params.aggregateAbsenceMaxDays) return { value: false, reason: `at least ${totalLow} days away in all` };

  const totalHigh = mayCount.reduce((sum, a) => sum + a.high, 0);
  const settled =
    arrived && mayCount.every((a) => a.exit.underOrder === false && enforced(a) === false && a.high <= params.singleAbsenceMaxDays) && totalHigh <= params.aggregateAbsenceMaxDays;
  const excusedCount = absences.filter((a) => excused(a) === true).length;
  const reason = `${mayCount.length} absence(s) counted, at most ${Number.isFinite(totalHigh) ? totalHigh : 'an unknown number of'} days in all${excusedCount ? `; ${excusedCount} connected to the abuse not counted` : ''}`;
  if (settled) return { value: true, reason };

  if (!arrived && Number.isFinite(outer.start)) missing.push('entries');
  for (const a of mayCount) {
    if (a.exit.underOrder === null) missing.push(`${a.exit.path}.underOrder`);
    if (enforced(a) === null) missing.push(`${a.exit.path}.enforcement`);
    if (params.absencesConnectedToAbuseExcused && excused(a) === null) missing.push(`${a.exit.path}.connectedToAbuse`);
    if (a.exit.range.earliest !== a.exit.range.latest) missing.push(`${a.exit.path}.date`);
    if (!Number.isFinite(a.backBy)) missing.push('entries');
  }
  return { value: null, reason };
}

/**
 * How the notice to appear is read: as the case file records it, or, to see whether it moves the
 * result, as valid (also served a day earlier: the day-counting on the line) or as absent.
 */
type NoticeReading = 'recorded' | 'valid' | 'validDayEarlier' | 'absent';

/**
 * 240A(d)(1)(A): a notice to appear ends presence on the day it was served, if it itself stated the
 * time and place of the hearing. One whose statement is not recorded may end it: the question is
 * asked only if that changes the result. A client in proceedings was served one; a client of whom
 * it is not known may have been, on any day.
 */
function noticeToAppearStops(caseFile: CaseFile, screeningDay: EpochDay, windows: Windows, missing: string[], reading: NoticeReading): void {
  const removal = caseFile.removal;
  let served = rangeOfField(removal?.noticeToAppearDate);
  if (!served) {
    const ever = removal?.noticeToAppearServed ?? (removal?.inProceedings === true ? true : undefined);
    if (ever === false) return;
    missing.push(ever ? 'removal.noticeToAppearDate' : 'removal.noticeToAppearServed');
    served = { earliest: -Infinity, latest: screeningDay };
  } else if (served.earliest !== served.latest) missing.push('removal.noticeToAppearDate');
  if (reading === 'validDayEarlier') served = { earliest: served.earliest - 1, latest: served.latest - 1 };
  if (served.earliest > screeningDay) return;
  const stated = reading === 'recorded' ? removal?.noticeToAppearStatedTimeAndPlace : true;
  if (stated === false) return;
  windows.endEarliest = Math.min(windows.endEarliest, served.earliest);
  if (stated === true) windows.endLatest = Math.min(windows.endLatest, served.latest);
  else missing.push('removal.noticeToAppearStatedTimeAndPlace');
}

/** The window's possible ends: the screening date, or earlier when a notice to appear or an offense stops time. */
function windowsFor(caseFile: CaseFile, screeningDay: EpochDay, params: z.infer<typeof Params>, missing: string[], notes: ReviewNote[], reading: NoticeReading = 'recorded'): Windows {
  const windows = { endEarliest: screeningDay, endLatest: screeningDay };
  if (params.stopTimeForNoticeToAppear && reading !== 'absent') noticeToAppearStops(caseFile, screeningDay, windows, missing, reading);
  if (!params.stopTimeForOffenses) return windows;
  const offenses = groundOffenses(caseFile, screeningDay, params.stopTimeForOffenses, params.stopTimeForOffenses.clause);
  if (!offenses) {
    missing.push('criminalHistory.convictions');
    return { endEarliest: -Infinity, endLatest: screeningDay };
  }
  for (const offense of offenses) {
    if (offense.ground === false) continue;
    const committed: DayRange = offense.committed ?? { earliest: -Infinity, latest: Infinity };
    if (committed.earliest > screeningDay) continue;
    windows.endEarliest = Math.min(windows.endEarliest, committed.earliest);
    if (offense.ground === true) windows.endLatest = Math.min(windows.endLatest, committed.latest);
    notes.push({ code: 'stopTime', subject: offense.path.replace(/\.offenseDate$/, '') });
    if (committed.earliest !== committed.latest) missing.push(offense.path);
  }
  return windows;
}

/**
 * A notice known to have been served is raised for the attorney (its validity under Pereira and
 * Niz-Chavez, its date) only when it may move the result: presence read with the notice as valid
 * is open, or differs from presence read without it, or would if it had been served a day earlier
 * (the notice served on the anniversary itself is on the line).
 */
function noticeMovesResult(caseFile: CaseFile, screeningDay: EpochDay, params: z.infer<typeof Params>): boolean {
  const removal = caseFile.removal;
  if (!params.stopTimeForNoticeToAppear || !(removal?.noticeToAppearDate || removal?.noticeToAppearServed || removal?.inProceedings)) return false;
  const valueWith = (reading: NoticeReading) => evaluate(caseFile, windowsFor(caseFile, screeningDay, params, [], [], reading), params, [], []).value;
  const asValid = valueWith('valid');
  const absent = valueWith('absent');
  return asValid === null || asValid !== absent || valueWith('validDayEarlier') !== absent;
}

export const continuousPhysicalPresence = defineCalculator({
  description:
    'Continuously physically present for a number of years immediately preceding the screening date: no absence over one limit, none over another in all, none under an order, optionally none ending in an enforced departure of the kinds given; absences connected to abuse optionally left out; optionally ended by the stop-time rule for a notice to appear that stated the time and place of the hearing, and for an offense giving rise to a criminal ground.',
  params: Params,
  reviewCodes: ['departureUnderOrder', 'stopTime'],
  compute({ caseFile, screeningDay }, params) {
    if (!entriesOf(caseFile) || !exitsOf(caseFile)) return derived(null, 'the entries or departures are not recorded', missingLists(caseFile));
    const missing: string[] = [];
    const notes: ReviewNote[] = [];
    const windows = windowsFor(caseFile, screeningDay, params, missing, notes);
    const { value, reason } = evaluate(caseFile, windows, params, missing, notes);
    const notice = caseFile.removal?.noticeToAppearDate;
    if (noticeMovesResult(caseFile, screeningDay, params)) notes.push({ code: 'stopTime', subject: `the notice to appear${notice ? ` served ${notice}` : ''}` });
    const end =
      windows.endLatest === screeningDay && windows.endEarliest === screeningDay
        ? 'the screening date'
        : `${Number.isFinite(windows.endEarliest) ? toIsoDate(windows.endEarliest) : 'an unknown date'} to ${toIsoDate(windows.endLatest)} (stop-time)`;
    return derived(value, `${params.years} years ending ${end}: ${reason}`, value === null ? [...new Set(missing)] : [], notes);
  },
});

/**
 * Where the person was, and under what status: presence on a date, continuous residence, status on
 * a date, re-entry after removal, recency of an unlawful entry. Entries and departures may carry
 * partial dates, so each conclusion is true only if it holds for every day the dates could be.
 */
import { z } from 'zod';
import { parseDateSpec, rangeOfField, toIsoDate, anniversary, type DayRange, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { EntryManner, ImmigrationStatus, PriorRemovalBasis } from '../case/schema.js';
import { defineCalculator, derived, type ReviewNote } from './calculator.js';
import { DateParam, DayCount, Years, describeDay, resolveDay } from './params.js';
import { SortedExtremes } from './sorted-extremes.js';
import { triAnd, triOr, type Tri } from './tri.js';

const UNKNOWN_RANGE: DayRange = { earliest: -Infinity, latest: Infinity };

export function rangeOf(spec: string | undefined): DayRange {
  return (spec && parseDateSpec(spec)) || UNKNOWN_RANGE;
}

export interface Movement {
  range: DayRange;
  label: string;
  /** Said to be a return after a removal: orders it after a removal whose dates overlap it. */
  afterRemoval?: boolean | undefined;
}

export interface Exit extends Movement {
  isRemoval: boolean;
  underOrder: boolean | null;
  advanceParole: boolean | undefined;
  briefCasualInnocent: boolean | undefined;
  connectedToAbuse: boolean | undefined;
  /** How the authorities ended the stay without an order (a departure's "enforcement"); "none" for a removal, which is under an order. */
  enforcement: string | undefined;
  path: string;
}

export function entriesOf(caseFile: CaseFile): Movement[] | undefined {
  return caseFile.entries?.map((entry, i) => ({
    range: rangeOf(entry.date),
    label: `entry ${entry.date ?? `#${i + 1} (date unknown)`}`,
    afterRemoval: entry.afterRemoval,
  }));
}

/** Departures and removals together: a removal is a departure under an order. */
export function exitsOf(caseFile: CaseFile): Exit[] | undefined {
  const departures = caseFile.departures;
  const removals = caseFile.removal?.priorRemovals;
  // Both lists must be known: a removal is a departure too.
  if (departures === undefined || removals === undefined) return undefined;
  const exits: Exit[] = [];
  departures.forEach((d, i) =>
    exits.push({
      range: rangeOf(d.date),
      label: `departure ${d.date ?? `#${i + 1} (date unknown)`}`,
      isRemoval: false,
      underOrder: d.underOrder === undefined ? null : d.underOrder !== 'none',
      advanceParole: d.advanceParole,
      briefCasualInnocent: d.briefCasualInnocent,
      connectedToAbuse: d.connectedToAbuse,
      enforcement: d.enforcement,
      path: `departures[${i}]`,
    }),
  );
  removals.forEach((r, i) =>
    exits.push({
      range: rangeOf(r.date),
      label: `removal ${r.date ?? `#${i + 1} (date unknown)`}`,
      isRemoval: true,
      underOrder: true,
      advanceParole: false,
      briefCasualInnocent: false,
      connectedToAbuse: undefined,
      enforcement: 'none',
      path: `removal.priorRemovals[${i}]`,
    }),
  );
  return exits;
}

/** Missing-fact paths when the movement lists themselves are absent. */
export function missingLists(caseFile: CaseFile): string[] {
  const missing: string[] = [];
  if (!caseFile.entries) missing.push('entries');
  if (!caseFile.departures) missing.push('departures');
  if (!caseFile.removal?.priorRemovals) missing.push('removal.priorRemovals');
  return missing;
}

/**
 * The returns that may follow each exit, found by a binary search instead of a scan of every
 * entry. An entry surely came after an exit when it began after the exit's last possible day, or
 * when the exit is a removal, the entry is said to be a return after a removal and the dates do
 * not put it before that removal. An entry not surely before an exit may come after it.
 */
export class Returns {
  /** The latest day of the entries, by their earliest day: those surely after an exit by their dates. */
  private readonly latestByEarliest: SortedExtremes;
  /** The latest day of the entries said to be returns after a removal, by that same day. */
  private readonly returnLatest: SortedExtremes;
  /** The earliest day of the entries, by their latest day: those that may come after an exit. */
  private readonly earliestByLatest: SortedExtremes;

  constructor(entries: Movement[]) {
    this.latestByEarliest = new SortedExtremes(entries.map((e) => ({ key: e.range.earliest, value: e.range.latest })), 'min');
    const returns = entries.filter((e) => e.afterRemoval === true);
    this.returnLatest = new SortedExtremes(returns.map((e) => ({ key: e.range.latest, value: e.range.latest })), 'min');
    this.earliestByLatest = new SortedExtremes(entries.map((e) => ({ key: e.range.latest, value: e.range.earliest })), 'min');
  }

  /** The latest day by which a return surely after `exit` came (Infinity when none is recorded). */
  backBy(exit: Exit): number {
    const byDates = this.latestByEarliest.above(exit.range.latest);
    // A return after a removal whose dates overlap the removal's comes after it too.
    return exit.isRemoval ? Math.min(byDates, this.returnLatest.above(exit.range.earliest, true)) : byDates;
  }

  /** The earliest day a return after `exit` could be: of every entry not surely before it (Infinity when none). */
  backFrom(exit: Exit): number {
    return this.earliestByLatest.above(exit.range.earliest, true);
  }
}

/**
 * Physically present on `day`? A person is taken to be present on the day of an entry and on the
 * day of a departure. Also used by other calculators.
 */
export function presenceOn(caseFile: CaseFile, day: EpochDay, screeningDay: EpochDay): { value: Tri; detail: string } {
  if (day === screeningDay && caseFile.person?.currentLocation) {
    const here = caseFile.person.currentLocation === 'united_states';
    return { value: here, detail: `the case file says the client is ${here ? 'in' : 'outside'} the United States now` };
  }
  const entries = entriesOf(caseFile);
  const exits = exitsOf(caseFile);
  if (!entries) return { value: null, detail: 'the entries are not recorded' };
  if (!entries.some((e) => e.range.earliest <= day)) {
    return { value: false, detail: `no recorded entry on or before ${toIsoDate(day)}` };
  }
  if (!exits) return { value: null, detail: 'the departures are not recorded' };
  // An exit that may have begun before the day spoils an entry unless it surely came before the
  // entry (isBefore): only the latest such exits matter, so one pass gathers them.
  let departedLatest = -Infinity;
  let removedLatest = -Infinity;
  let removedEarliest = -Infinity;
  for (const exit of exits) {
    if (exit.range.earliest >= day) continue;
    if (!exit.isRemoval) departedLatest = Math.max(departedLatest, exit.range.latest);
    else {
      removedLatest = Math.max(removedLatest, exit.range.latest);
      removedEarliest = Math.max(removedEarliest, exit.range.earliest);
    }
  }
  for (const entry of entries) {
    if (entry.range.latest > day) continue;
    // A return after a removal follows every removal that does not surely begin after it.
    const spoiled = departedLatest >= entry.range.earliest || (entry.afterRemoval === true ? removedEarliest > entry.range.latest : removedLatest >= entry.range.earliest);
    if (!spoiled) return { value: true, detail: `${entry.label}, with no departure from then until ${toIsoDate(day)}` };
  }
  // An exit before the day is followed by a return if some entry by the day may come after it.
  let enteredLatest = -Infinity;
  for (const entry of entries) if (entry.range.earliest <= day) enteredLatest = Math.max(enteredLatest, entry.range.latest);
  for (const exit of exits) {
    if (exit.range.latest >= day) continue;
    if (enteredLatest < exit.range.earliest) return { value: false, detail: `${exit.label}, with no recorded return by ${toIsoDate(day)}` };
  }
  return { value: null, detail: `the recorded dates do not settle where the client was on ${toIsoDate(day)}` };
}

/** The movement dates that leave presence on `day` open: those that may fall on either side of it. */
function unsettledDates(caseFile: CaseFile, day: EpochDay): string[] {
  const open = (spec: string | undefined) => {
    const range = rangeOf(spec);
    return range.earliest <= day && range.latest >= day && range.earliest !== range.latest;
  };
  return [
    ...(caseFile.entries ?? []).flatMap((e, i) => (open(e.date) ? [`entries[${i}].date`] : [])),
    ...(caseFile.departures ?? []).flatMap((d, i) => (open(d.date) ? [`departures[${i}].date`] : [])),
    ...(caseFile.removal?.priorRemovals ?? []).flatMap((r, i) => (open(r.date) ? [`removal.priorRemovals[${i}].date`] : [])),
  ];
}

export const presentOn = defineCalculator({
  description: 'Physically present in the United States on a date.',
  params: z.strictObject({ date: DateParam }),
  reviewCodes: [],
  compute(context, params) {
    const day = resolveDay(params.date, context);
    const { value, detail } = presenceOn(context.caseFile, day, context.screeningDay);
    const missing = value === null ? [...missingLists(context.caseFile), ...unsettledDates(context.caseFile, day)] : [];
    if (value === null && day === context.screeningDay) missing.push('person.currentLocation');
    return derived(value, detail, missing);
  },
});

export const continuousResidenceSince = defineCalculator({
  description:
    'Continuously resided in the United States from a start date to the screening date: arrived by the start date, and every absence since (including one under way on the start date) is excused: brief, casual and innocent before a cutoff, with advance parole after it, and never under an order.',
  params: z.strictObject({
    since: DateParam,
    briefAbsencesExcusedBefore: DateParam,
    advanceParoleExcusesAfterCutoff: z.boolean(),
    /** The law says "on or before" the start date: arriving that day plainly qualifies, no review. */
    arrivalOnStartDateQualifies: z.boolean().optional(),
  }),
  reviewCodes: ['arrivedOnStartDate', 'departureUnderOrder', 'briefCasualInnocentAssessed'],
  compute(context, params) {
    const { caseFile, screeningDay } = context;
    const since = resolveDay(params.since, context);
    const cutoff = resolveDay(params.briefAbsencesExcusedBefore, context);
    const entries = entriesOf(caseFile);
    if (!entries) return derived(null, 'the entries are not recorded', ['entries']);
    const notes: ReviewNote[] = [];
    const entryOnStart = caseFile.entries?.find((e) => {
      const range = rangeOfField(e.date);
      return range?.earliest === since && range.latest === since;
    });
    if (entryOnStart && !params.arrivalOnStartDateQualifies) notes.push({ code: 'arrivedOnStartDate', subject: `entry ${entryOnStart.date}` });
    const arrived: Tri = entries.some((e) => e.range.latest <= since) ? true : entries.every((e) => e.range.earliest > since) ? false : null;
    if (arrived === false) return derived(false, `no entry on or before ${describeDay(params.since)}`, [], notes);
    const exits = exitsOf(caseFile);
    if (!exits) return derived(null, 'the departures are not recorded', missingLists(caseFile), notes);

    // An absence under way on the start date counts like one begun after it.
    const present = presenceOn(caseFile, since, screeningDay).value;
    const returns = new Returns(entries);
    const awayOnStart = new Set(exits.filter((x) => x.range.latest < since && !(returns.backBy(x) <= since)));
    const missing: string[] = arrived === null ? ['entries'] : [];
    const verdicts: Tri[] = [arrived];
    const reasons: string[] = [];
    for (const exit of exits) {
      if (exit.range.earliest > screeningDay) continue;
      let surelyInWindow: boolean;
      if (exit.range.latest >= since) surelyInWindow = exit.range.earliest >= since && exit.range.latest <= screeningDay;
      else if (present !== true && awayOnStart.has(exit)) surelyInWindow = present === false && awayOnStart.size === 1;
      else continue;
      let excused = absenceExcused(exit, cutoff, params.advanceParoleExcusesAfterCutoff, missing, notes);
      reasons.push(describeAbsence(exit, excused, cutoff, params.briefAbsencesExcusedBefore));
      // An exit whose dates only may fall in the window cannot break residence for sure.
      if (!surelyInWindow && excused === false) {
        excused = null;
        missing.push(`${exit.path}.date`);
      }
      verdicts.push(excused);
    }
    const value = triAnd(verdicts);
    const detail = `${arrived ? 'arrived' : 'may have arrived'} by ${describeDay(params.since)}` + (reasons.length ? `; ${reasons.join('; ')}` : '; no absence since then');
    return derived(value, detail, value === null ? [...new Set(missing)] : [], notes);
  },
});

/** Whether one absence is excused: never under an order; before the cutoff if brief, casual and innocent; after it with advance parole. */
function absenceExcused(exit: Exit, cutoff: EpochDay, paroleExcuses: boolean, missing: string[], notes: ReviewNote[]): Tri {
  let excused: Tri;
  if (exit.underOrder === true) {
    notes.push({ code: 'departureUnderOrder', subject: exit.label });
    return false;
  }
  if (exit.range.latest < cutoff) {
    excused = exit.briefCasualInnocent ?? null;
    if (excused === null) missing.push(`${exit.path}.briefCasualInnocent`);
    else notes.push({ code: 'briefCasualInnocentAssessed', subject: exit.label });
  } else if (exit.range.earliest >= cutoff) {
    excused = paroleExcuses ? (exit.advanceParole ?? null) : false;
    if (excused === null) missing.push(`${exit.path}.advanceParole`);
  } else {
    excused = null;
    missing.push(`${exit.path}.date`);
  }
  if (exit.underOrder === null && excused !== false) {
    missing.push(`${exit.path}.underOrder`);
    return null;
  }
  return excused;
}

function describeAbsence(exit: Exit, excused: Tri, cutoff: EpochDay, cutoffParam: DateParam): string {
  if (exit.underOrder === true) return `${exit.label} was under an order`;
  const verdict = excused === null ? 'may or may not be excused' : excused ? 'is excused' : 'is not excused';
  const rule = exit.range.latest < cutoff ? 'brief, casual and innocent' : exit.range.earliest >= cutoff ? 'advance parole' : `which side of ${describeDay(cutoffParam)}`;
  return `${exit.label} ${verdict} (${rule})`;
}

export const lawfulStatusOn = defineCalculator({
  description: 'Held a lawful immigration status on a date, according to the status history.',
  params: z.strictObject({
    date: DateParam,
    lawfulStatuses: z.array(ImmigrationStatus).min(1),
    unsettledStatuses: z.array(ImmigrationStatus),
  }),
  reviewCodes: ['unsettledStatus', 'statusEndsOnDate'],
  compute(context, params) {
    const history = context.caseFile.statusHistory;
    if (!history) return derived(null, 'the status history is not recorded', ['statusHistory']);
    const day = resolveDay(params.date, context);
    const covering = history.map((period) => {
      const from = rangeOf(period.from);
      // "present" means it continues; an absent end is unknown: any time from the start on.
      const to = period.to === 'present' ? { earliest: Infinity, latest: Infinity } : period.to ? rangeOf(period.to) : { earliest: from.earliest, latest: Infinity };
      const surely = from.latest <= day && to.earliest >= day;
      const maybe = from.earliest <= day && to.latest >= day;
      return { status: period.status, surely, maybe };
    });
    const lawful = (status: string) => params.lawfulStatuses.includes(status as never);
    const possible = covering.filter((c) => c.maybe);
    if (possible.length === 0) return derived(null, `no status period covers ${describeDay(params.date)}`, ['statusHistory']);
    const notes: ReviewNote[] = possible
      .filter((c) => params.unsettledStatuses.includes(c.status))
      .map((c) => ({ code: 'unsettledStatus', subject: c.status }));
    // "Expired as of" a date leaves the last day itself open.
    const endsThatDay = history.filter((p) => {
      const end = p.to && p.to !== 'present' ? parseDateSpec(p.to) : undefined;
      return lawful(p.status) && end?.earliest === day && end.latest === day;
    });
    for (const period of endsThatDay) notes.push({ code: 'statusEndsOnDate', subject: `${period.status} until ${period.to}` });
    const lastDay = new Set(endsThatDay.map((p) => p.status));
    const value: Tri = triOr(
      possible.map((c) => (params.unsettledStatuses.includes(c.status) || lastDay.has(c.status) ? null : lawful(c.status) ? (c.surely ? true : null) : false)),
    );
    const settled = value === false && !possible.some((c) => c.surely) ? null : value;
    const statuses = possible.map((c) => c.status.replaceAll('_', ' ')).join(', ');
    return derived(settled, `status on ${describeDay(params.date)}: ${statuses}`, settled === null ? ['statusHistory'] : [], notes);
  },
});

export const reenteredAfterRemoval = defineCalculator({
  description: 'Re-entered the United States without inspection after a prior removal.',
  params: z.strictObject({}),
  reviewCodes: [],
  compute({ caseFile }) {
    const removals = caseFile.removal?.priorRemovals;
    if (!removals) return derived(null, 'prior removals are not recorded', ['removal.priorRemovals']);
    if (removals.length === 0) return derived(false, 'no prior removal');
    const entries = caseFile.entries;
    if (!entries) return derived(null, 'the entries are not recorded', ['entries']);
    // Some (removal, entry) pair is (maybe) an unlawful return: the earliest removal is the best
    // candidate for every entry, so two minima stand for the whole list of removals.
    let earliestStart = Infinity;
    let earliestEnd = Infinity;
    for (const removal of removals) {
      const removed = rangeOf(removal.date);
      earliestStart = Math.min(earliestStart, removed.earliest);
      earliestEnd = Math.min(earliestEnd, removed.latest);
    }
    const verdicts = entries.map((entry): Tri => {
      const entered = rangeOf(entry.date);
      // Surely after some removal (enteredAfterRemoval true), or possibly (not false).
      const surely = entry.afterRemoval === true ? earliestStart <= entered.latest : earliestEnd < entered.earliest;
      const possibly = entry.afterRemoval === false ? earliestEnd < entered.earliest : earliestStart <= entered.latest;
      const after: Tri = surely ? true : possibly ? null : false;
      const unlawful: Tri = entry.manner === undefined ? null : entry.manner === 'without_inspection';
      return triAnd([after, unlawful]);
    });
    const value = triOr(verdicts);
    const open = entries.flatMap((entry, i) => (entry.manner === undefined ? [`entries[${i}].manner`] : entry.afterRemoval === undefined ? [`entries[${i}].afterRemoval`] : []));
    return derived(value, `${removals.length} prior removal(s); ${entries.length} recorded entr${entries.length === 1 ? 'y' : 'ies'}`, value === null ? open : []);
  },
});

export const lastEntryMannerIn = defineCalculator({
  description: 'The latest recorded entry into the United States was made in one of the given manners (e.g. without inspection).',
  params: z.strictObject({ manners: z.array(EntryManner).min(1) }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const entries = caseFile.entries;
    if (!entries) return derived(null, 'the entries are not recorded', ['entries']);
    if (entries.length === 0) return derived(false, 'no recorded entry');
    const ranges = entries.map((e) => rangeOf(e.date));
    // Any entry that may be the latest one decides, unless they agree.
    const surelyLast = ranges.reduce((last, r) => Math.max(last, r.earliest), -Infinity);
    const candidate = ranges.map((r) => r.latest >= surelyLast);
    const candidates = entries.filter((_, i) => candidate[i]);
    const verdicts: Tri[] = candidates.map((e) => (e.manner === undefined ? null : params.manners.includes(e.manner)));
    const value: Tri = verdicts.every((v) => v === true) ? true : verdicts.every((v) => v === false) ? false : null;
    const open = entries.flatMap((e, i) => (candidate[i] ? [e.manner === undefined ? `entries[${i}].manner` : `entries[${i}].date`] : []));
    const described = candidates.map((e) => `${e.date ?? 'undated entry'} (${e.manner?.replaceAll('_', ' ') ?? 'manner unknown'})`).join(' or ');
    return derived(value, `latest entry: ${described}`, value === null ? open : []);
  },
});

export const priorRemovalOnOrBefore = defineCalculator({
  description: 'Was removed on or before a date, on one of the given bases (criminal, non-criminal).',
  params: z.strictObject({ date: DateParam, bases: z.array(PriorRemovalBasis).min(1) }),
  reviewCodes: [],
  compute(context, params) {
    const removals = context.caseFile.removal?.priorRemovals;
    if (!removals) return derived(null, 'prior removals are not recorded', ['removal.priorRemovals']);
    const day = resolveDay(params.date, context);
    const missing: string[] = [];
    const verdicts = removals.map((removal, i): Tri => {
      const range = rangeOf(removal.date);
      const inTime: Tri = range.latest <= day ? true : range.earliest > day ? false : null;
      const basis: Tri = removal.basis === undefined ? null : params.bases.includes(removal.basis);
      if (inTime === null) missing.push(`removal.priorRemovals[${i}].date`);
      if (basis === null) missing.push(`removal.priorRemovals[${i}].basis`);
      return triAnd([inTime, basis]);
    });
    const value = triOr(verdicts);
    const detail = removals.length ? `${removals.length} prior removal(s), tested for one on or before ${describeDay(params.date)} (${params.bases.join(' or ').replaceAll('_', '-')})` : 'no prior removal';
    return derived(value, detail, value === null ? missing : []);
  },
});

export const recentUnlawfulEntry = defineCalculator({
  description:
    'The latest entry without inspection was recent. Where the law gives no number, two thresholds bound the answer: within the first it is recent, beyond the second it is not, in between it is left for review (recencyUndefined, raised only for a dated entry without inspection in between).',
  params: z.strictObject({ recentWithinDays: DayCount, notRecentAfterDays: DayCount }),
  reviewCodes: ['recencyUndefined'],
  compute({ caseFile, screeningDay }, params) {
    const entries = caseFile.entries;
    if (!entries) return derived(null, 'the entries are not recorded', ['entries']);
    // Review only near the line: an entry known to be without inspection, dated, and neither within the
    // first threshold nor beyond the second. An unknown date or manner is a question for the client.
    let nearTheLine = false;
    const verdicts: Tri[] = entries.map((entry) => {
      if (entry.manner !== undefined && entry.manner !== 'without_inspection') return false;
      const range = rangeOf(entry.date);
      const recent: Tri =
        screeningDay - range.earliest <= params.recentWithinDays ? true : screeningDay - range.latest > params.notRecentAfterDays ? false : null;
      if (recent === null && entry.manner !== undefined && Number.isFinite(range.earliest) && Number.isFinite(range.latest)) nearTheLine = true;
      return entry.manner === undefined ? (recent === false ? false : null) : recent;
    });
    const value = triOr(verdicts);
    const notes = value === null && nearTheLine ? [{ code: 'recencyUndefined' }] : [];
    return derived(value, `${entries.length} recorded entr${entries.length === 1 ? 'y' : 'ies'} checked against the screening date`, value === null ? ['entries'] : [], notes);
  },
});

/** Earliest recorded entry, as a range; used for length of presence. */
function firstEntryRange(caseFile: CaseFile): DayRange | undefined {
  const ranges = caseFile.entries?.map((e) => rangeOf(e.date));
  if (!ranges || ranges.length === 0) return undefined;
  return { earliest: Math.min(...ranges.map((r) => r.earliest)), latest: Math.min(...ranges.map((r) => r.latest)) };
}

export const yearsSinceFirstEntryAtLeast = defineCalculator({
  description: 'At least a number of years have passed between the first recorded entry and the screening date.',
  params: z.strictObject({ years: Years }),
  reviewCodes: [],
  compute({ caseFile, screeningDay }, params) {
    const first = firstEntryRange(caseFile);
    if (!first || !Number.isFinite(first.latest)) return derived(null, 'the date of first entry is not recorded', ['entries']);
    // An undated entry could be the first one, at any earlier time: then "not yet N years" is never sure.
    const longEnough = anniversary(first.latest, params.years) <= screeningDay;
    const tooShort = Number.isFinite(first.earliest) && anniversary(first.earliest, params.years) > screeningDay;
    const value: Tri = longEnough ? true : tooShort ? false : null;
    const from = Number.isFinite(first.earliest) ? toIsoDate(first.earliest) : 'an unknown date';
    return derived(value, `first entry ${from}${first.latest !== first.earliest ? ` to ${toIsoDate(first.latest)}` : ''}`, value === null ? ['entries'] : []);
  },
});


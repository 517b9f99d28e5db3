import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { continuousResidenceSince, lastEntryMannerIn, lawfulStatusOn, presenceOn, presentOn, recentUnlawfulEntry, reenteredAfterRemoval, yearsSinceFirstEntryAtLeast } from '../../src/facts/timeline.js';

const SCREENING = '2013-01-15';
const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate(SCREENING) });
/** No prior removals: with departures, what makes the movement history complete. */
const neverRemoved = { removal: { priorRemovals: [] } };
const present = (caseFile: CaseFile, day: string) => presenceOn(caseFile, parseExactDate(day), parseExactDate(SCREENING)).value;

describe('presence on a date', () => {
  const trip: CaseFile = { ...neverRemoved, entries: [{ date: '2000-05-01' }, { date: '2012-06-16' }], departures: [{ date: '2012-06-01' }] };
  it('does not take a return dated the day of the departure as before it', () => {
    const sameDay: CaseFile = { ...neverRemoved, entries: [{ date: '2000-05-01' }, { date: '2012-06-10' }], departures: [{ date: '2012-06-10' }] };
    expect(present(sameDay, '2012-06-15')).toBeNull();
  });
  it('asks for the dates that leave presence open', () => {
    const vague: CaseFile = { ...neverRemoved, entries: [{ date: '2000-05-01' }, { date: '2012-06' }], departures: [{ date: '2012-06' }] };
    const result = presentOn.compute(context(vague), { date: '2012-06-15' });
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(expect.arrayContaining(['entries[1].date', 'departures[0].date']));
  });
  it('counts the days of entry and of departure as days present', () => {
    expect(present(trip, '2012-06-01')).toBe(true);
    expect(present(trip, '2012-06-15')).toBe(false);
    expect(present(trip, '2012-06-16')).toBe(true);
  });
  it('is false before any entry and unknown when departures or removals are not recorded', () => {
    expect(present({ entries: [{ date: '2000-05-01' }], departures: [] }, '2000-04-30')).toBe(false);
    expect(present({ ...neverRemoved, entries: [{ date: '2000-05-01' }] }, '2005-01-01')).toBeNull();
    expect(present({ entries: [{ date: '2000-05-01' }], departures: [] }, '2005-01-01')).toBeNull();
    expect(present({ ...neverRemoved, entries: [{ date: '2000-05-01' }], departures: [] }, '2005-01-01')).toBe(true);
  });
  it('uses the current location for the screening date', () => {
    expect(present({ person: { currentLocation: 'outside_united_states' }, entries: [{ date: '2000-05-01' }], departures: [] }, SCREENING)).toBe(false);
  });
  it('orders a return marked afterRemoval after a removal in the same year', () => {
    const ramos: CaseFile = { entries: [{ date: '1990' }, { date: '1999', afterRemoval: true }], departures: [], removal: { priorRemovals: [{ date: '1999' }] } };
    expect(present(ramos, '2007-06-15')).toBe(true);
    const unordered: CaseFile = { entries: [{ date: '1990' }, { date: '1999' }], departures: [], removal: { priorRemovals: [{ date: '1999' }] } };
    expect(present(unordered, '2007-06-15')).toBeNull();
  });
});

describe('continuous residence', () => {
  const params = { since: '2007-06-15', briefAbsencesExcusedBefore: '2012-08-15', advanceParoleExcusesAfterCutoff: true };
  const resident = (caseFile: CaseFile) => continuousResidenceSince.compute(context({ ...neverRemoved, ...caseFile }), params);
  const entries = [{ date: '2000-05-01' }, { date: '2012-09-01' }];
  it('is broken by travel from the cutoff without advance parole, and not the day before', () => {
    expect(resident({ entries, departures: [{ date: '2012-08-15', underOrder: 'none', advanceParole: false }] }).value).toBe(false);
    expect(resident({ entries, departures: [{ date: '2012-08-14', underOrder: 'none', briefCasualInnocent: true }] }).value).toBe(true);
  });
  it('asks whether an earlier absence was brief, casual and innocent', () => {
    const result = resident({ entries, departures: [{ date: '2010-01-01', underOrder: 'none' }] });
    expect(result.value).toBeNull();
    expect(result.missing).toContain('departures[0].briefCasualInnocent');
  });
  it('cannot be broken for sure by a removal whose date is unknown', () => {
    expect(resident({ entries, departures: [], removal: { priorRemovals: [{}] } }).value).toBeNull();
  });
  it('is broken by a departure under an order, with a review note', () => {
    const result = resident({ entries, departures: [{ date: '2010-01-01', underOrder: 'removal', briefCasualInnocent: true }] });
    expect(result.value).toBe(false);
    expect(result.notes.map((n) => n.code)).toContain('departureUnderOrder');
  });
  it('flags an arrival on the start date itself', () => {
    const result = resident({ entries: [{ date: '2007-06-15' }], departures: [] });
    expect(result.value).toBe(true);
    expect(result.notes.map((n) => n.code)).toEqual(['arrivedOnStartDate']);
  });
});

describe('status on a date', () => {
  const params = { date: '2012-06-15', lawfulStatuses: ['nonimmigrant' as const], unsettledStatuses: ['parole' as const] };
  const lawful = (caseFile: CaseFile) => lawfulStatusOn.compute(context(caseFile), params);
  it('reads an end date of "present" as continuing, and an absent end as unknown', () => {
    expect(lawful({ statusHistory: [{ status: 'none', from: '2010-01-01', to: 'present' }] }).value).toBe(false);
    expect(lawful({ statusHistory: [{ status: 'none', from: '2010-01-01' }] }).value).toBeNull();
  });
  it('is lawful before the last day of a status, open on that day, and not after', () => {
    expect(lawful({ statusHistory: [{ status: 'nonimmigrant', from: '2010-01-01', to: '2012-06-16' }] }).value).toBe(true);
    expect(lawful({ statusHistory: [{ status: 'nonimmigrant', from: '2010-01-01', to: '2012-06-15' }] })).toMatchObject({ value: null, notes: [{ code: 'statusEndsOnDate' }] });
    expect(lawful({ statusHistory: [{ status: 'nonimmigrant', from: '2010-01-01', to: '2012-06-14' }, { status: 'none', from: '2012-06-15', to: 'present' }] }).value).toBe(false);
  });
  it('is unknown, with review, for an unsettled status, and unknown for a gap', () => {
    expect(lawful({ statusHistory: [{ status: 'parole', from: '2012-01-01', to: 'present' }] })).toMatchObject({ value: null, notes: [{ code: 'unsettledStatus' }] });
    expect(lawful({ statusHistory: [{ status: 'none', from: '2012-07-01', to: 'present' }] }).value).toBeNull();
  });
});

describe('removal history', () => {
  it('finds an unlawful re-entry after a removal', () => {
    const caseFile: CaseFile = { entries: [{ date: '1990', manner: 'without_inspection' }, { date: '2001', manner: 'without_inspection' }], removal: { priorRemovals: [{ date: '1999' }] } };
    expect(reenteredAfterRemoval.compute(context(caseFile), {}).value).toBe(true);
  });
  it('is false without removals and unknown when removals are not recorded', () => {
    expect(reenteredAfterRemoval.compute(context({ removal: { priorRemovals: [] } }), {}).value).toBe(false);
    expect(reenteredAfterRemoval.compute(context({}), {}).value).toBeNull();
  });
});

describe('recency and length of presence', () => {
  const params = { recentWithinDays: 365, notRecentAfterDays: 1095 };
  const recent = (date: string) => recentUnlawfulEntry.compute(context({ entries: [{ date, manner: 'without_inspection' }] }), params).value;
  it('is recent within the first threshold, not past the second, and open between', () => {
    expect(recent('2012-01-16')).toBe(true);
    expect(recent('2011-01-15')).toBeNull();
    expect(recent('2010-01-15')).toBe(false);
  });
  it('counts years since the first entry', () => {
    const years = (date: string) => yearsSinceFirstEntryAtLeast.compute(context({ entries: [{ date }] }), { years: 10 }).value;
    expect(years('2003-01-15')).toBe(true);
    expect(years('2003-01-16')).toBe(false);
  });
});

describe('lastEntryMannerIn', () => {
  const withoutInspection = (caseFile: CaseFile) => lastEntryMannerIn.compute(context(caseFile), { manners: ['without_inspection'] });
  it('reads the manner of the latest entry', () => {
    expect(withoutInspection({ entries: [{ date: '2000-05-01', manner: 'admitted' }, { date: '2005-01-01', manner: 'without_inspection' }] }).value).toBe(true);
    expect(withoutInspection({ entries: [{ date: '2000-05-01', manner: 'without_inspection' }, { date: '2005-01-01', manner: 'admitted' }] }).value).toBe(false);
  });
  it('is unknown when entries whose order the dates leave open differ, or the manner is missing', () => {
    const result = withoutInspection({ entries: [{ date: '2005', manner: 'admitted' }, { date: '2005-06-01', manner: 'without_inspection' }] });
    expect(result).toMatchObject({ value: null, missing: ['entries[0].date', 'entries[1].date'] });
    expect(withoutInspection({ entries: [{ date: '2005-06-01' }] })).toMatchObject({ value: null, missing: ['entries[0].manner'] });
  });
  it('is settled when every possibly-latest entry agrees', () => {
    expect(withoutInspection({ entries: [{ date: '2005', manner: 'without_inspection' }, { date: '2005-06-01', manner: 'without_inspection' }] }).value).toBe(true);
  });
  it('is false with no entry and unknown when entries are not recorded', () => {
    expect(withoutInspection({ entries: [] }).value).toBe(false);
    expect(withoutInspection({})).toMatchObject({ value: null, missing: ['entries'] });
  });
});

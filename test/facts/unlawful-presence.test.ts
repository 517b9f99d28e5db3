import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { daysCovered, unlawfulPresenceBeforeRecentDeparture } from '../../src/facts/unlawful-presence.js';

const context = (caseFile: CaseFile, screening = '2024-06-01') => ({ caseFile, screeningDay: parseExactDate(screening) });
const oneYearTenYears = { countedFrom: '1997-04-01', notCountedUnderAge: 18, minimumDays: 365, withinYears: 10, includeRemovals: true, voluntaryDeparturesOnly: false };
/** An adult who entered on 2015-01-01 without status and left on `left`. */
const stay = (left: string, extra: Partial<CaseFile> = {}): CaseFile => ({
  person: { dateOfBirth: '1990-01-01' },
  entries: [{ date: '2015-01-01', manner: 'without_inspection' }, { date: '2020-01-01', manner: 'without_inspection' }],
  departures: [{ date: left, underOrder: 'none' }],
  removal: { priorRemovals: [] },
  statusHistory: [{ status: 'none', from: '2015-01-01', to: 'present' }],
  ...extra,
});
const barred = (caseFile: CaseFile, params = oneYearTenYears, screening?: string) => unlawfulPresenceBeforeRecentDeparture.compute(context(caseFile, screening), params);

describe('daysCovered', () => {
  it('counts the union of intervals within a window', () => {
    expect(daysCovered([[1, 10], [5, 20], [30, 31]], 0, 100)).toBe(22);
    expect(daysCovered([[1, 10]], 5, 6)).toBe(2);
    expect(daysCovered([[10, 1]], 0, 100)).toBe(0);
  });
});

describe('unlawfulPresenceBeforeRecentDeparture', () => {
  it('counts 364 days before a departure as short of a year, and 365 as a year', () => {
    expect(barred(stay('2015-12-31')).value).toBe(false);
    expect(barred(stay('2016-01-01')).value).toBe(true);
  });
  it('lets the bar run out the day the years have passed since the departure', () => {
    expect(barred(stay('2016-01-01'), oneYearTenYears, '2025-12-31').value).toBe(true);
    expect(barred(stay('2016-01-01'), oneYearTenYears, '2026-01-01').value).toBe(false);
  });
  it('does not count time under 18, nor time before the starting date', () => {
    expect(barred(stay('2016-01-01', { person: { dateOfBirth: '1997-06-01' } })).value).toBe(false);
    expect(barred(stay('2016-01-01'), { ...oneYearTenYears, countedFrom: '2015-06-01' }).value).toBe(false);
  });
  it('is false with no departure and unknown without the date of birth when the stay is long enough', () => {
    expect(barred(stay('2016-01-01', { departures: [] })).value).toBe(false);
    expect(barred(stay('2016-01-01', { person: {} }))).toMatchObject({ value: null, missing: expect.arrayContaining(['person.dateOfBirth']) });
  });
  it('leaves a partial departure date open when it straddles the line', () => {
    expect(barred(stay('2015-10')).value).toBe(false);
    expect(barred(stay('2015-12/2016-01'))).toMatchObject({ value: null, missing: expect.arrayContaining(['departures[0].date']) });
    expect(barred(stay('2016')).value).toBe(true);
  });
  it('counts a removal when asked, and only voluntary departures when asked', () => {
    const removed = stay('2016-01-01', { departures: [], removal: { priorRemovals: [{ date: '2016-01-01' }] } });
    expect(barred(removed).value).toBe(true);
    expect(barred(removed, { ...oneYearTenYears, includeRemovals: false }).value).toBe(false);
    const underOrder = stay('2016-01-01', { departures: [{ date: '2016-01-01', underOrder: 'removal' }] });
    expect(barred(underOrder, { ...oneYearTenYears, voluntaryDeparturesOnly: true }).value).toBe(false);
  });
  it('is unknown when the movements or the status history are not recorded', () => {
    expect(barred({ entries: [], departures: [] })).toMatchObject({ value: null, missing: ['removal.priorRemovals', 'statusHistory'] });
  });
});

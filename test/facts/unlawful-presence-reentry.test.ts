import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { unlawfulPresenceThenEntryWithoutAdmission } from '../../src/facts/unlawful-presence-reentry.js';

const params = { countedFrom: '1997-04-01', minimumDays: 366, minorAge: 18 };
/** An adult without status from 2005-06-01 who left on `left` and came back on 2006-07-01. */
const trip = (left: string, back: NonNullable<CaseFile['entries']>[number] = { date: '2006-07-01', manner: 'without_inspection' }, extra: Partial<CaseFile> = {}): CaseFile => ({
  person: { dateOfBirth: '1980-01-01' },
  entries: [{ date: '2005-06-01', manner: 'without_inspection' }, back],
  departures: [{ date: left, underOrder: 'none', briefCasualInnocent: false }],
  removal: { priorRemovals: [] },
  statusHistory: [{ status: 'none', from: '2005-06-01', to: 'present' }],
  ...extra,
});
const ground = (caseFile: CaseFile) => unlawfulPresenceThenEntryWithoutAdmission.compute({ caseFile, screeningDay: parseExactDate('2013-01-15') }, params);

describe('unlawfulPresenceThenEntryWithoutAdmission', () => {
  it('needs more than a year: 365 days before the return is not, 366 is', () => {
    expect(ground(trip('2006-06-01')).value).toEqual({ applies: false, appliesIfMinorityCounts: false });
    expect(ground(trip('2006-06-02')).value).toEqual({ applies: true, appliesIfMinorityCounts: true });
  });
  it('reaches an attempted entry (an apprehension at the border), not an admission or a parole without one', () => {
    expect(ground(trip('2006-06-02', { date: '2006-07-01', manner: 'paroled', apprehendedAtBorder: true })).value).toMatchObject({ applies: true });
    expect(ground(trip('2006-06-02', { date: '2006-07-01', manner: 'paroled', apprehendedAtBorder: false })).value).toMatchObject({ applies: false });
    expect(ground(trip('2006-06-02', { date: '2006-07-01', manner: 'admitted' })).value).toMatchObject({ applies: false });
    const untold = ground(trip('2006-06-02', { date: '2006-07-01' }));
    expect(untold.value).toMatchObject({ applies: null });
    expect(untold.missing).toContain('entries[1].manner');
  });
  it('adds up the stays, and counts nothing abroad or with status', () => {
    const twoStays = (secondLeft: string): CaseFile => ({
      ...trip('2005-12-01'),
      entries: [{ date: '2005-06-01', manner: 'without_inspection' }, { date: '2006-02-01', manner: 'without_inspection' }, { date: '2006-09-01', manner: 'without_inspection' }],
      departures: [{ date: '2005-12-01', underOrder: 'none' }, { date: secondLeft, underOrder: 'none', briefCasualInnocent: false }],
    });
    expect(ground(twoStays('2006-08-03')).value).toMatchObject({ applies: true });
    expect(ground(twoStays('2006-08-02')).value).toMatchObject({ applies: false });
    const withStatus = trip('2006-06-02', undefined, { statusHistory: [{ status: 'nonimmigrant', from: '2005-06-01', to: '2005-06-01' }, { status: 'none', from: '2005-06-02', to: 'present' }] });
    expect(ground(withStatus).value).toMatchObject({ applies: false });
  });
  it('leaves the ground open, with review, when only time under 18 reaches the year', () => {
    const minor = trip('2006-06-02', undefined, { person: { dateOfBirth: '1988-01-01' } });
    const derived = ground(minor);
    expect(derived.value).toEqual({ applies: null, appliesIfMinorityCounts: true });
    expect(derived.notes.map((n) => n.code)).toContain('minorityUnlawfulPresence');
  });
  it('marks an unassessed absence before the return for review, and not an assessed one', () => {
    const unassessed = trip('2006-06-02', undefined, { departures: [{ date: '2006-06-02', underOrder: 'none' }] });
    expect(ground(unassessed).notes.map((n) => n.code)).toContain('briefCasualInnocentBeforeReentry');
    expect(ground(trip('2006-06-02')).notes).toEqual([]);
  });
  it('is unknown while the movements are not recorded', () => {
    const derived = ground({ ...trip('2006-06-02'), departures: undefined });
    expect(derived.value).toEqual({ applies: null, appliesIfMinorityCounts: null });
    expect(derived.missing).toContain('departures');
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile, Conviction } from '../../src/case/schema.js';
import { continuousPhysicalPresence } from '../../src/facts/physical-presence.js';
import { confinementDuringPeriod } from '../../src/facts/record/confinement.js';
import { inaClassOffenseDuringPeriod } from '../../src/facts/record/ina-grounds.js';
import { ageBelowOn, dateWithinYearsBefore } from '../../src/facts/person.js';
import { inaParameters } from '../support/ina-parameters.js';

const SCREENING = '2013-01-15';
const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate(SCREENING) });

const ina = inaParameters();
const stopTimeIna = { ...ina, clause: 'stopTimeOffenseConviction' };
const plain: Conviction = { jurisdiction: 'state', maximumPenaltyDays: 365, sentenceImposedDays: 0, offenseTypes: [], offenseDate: '2011-01-01', crimeInvolvingMoralTurpitude: false, aggravatedFelony: false, juvenile: false, expunged: false, connectedToAbuse: false };

describe('continuousPhysicalPresence', () => {
  const params = { years: 3, singleAbsenceMaxDays: 90, aggregateAbsenceMaxDays: 180, absencesConnectedToAbuseExcused: true };
  const here = (entry: string, departures: NonNullable<CaseFile['departures']> = [], more: CaseFile = {}): CaseFile => ({
    entries: [{ date: entry, manner: 'without_inspection' }],
    statusHistory: [],
    departures,
    removal: { priorRemovals: [] },
    ...more,
  });
  const presence = (caseFile: CaseFile, extra: Partial<typeof params> & { stopTimeForOffenses?: typeof ina & { clause: string } } = {}) => continuousPhysicalPresence.compute(context(caseFile), { ...params, ...extra });
  /** A trip out on `out`, back after `away` days strictly between. */
  const trip = (out: string, away: number, more: Partial<NonNullable<CaseFile['departures']>[number]> = {}) => {
    const back = new Date(Date.parse(out) + (away + 1) * 86_400_000).toISOString().slice(0, 10);
    return { departure: { date: out, underOrder: 'none' as const, connectedToAbuse: false, ...more }, entry: { date: back, manner: 'without_inspection' as const } };
  };
  const withTrips = (...trips: ReturnType<typeof trip>[]): CaseFile => ({
    entries: [{ date: '2000-01-01', manner: 'without_inspection' }, ...trips.map((t) => t.entry)],
    departures: trips.map((t) => t.departure),
    removal: { priorRemovals: [] },
  });

  it('needs an entry 3 years before the screening date: the day of counts, the day after does not', () => {
    expect(presence(here('2010-01-15')).value).toBe(true);
    expect(presence(here('2010-01-16')).value).toBe(false);
    expect(presence(here('2010')).value).toBeNull();
  });
  it('allows one absence of 90 days, not 91', () => {
    expect(presence(withTrips(trip('2011-03-01', 90))).value).toBe(true);
    expect(presence(withTrips(trip('2011-03-01', 91))).value).toBe(false);
  });
  it('allows 180 days away in all, not 181', () => {
    expect(presence(withTrips(trip('2010-06-01', 90), trip('2011-06-01', 90))).value).toBe(true);
    expect(presence(withTrips(trip('2010-06-01', 90), trip('2011-06-01', 60), trip('2012-06-01', 31))).value).toBe(false);
  });
  it('leaves out an absence connected to the abuse, and asks when that is not known', () => {
    expect(presence(withTrips(trip('2011-03-01', 200, { connectedToAbuse: true }))).value).toBe(true);
    expect(presence(withTrips(trip('2011-03-01', 200, { connectedToAbuse: false }))).value).toBe(false);
    const open = presence(withTrips(trip('2011-03-01', 200, { connectedToAbuse: undefined })));
    expect(open.value).toBeNull();
    expect(open.missing).toContain('departures[0].connectedToAbuse');
    expect(presence(withTrips(trip('2011-03-01', 200, { connectedToAbuse: undefined })), { absencesConnectedToAbuseExcused: false }).value).toBe(false);
  });
  it('ignores absences before the period', () => {
    expect(presence(withTrips(trip('2005-03-01', 400, { connectedToAbuse: false }))).value).toBe(true);
  });
  it('is broken by a long absence that began before the period and ended inside it (the window opens on 2010-01-15)', () => {
    expect(presence(withTrips(trip('2009-10-01', 105))).value).toBe(true);
    expect(presence(withTrips(trip('2009-10-01', 106))).value).toBe(false);
    expect(presence(withTrips(trip('2010-01-01', 20, { underOrder: 'removal' }))).value).toBe(false);
    expect(presence(withTrips(trip('2010-01-01', 13, { underOrder: 'removal' }))).value).toBe(true);
  });
  it('is broken by a departure under an order', () => {
    const result = presence(withTrips(trip('2011-03-01', 10, { underOrder: 'voluntary_departure', connectedToAbuse: false })));
    expect(result.value).toBe(false);
    expect(result.notes.map((n) => n.code)).toContain('departureUnderOrder');
  });
  it('is unknown without the departures', () => {
    expect(presence({ entries: [{ date: '2000-01-01' }], removal: { priorRemovals: [] } })).toMatchObject({ value: null, missing: ['departures'] });
  });

  describe('stop-time', () => {
    const withConviction = (entry: string, conviction: Partial<Conviction>): CaseFile => here(entry, [], { criminalHistory: { convictions: [{ ...plain, ...conviction }] } });
    it('ends presence on the date of an offense giving rise to a criminal ground', () => {
      const drugs = { offenseTypes: ['drug_possession' as const], offenseDate: '2011-06-01' };
      expect(presence(withConviction('2008-06-01', drugs), { stopTimeForOffenses: stopTimeIna }).value).toBe(true);
      expect(presence(withConviction('2008-06-02', drugs), { stopTimeForOffenses: stopTimeIna }).value).toBe(false);
      expect(presence(withConviction('2008-06-02', drugs)).value).toBe(true);
      expect(presence(withConviction('2008-06-02', drugs), { stopTimeForOffenses: stopTimeIna }).notes.map((n) => n.code)).toContain('stopTime');
    });
    it('does not stop time for an offense that gives rise to no ground (a CIMT within the petty-offense exception)', () => {
      expect(presence(withConviction('2009-06-01', { crimeInvolvingMoralTurpitude: true, sentenceImposedDays: 30, offenseDate: '2011-06-01' }), { stopTimeForOffenses: stopTimeIna }).value).toBe(true);
    });
    it('does not stop time for an offense referred to only in 237(a)(2) (Campos-Torres), even after an admission', () => {
      const admitted = (offenseTypes: Conviction['offenseTypes']): CaseFile => ({
        ...withConviction('2008-06-02', { offenseTypes, offenseDate: '2011-06-01' }),
        entries: [{ date: '2008-06-02', manner: 'admitted' }],
      });
      expect(presence(admitted(['firearm']), { stopTimeForOffenses: stopTimeIna }).value).toBe(true);
      expect(presence(admitted(['domestic_violence']), { stopTimeForOffenses: stopTimeIna }).value).toBe(true);
      expect(presence(admitted(['drug_possession']), { stopTimeForOffenses: stopTimeIna }).value).toBe(false);
    });
    it('is unknown while the offense date, or whether it gives rise to a ground, is open', () => {
      const inYear = { offenseTypes: ['drug_possession' as const], offenseDate: '2011' };
      expect(presence(withConviction('2009-01-01', inYear), { stopTimeForOffenses: stopTimeIna }).value).toBe(false);
      const undated = presence(withConviction('2008-06-02', inYear), { stopTimeForOffenses: stopTimeIna });
      expect(undated.value).toBeNull();
      expect(undated.missing).toContain('criminalHistory.convictions[0].offenseDate');
      expect(presence(withConviction('2007-06-02', { offenseTypes: ['drug_possession'], offenseDate: '2010/2011' }), { stopTimeForOffenses: stopTimeIna }).value).toBeNull();
      expect(presence(withConviction('2009-06-01', { crimeInvolvingMoralTurpitude: undefined, offenseDate: '2011-06-01' }), { stopTimeForOffenses: stopTimeIna }).value).toBeNull();
      expect(presence(here('2005-01-01'), { stopTimeForOffenses: stopTimeIna })).toMatchObject({ value: null, missing: expect.arrayContaining(['criminalHistory.convictions']) });
    });
  });
});

describe('confinementDuringPeriod', () => {
  const confined = (...list: Partial<Conviction>[]) =>
    confinementDuringPeriod.compute(context({ criminalHistory: { convictions: list.map((c) => ({ ...plain, daysHeldOnImmigrationDetainer: 0, ...c })) } }), { periodYears: 3, atLeastDays: 180 });
  it('reaches 180 days at 180, not at 179', () => {
    expect(confined({ daysInCustody: 180 }).value).toBe(true);
    expect(confined({ daysInCustody: 179 }).value).toBe(false);
  });
  it('adds up convictions and leaves out days held only on a detainer', () => {
    expect(confined({ daysInCustody: 100 }, { daysInCustody: 80, offenseDate: '2012-01-01' }).value).toBe(true);
    expect(confined({ daysInCustody: 200, daysHeldOnImmigrationDetainer: 30 }).value).toBe(false);
    expect(confined({ daysInCustody: 200, daysHeldOnImmigrationDetainer: undefined }).value).toBeNull();
  });
  it('does not count custody that ended before the period, and leaves open custody that may fall in it', () => {
    expect(confined({ daysInCustody: 300, offenseDate: '2008-01-01', releasedFromConfinementDate: '2009-01-01' }).value).toBe(false);
    const open = confined({ daysInCustody: 300, offenseDate: '2008-01-01' });
    expect(open.value).toBeNull();
    expect(open.missing).toContain('criminalHistory.convictions[0].releasedFromConfinementDate');
  });
  it('is unknown without the convictions and false with none', () => {
    expect(confinementDuringPeriod.compute(context({}), { periodYears: 3, atLeastDays: 180 }).value).toBeNull();
    expect(confined().value).toBe(false);
  });
});

describe('inaClassOffenseDuringPeriod', () => {
  const inPeriod = (...list: Partial<Conviction>[]) =>
    inaClassOffenseDuringPeriod.compute(context({ entries: [{ date: '2000-01-01', manner: 'without_inspection' }], criminalHistory: { convictions: list.map((c) => ({ ...plain, ...c })) } }), { ...ina, periodYears: 3 });
  it('finds a 212(a)(2) class offense committed in the period, not one committed the day before it began', () => {
    expect(inPeriod({ offenseTypes: ['drug_possession'], offenseDate: '2010-01-15' }).value).toBe(true);
    expect(inPeriod({ offenseTypes: ['drug_possession'], offenseDate: '2010-01-14' }).value).toBe(false);
  });
  it('counts a prostitution conviction as the 212(a)(2)(D) class', () => {
    expect(inPeriod({ offenseTypes: ['prostitution'] }).value).toBe(true);
  });
  it('leaves open, with review, a CIMT within the petty-offense exception', () => {
    const result = inPeriod({ crimeInvolvingMoralTurpitude: true, sentenceImposedDays: 30 });
    expect(result.value).toBeNull();
    expect(result.notes.map((n) => n.code)).toContain('exceptedCimtClass');
    expect(inPeriod({ crimeInvolvingMoralTurpitude: true, sentenceImposedDays: 200 }).value).toBe(true);
  });
  it('finds none for a conviction of no listed class', () => {
    expect(inPeriod({}).value).toBe(false);
  });
});

describe('dates and ages for the self-petition', () => {
  it('tells whether a date falls within 2 years before the screening date', () => {
    const within = (marriageEndedOn: string) => dateWithinYearsBefore.compute(context({ abuse: { marriageEndedOn } }), { path: 'abuse.marriageEndedOn', years: 2 }).value;
    expect(within('2011-01-16')).toBe(true);
    expect(within('2011-01-14')).toBe(false);
    expect(within('2011')).toBeNull();
  });
  it("reads another person's date of birth for an age", () => {
    const under21 = (dateOfBirth: string) => ageBelowOn.compute(context({ abuse: { abuser: { dateOfBirth } } }), { date: 'screening', years: 21, birthDate: 'abuse.abuser.dateOfBirth' });
    expect(under21('1992-01-15').value).toBe(false);
    expect(under21('1992-01-16').value).toBe(true);
    expect(ageBelowOn.compute(context({}), { date: 'screening', years: 21, birthDate: 'abuse.abuser.dateOfBirth' }).missing).toEqual(['abuse.abuser.dateOfBirth']);
  });
});

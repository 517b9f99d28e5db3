import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile, Conviction } from '../../src/case/schema.js';
import { continuousPhysicalPresence } from '../../src/facts/physical-presence.js';
import { qualifyingRelatives } from '../../src/facts/qualifying-relatives.js';
import { entryOfKindOnOrAfter, visaClassPeriodWith } from '../../src/facts/entry-and-status-flags.js';
import { inaRecordClause } from '../../src/facts/record/ina-record-clause.js';
import { inaParameters } from '../support/ina-parameters.js';

const context = (caseFile: CaseFile, screening = '2025-03-01') => ({ caseFile, screeningDay: parseExactDate(screening) });

describe('continuousPhysicalPresence: the notice to appear and enforced departures', () => {
  const params = { years: 10, singleAbsenceMaxDays: 90, aggregateAbsenceMaxDays: 180, absencesConnectedToAbuseExcused: false };
  const base = (removal: CaseFile['removal'] = {}, departures: CaseFile['departures'] = [], back: string[] = []): CaseFile => ({
    entries: [{ date: '2014-06-01', manner: 'without_inspection' }, ...back.map((date) => ({ date, manner: 'without_inspection' as const }))],
    departures,
    removal: { priorRemovals: [], ...removal },
  });
  const presence = (caseFile: CaseFile, extra: object = {}) => continuousPhysicalPresence.compute(context(caseFile), { ...params, ...extra });

  it('stops time on service of a notice that stated the time and place, only when the pack turns the rule on', () => {
    const early = base({ noticeToAppearDate: '2024-05-31', noticeToAppearStatedTimeAndPlace: true });
    expect(presence(early).value).toBe(true);
    const stopped = presence(early, { stopTimeForNoticeToAppear: true });
    expect(stopped.value).toBe(false);
    expect(stopped.notes).toEqual([{ code: 'stopTime', subject: 'the notice to appear served 2024-05-31' }]);
    expect(presence(base({ noticeToAppearDate: '2024-06-01', noticeToAppearStatedTimeAndPlace: true }), { stopTimeForNoticeToAppear: true }).value).toBe(true);
  });

  it('does not stop time on a notice without the time and place, and asks only when the answer decides', () => {
    expect(presence(base({ noticeToAppearDate: '2020-01-10', noticeToAppearStatedTimeAndPlace: false }), { stopTimeForNoticeToAppear: true }).value).toBe(true);
    const open = presence(base({ noticeToAppearDate: '2020-01-10' }), { stopTimeForNoticeToAppear: true });
    expect(open.value).toBeNull();
    expect(open.missing).toContain('removal.noticeToAppearStatedTimeAndPlace');
    const late = presence(base({ noticeToAppearDate: '2024-06-10' }), { stopTimeForNoticeToAppear: true });
    expect(late.value).toBe(true);
    expect(late.missing).toEqual([]);
  });

  it('asks for the date of the notice of a client in proceedings', () => {
    const open = presence(base({ inProceedings: true }), { stopTimeForNoticeToAppear: true });
    expect(open.value).toBeNull();
    expect(open.missing).toEqual(expect.arrayContaining(['removal.noticeToAppearStatedTimeAndPlace']));
  });

  it('breaks presence on a departure of a listed enforcement kind, whatever its length; asks when the kind is unknown', () => {
    const trip = (enforcement?: 'voluntary_return' | 'informal_turn_back') =>
      base({}, [{ date: '2020-03-01', underOrder: 'none', ...(enforcement ? { enforcement } : {}) }], ['2020-03-02']);
    const kinds = { enforcedDepartures: ['voluntary_return', 'expedited_removal', 'withdrawal_of_application'] };
    expect(presence(trip('voluntary_return'), kinds).value).toBe(false);
    expect(presence(trip('informal_turn_back'), kinds).value).toBe(true);
    expect(presence(trip('voluntary_return')).value).toBe(true);
    const open = presence(trip(), kinds);
    expect(open.value).toBeNull();
    expect(open.missing).toEqual(['departures[0].enforcement']);
  });
});

describe('qualifyingRelatives', () => {
  const params = { statuses: ['us_citizen' as const, 'lawful_permanent_resident' as const], childUnderAge: 21 };
  const relatives = (family: CaseFile['family'], screening = '2025-03-01') => qualifyingRelatives.compute(context({ family }, screening), params);

  it('counts an unmarried citizen child under 21 on the screening date, and lists it', () => {
    const son = { dateOfBirth: '2004-02-01', status: 'us_citizen' as const, married: false };
    const found = relatives({ maritalStatus: 'never_married', parentStatuses: ['other'], children: [son] }, '2025-01-31');
    expect(found.value).toBe(true);
    expect(found.detail).toContain('child born 2004-02-01 (us citizen)');
    expect(relatives({ maritalStatus: 'never_married', parentStatuses: ['other'], children: [son] }, '2025-02-01').value).toBe(false);
  });

  it('does not count a married child, and asks whether a child is married', () => {
    const daughter = { dateOfBirth: '2005-09-01', status: 'us_citizen' as const };
    expect(relatives({ maritalStatus: 'never_married', parentStatuses: [], children: [{ ...daughter, married: true }] }).value).toBe(false);
    const open = relatives({ maritalStatus: 'never_married', parentStatuses: [], children: [daughter] });
    expect(open.value).toBeNull();
    expect(open.missing).toEqual(['family.children[0].married']);
  });

  it('counts a permanent-resident parent or spouse, not a spouse of another status', () => {
    expect(relatives({ maritalStatus: 'never_married', parentStatuses: ['lawful_permanent_resident'], children: [] }).value).toBe(true);
    expect(relatives({ maritalStatus: 'married', spouse: { status: 'other' }, parentStatuses: ['other'], children: [] }).value).toBe(false);
    expect(relatives({ maritalStatus: 'married', spouse: { status: 'lawful_permanent_resident' }, parentStatuses: ['other'], children: [] }).detail).toContain('spouse');
  });
});

describe('entryOfKindOnOrAfter and visaClassPeriodWith', () => {
  it('finds a crewman entry on or after the date, not the day before', () => {
    const crewman = (date: string, asCrewman?: boolean, manner?: 'without_inspection' | 'admitted') =>
      entryOfKindOnOrAfter.compute(context({ entries: [{ date, ...(asCrewman === undefined ? {} : { asCrewman }), ...(manner ? { manner } : {}) }] }), {
        kind: 'asCrewman',
        onOrAfter: '1964-07-01',
        excludedManners: ['without_inspection'],
      });
    expect(crewman('1964-07-01', true).value).toBe(true);
    expect(crewman('1964-06-30', true).value).toBe(false);
    expect(crewman('1980-01-01').missing).toEqual(['entries[0].asCrewman']);
    expect(crewman('1980-01-01', undefined, 'admitted').missing).toEqual(['entries[0].asCrewman']);
    // A crossing without inspection is no crewman's landing: settled without asking.
    expect(crewman('1980-01-01', undefined, 'without_inspection').value).toBe(false);
  });

  it('reads a field of a J period only', () => {
    const period = (visaClass: string | undefined, homeResidenceRequirement?: 'unfulfilled' | 'waived'): CaseFile => ({
      statusHistory: [{ status: 'nonimmigrant', ...(visaClass ? { visaClass } : {}), ...(homeResidenceRequirement ? { homeResidenceRequirement } : {}) }],
    });
    const unmet = (caseFile: CaseFile) => visaClassPeriodWith.compute(context(caseFile), { visaClasses: ['J-1', 'J-2'], field: 'homeResidenceRequirement', values: ['unfulfilled'] });
    expect(unmet(period('J-1', 'unfulfilled')).value).toBe(true);
    expect(unmet(period('J-1', 'waived')).value).toBe(false);
    expect(unmet(period('F-1')).value).toBe(false);
    expect(unmet(period(undefined)).missing).toEqual(['statusHistory[0].homeResidenceRequirement']);
    expect(unmet(period(undefined, 'waived')).value).toBe(false);
    expect(unmet(period('J-1')).missing).toEqual(['statusHistory[0].homeResidenceRequirement']);
  });
});

describe('inaRecordClause: 240A(b)(1)(C) read as Cortez Canales reads it', () => {
  const params = { ...inaParameters(), clause: 'offenseUnderCriminalGroundsApartFromDomesticViolence', documentFraudOffenseTypes: ['document_fraud' as const], childAbuseOffenseTypes: ['child_abuse_neglect_or_abandonment' as const] };
  const plain: Conviction = { jurisdiction: 'state', maximumPenaltyDays: 364, sentenceImposedDays: 30, offenseTypes: [], offenseDate: '2020-03-01', convictionDate: '2020-05-01', crimeInvolvingMoralTurpitude: true, aggravatedFelony: false, juvenile: false, expunged: false };
  const bar = (...convictions: Partial<Conviction>[]) =>
    inaRecordClause.compute(context({ entries: [{ date: '2012-01-01', manner: 'without_inspection' }], criminalHistory: { convictions: convictions.map((c) => ({ ...plain, ...c })) } }), params);

  it('bars a CIMT whose maximum is a year, though petty and never admitted; not one under a year', () => {
    expect(bar({ maximumPenaltyDays: 365 }).value).toBe(true);
    const petty = bar({});
    expect(petty.value).toBe(false);
    expect(petty.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['cimtDetermination', 'pettyOffenseException']));
    expect(petty.notes.every((n) => n.keys === undefined)).toBe(true);
  });

  it('bars a child-neglect conviction (237(a)(2)(E)(i)), not a CIMT and never admitted', () => {
    expect(bar({ crimeInvolvingMoralTurpitude: false, offenseTypes: ['child_abuse_neglect_or_abandonment'] }).value).toBe(true);
  });

  it('bars two CIMTs and an 18 U.S.C. 1546 conviction', () => {
    expect(bar({}, { offenseDate: '2021-05-01' }).value).toBe(true);
    expect(bar({ crimeInvolvingMoralTurpitude: false, offenseTypes: ['document_fraud'] }).value).toBe(true);
    expect(bar({ crimeInvolvingMoralTurpitude: false }).value).toBe(false);
  });

  it('is unknown, with the label raised, when only a category other than none is recorded; false for none', () => {
    const labelled = inaRecordClause.compute(context({ criminalHistory: { category: 'crime_involving_moral_turpitude' } }), params);
    expect(labelled.value).toBeNull();
    expect(labelled.notes).toEqual([{ code: 'bareLabel', subject: 'crime_involving_moral_turpitude' }]);
    expect(inaRecordClause.compute(context({ criminalHistory: { category: 'none' } }), params).value).toBe(false);
  });

  it('refuses at load a clause that does not exist or is of each conviction', () => {
    expect(inaRecordClause.params.safeParse({ ...params, clause: 'noSuchClause' }).success).toBe(false);
    expect(inaRecordClause.params.safeParse({ ...params, clause: 'cimtConviction' }).success).toBe(false);
    expect(inaRecordClause.params.safeParse(params).success).toBe(true);
  });
});

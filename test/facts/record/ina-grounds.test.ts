import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../../src/case/dates.js';
import type { CaseFile, Conviction } from '../../../src/case/schema.js';
import { inaCriminalRecord } from '../../../src/facts/record/ina-grounds.js';
import { categoryConclusions, inaParameters } from '../../support/ina-parameters.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2013-01-15') });
const params = inaParameters(categoryConclusions({ none: { aggravatedFelony: false, criminalInadmissible: false } }));

/** A known, non-CIMT, non-aggravated conviction with no listed type, by an adult never admitted. */
const plain: Conviction = {
  jurisdiction: 'state',
  maximumPenaltyDays: 365,
  sentenceImposedDays: 0,
  offenseTypes: [],
  offenseDate: '2011-01-01',
  convictionDate: '2011-03-01',
  juvenile: false,
  expunged: false,
  crimeInvolvingMoralTurpitude: false,
  aggravatedFelony: false,
  connectedToAbuse: false,
  connectedToTrafficking: false,
};
const neverAdmitted: CaseFile = { entries: [{ date: '2000-01-01', manner: 'without_inspection' }], statusHistory: [] };
const withConvictions = (base: CaseFile, ...list: Partial<Conviction>[]): CaseFile => ({ ...base, criminalHistory: { convictions: list.map((c) => ({ ...plain, ...c })) } });
const record = (caseFile: CaseFile) => inaCriminalRecord.compute(context(caseFile), params);
const value = (...list: Partial<Conviction>[]) => record(withConvictions(neverAdmitted, ...list)).value as Record<string, boolean | null>;
const cimt = (c: Partial<Conviction> = {}): Partial<Conviction> => ({ crimeInvolvingMoralTurpitude: true, ...c });

describe('INA criminal grounds: petty-offense exception', () => {
  it('covers one CIMT with a maximum of one year and a sentence of 180 days, not 181', () => {
    expect(value(cimt({ sentenceImposedDays: 180 }))).toMatchObject({ cimtInadmissible: false, cimtPettyOffenseException: true, criminalInadmissible: false });
    expect(value(cimt({ sentenceImposedDays: 181 }))).toMatchObject({ cimtInadmissible: true, cimtPettyOffenseException: false, criminalInadmissible: true });
  });
  it('counts a suspended sentence as imposed (101(a)(48)(B))', () => {
    expect(value(cimt({ sentenceImposedDays: 210, sentenceSuspendedDays: 210, sentenceToCustodyDays: 0 }))).toMatchObject({ cimtInadmissible: true });
  });
  it('fails for a maximum of 366 days, holds for 365', () => {
    expect(value(cimt({ maximumPenaltyDays: 366, sentenceImposedDays: 30 }))).toMatchObject({ cimtInadmissible: true, cimtPettyOffenseException: false });
    expect(value(cimt({ maximumPenaltyDays: 365, sentenceImposedDays: 30 }))).toMatchObject({ cimtInadmissible: false });
  });
  it('covers only one CIMT: a second one makes both count', () => {
    expect(value(cimt({ sentenceImposedDays: 30 }), cimt({ sentenceImposedDays: 30, offenseDate: '2011-02-01', convictionDate: '2011-04-01' }))).toMatchObject({
      cimtInadmissible: true,
      cimtPettyOffenseException: false,
    });
    expect(value(cimt({ sentenceImposedDays: 30 }), { offenseDate: '2011-02-01' })).toMatchObject({ cimtInadmissible: false });
  });
  it('stays open while a second conviction might be a CIMT', () => {
    const result = record(withConvictions(neverAdmitted, cimt({ sentenceImposedDays: 30 }), { crimeInvolvingMoralTurpitude: undefined }));
    expect(result.value).toMatchObject({ cimtInadmissible: null });
    expect(result.missing).toContain('criminalHistory.convictions[1].crimeInvolvingMoralTurpitude');
  });
  it('leaves the exception open when only a fully suspended sentence of unknown length is known', () => {
    const result = record(withConvictions(neverAdmitted, cimt({ sentenceImposedDays: undefined, sentenceToCustodyDays: 0 })));
    expect(result.value).toMatchObject({ cimtInadmissible: null, cimtPettyOffenseException: null });
    expect(result.missing).toContain('criminalHistory.convictions[0].sentenceImposedDays');
  });
  it('settles the exception from the time to custody alone when it already exceeds six months', () => {
    expect(value(cimt({ sentenceImposedDays: undefined, sentenceToCustodyDays: 200 }))).toMatchObject({ cimtInadmissible: true });
  });
  it('raises the review codes for the CIMT determination and the exception', () => {
    const notes = record(withConvictions(neverAdmitted, cimt({ sentenceImposedDays: 30 }))).notes.map((n) => n.code);
    expect(notes).toEqual(expect.arrayContaining(['cimtDetermination', 'pettyOffenseException']));
    expect(record(withConvictions(neverAdmitted, {})).notes.map((n) => n.code)).not.toContain('cimtDetermination');
  });
});

describe('INA criminal grounds: juvenile exception', () => {
  const juvenileCimt = (offenseDate: string, released?: string) =>
    cimt({ juvenile: true, triedAsAdult: true, maximumPenaltyDays: 730, sentenceImposedDays: 365, offenseDate, convictionDate: offenseDate, ...(released ? { releasedFromConfinementDate: released } : {}) });
  it('applies when the offense and release were more than 5 years before the screening date', () => {
    expect(value(juvenileCimt('2007-01-01', '2008-01-14'))).toMatchObject({ cimtInadmissible: false });
  });
  it('does not apply on the day 5 years before (not "more than")', () => {
    expect(value(juvenileCimt('2007-01-01', '2008-01-15'))).toMatchObject({ cimtInadmissible: true });
  });
  it('asks for the release date when a term of confinement was imposed', () => {
    const result = record(withConvictions(neverAdmitted, juvenileCimt('2007-01-01')));
    expect(result.value).toMatchObject({ cimtInadmissible: null });
    expect(result.missing).toContain('criminalHistory.convictions[0].releasedFromConfinementDate');
  });
  it('does not apply to an adult', () => {
    expect(value({ ...juvenileCimt('2007-01-01', '2007-06-01'), juvenile: false })).toMatchObject({ cimtInadmissible: true });
  });
});

describe('INA criminal grounds: other grounds', () => {
  it('finds 212(a)(2)(B) at an aggregate of 5 years of sentences, suspended included, not one day less', () => {
    const half = { maximumPenaltyDays: 3650, offenseDate: '2010-01-01', convictionDate: '2010-02-01' };
    expect(value({ ...half, sentenceImposedDays: 913 }, { sentenceImposedDays: 912, sentenceSuspendedDays: 912 })).toMatchObject({ multipleConvictionsInadmissible: true });
    expect(value({ ...half, sentenceImposedDays: 912 }, { sentenceImposedDays: 912 })).toMatchObject({ multipleConvictionsInadmissible: false });
    expect(value({ sentenceImposedDays: 3000 })).toMatchObject({ multipleConvictionsInadmissible: false });
    expect(value({ sentenceImposedDays: undefined }, {})).toMatchObject({ multipleConvictionsInadmissible: null });
  });
  it('reads prostitution within 10 years of the screening date from a prostitution conviction', () => {
    expect(value({ offenseTypes: ['prostitution'], offenseDate: '2003-01-15' })).toMatchObject({ prostitutionInadmissible: true, criminalInadmissible: true });
    expect(value({ offenseTypes: ['prostitution'], offenseDate: '2003-01-14' })).toMatchObject({ prostitutionInadmissible: false });
    expect(value({ offenseTypes: ['prostitution'], offenseDate: '2002/2004' })).toMatchObject({ prostitutionInadmissible: null });
  });
  it('finds a controlled-substance conviction inadmissible', () => {
    expect(value({ offenseTypes: ['drug_possession'] })).toMatchObject({ controlledSubstanceInadmissible: true, criminalInadmissible: true });
  });
  it('takes an aggravated felony from the determination or from 101(a)(43)(O)', () => {
    expect(value({ aggravatedFelony: true })).toMatchObject({ aggravatedFelony: true });
    const removed = (aggravatedFelonyBasis: boolean, date = '2005-01-01'): CaseFile => ({ ...neverAdmitted, removal: { priorRemovals: [{ date, aggravatedFelonyBasis }] } });
    const reentry = { offenseTypes: ['reentry_1326' as const], aggravatedFelony: undefined, maximumPenaltyDays: undefined };
    expect(record(withConvictions(removed(true), reentry)).value).toMatchObject({ aggravatedFelony: true });
    // Not after an aggravated-felony removal, and a 1326 offense falls in no other 101(a)(43) category.
    expect(record(withConvictions(removed(false), reentry)).value).toMatchObject({ aggravatedFelony: false });
    expect(record(withConvictions({ ...neverAdmitted, removal: { priorRemovals: [{ date: '2005-01-01' }] } }, reentry)).value).toMatchObject({ aggravatedFelony: null });
    expect(record(withConvictions(removed(false), { ...reentry, aggravatedFelony: false })).value).toMatchObject({ aggravatedFelony: false });
    expect(record(withConvictions(removed(true, '2012-01-01'), { ...reentry, aggravatedFelony: false })).value).toMatchObject({ aggravatedFelony: false });
  });
  it('makes a ground deportable only after an admission, and says so for review', () => {
    const admitted: CaseFile = { entries: [{ date: '2009-06-01', manner: 'admitted' }] };
    expect(value({ offenseTypes: ['domestic_violence'] })).toMatchObject({ domesticViolenceDeportable: false, criminalDeportable: false });
    expect(record(withConvictions(neverAdmitted, { offenseTypes: ['domestic_violence'] })).notes.map((n) => n.code)).toContain('notAdmitted');
    expect(record(withConvictions(admitted, { offenseTypes: ['domestic_violence'] })).value).toMatchObject({ domesticViolenceDeportable: true, otherCriminalDeportable: false, criminalDeportable: true });
    expect(record(withConvictions(admitted, { offenseTypes: ['firearm'] })).value).toMatchObject({ domesticViolenceDeportable: false, otherCriminalDeportable: true });
    expect(record(withConvictions({ entries: [{ date: '2009-06-01', manner: 'admitted' }], statusHistory: [] }, { offenseTypes: [] })).notes.map((n) => n.code)).not.toContain('notAdmitted');
    expect(record(withConvictions({ entries: [{ date: '2009-06-01' }] }, { offenseTypes: ['domestic_violence'] })).value).toMatchObject({ domesticViolenceDeportable: null });
    // Without the status history an adjustment to permanent residence (an admission) may have happened.
    expect(record(withConvictions({ entries: neverAdmitted.entries! }, { offenseTypes: ['domestic_violence'] })).value).toMatchObject({ domesticViolenceDeportable: null });
    const adjusted: CaseFile = { ...neverAdmitted, statusHistory: [{ status: 'lawful_permanent_resident', from: '2010-01-01', to: 'present' }] };
    expect(record(withConvictions(adjusted, { offenseTypes: ['domestic_violence'] })).value).toMatchObject({ domesticViolenceDeportable: true });
  });
  it('makes one CIMT deportable when committed within 5 years after admission and punishable by a year', () => {
    const admitted = (date: string): CaseFile => ({ entries: [{ date, manner: 'admitted' }], statusHistory: [] });
    expect(record(withConvictions(admitted('2006-01-01'), cimt({ sentenceImposedDays: 30 }))).value).toMatchObject({ cimtInadmissible: false, criminalDeportable: true });
    expect(record(withConvictions(admitted('2005-12-31'), cimt({ sentenceImposedDays: 30 }))).value).toMatchObject({ criminalDeportable: false });
    expect(record(withConvictions(admitted('2006-01-01'), cimt({ sentenceImposedDays: 30, maximumPenaltyDays: 364 }))).value).toMatchObject({ criminalDeportable: false });
  });
  it('offers the 237(a)(7) waiver only to a DV conviction connected to the abuse, by a non-primary perpetrator, without serious injury', () => {
    const dv = { offenseTypes: ['domestic_violence' as const], connectedToAbuse: true, primaryPerpetrator: false, seriousBodilyInjury: false };
    expect(value(dv)).toMatchObject({ domesticViolenceWaivable: true });
    expect(value({ ...dv, primaryPerpetrator: true })).toMatchObject({ domesticViolenceWaivable: false });
    expect(value({ ...dv, primaryPerpetrator: undefined })).toMatchObject({ domesticViolenceWaivable: null });
    expect(value({})).toMatchObject({ domesticViolenceWaivable: true });
  });
  it('asks whether each conviction behind a ground is connected to the abuse or trafficking', () => {
    expect(value({ offenseTypes: ['drug_possession'], connectedToAbuse: true, connectedToTrafficking: false })).toMatchObject({ groundsConnectedToAbuse: true, groundsConnectedToTrafficking: false });
    expect(value({ offenseTypes: ['drug_possession'], connectedToAbuse: undefined })).toMatchObject({ groundsConnectedToAbuse: null, convictionsConnectedToAbuse: null });
    expect(value({ connectedToAbuse: undefined })).toMatchObject({ groundsConnectedToAbuse: true, convictionsConnectedToAbuse: null });
  });
  it('finds nothing in an empty record and reads a bare label through the pack table, with review', () => {
    expect(value()).toMatchObject({ aggravatedFelony: false, criminalInadmissible: false, criminalDeportable: false, groundsConnectedToAbuse: true });
    const labelled = record({ criminalHistory: { category: 'crime_involving_moral_turpitude' } });
    expect(labelled.value).toMatchObject({ cimtInadmissible: null });
    expect(labelled.notes.map((n) => n.code)).toContain('bareLabel');
    expect(record({}).value).toMatchObject({ criminalInadmissible: null });
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../../src/case/dates.js';
import { ConvictionCategory, type CaseFile, type Conviction } from '../../../src/case/schema.js';
import { penaltyAndCustodyRecord } from '../../../src/facts/record/penalty-and-custody.js';
import { offenseLevelRecord } from '../../../src/facts/record/offense-levels.js';
import { inaParameters } from '../../support/ina-parameters.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2013-01-15') });
/** Conclusions for every category: none settled, except those a test names. */
const conclusions = (settled: Record<string, Record<string, boolean>> = {}) =>
  Object.fromEntries(ConvictionCategory.options.map((c) => [c, settled[c] ?? {}])) as Record<ConvictionCategory, Record<string, boolean>>;

const known: Conviction = { jurisdiction: 'state', maximumPenaltyDays: 180, offenseTypes: [], sentenceImposedDays: 0, sentenceSuspendedDays: 0, daysInCustody: 0, daysHeldOnImmigrationDetainer: 0, expunged: false, juvenile: false, aggravatedFelony: false, offenseDate: '2011-01-01' };

const custodyParams = {
  felonyAboveDays: 365,
  misdemeanorAboveDays: 5,
  significantCustodyAboveDays: 90,
  enumeratedOffenseTypes: ['dui' as const],
  possiblyEnumeratedOffenseTypes: ['stalking_or_protection_order_violation' as const],
  exclusions: [{ offenseType: 'minor_traffic' as const }, { offenseType: 'state_immigration_status_offense' as const, jurisdictions: ['state' as const, 'municipal' as const] }],
  statutoryMaximumDaysByOffenseType: { reentry_1326: 730 },
  multipleMisdemeanorCount: 3,
  juvenileUnderAge: 18,
  juvenileCourts: ['juvenile_court' as const],
  expungedConvictionsCount: false,
  juvenileAdjudicationsCount: false,
  enumeratedOverridesExclusions: true,
  categoryConclusions: conclusions({ reentry_felony: { hasFelony: true } }),
};
const custody = (caseFile: CaseFile) => penaltyAndCustodyRecord.compute(context(caseFile), custodyParams);
const convictions = (...list: Partial<Conviction>[]): CaseFile => ({ criminalHistory: { convictions: list.map((c) => ({ ...known, ...c })) } });

describe('penalty-and-custody classification', () => {
  it('classes by maximum penalty, not by label', () => {
    expect(custody(convictions({ label: 'misdemeanor', maximumPenaltyDays: 366 })).value).toMatchObject({ hasFelony: true });
    expect(custody(convictions({ label: 'felony', maximumPenaltyDays: 365 })).value).toMatchObject({ hasFelony: false });
  });
  it('counts a sentence to custody beyond the threshold, less suspended days, as significant', () => {
    expect(custody(convictions({ sentenceImposedDays: 91, daysInCustody: 91 })).value).toMatchObject({ hasSignificantMisdemeanor: true });
    expect(custody(convictions({ sentenceImposedDays: 180, sentenceSuspendedDays: 90 })).value).toMatchObject({ hasSignificantMisdemeanor: false });
    expect(custody(convictions({ sentenceToCustodyDays: 0, sentenceImposedDays: undefined, sentenceSuspendedDays: undefined })).value).toMatchObject({ hasSignificantMisdemeanor: false });
  });
  it('flags for review a sentence and actual custody (less detainer days) on opposite sides of the line', () => {
    const released = custody(convictions({ sentenceImposedDays: 180, daysInCustody: 45 }));
    expect(released.value).toMatchObject({ hasSignificantMisdemeanor: true });
    expect(released.notes.map((n) => n.code)).toContain('custodyMeasuresDisagree');
    expect(custody(convictions({ sentenceImposedDays: 80, daysInCustody: 111, daysHeldOnImmigrationDetainer: 31 })).notes.map((n) => n.code)).not.toContain('custodyMeasuresDisagree');
  });
  it('leaves significance open, asking for the suspended days, when the sentence exceeds the threshold', () => {
    const result = custody(convictions({ sentenceImposedDays: 120, sentenceSuspendedDays: undefined }));
    expect(result.value).toMatchObject({ hasSignificantMisdemeanor: null });
    expect(result.missing).toContain('criminalHistory.convictions[0].sentenceSuspendedDays');
  });
  it('applies the state immigration-offense carve-out to state and municipal convictions only', () => {
    expect(custody(convictions({ jurisdiction: 'state', maximumPenaltyDays: 730, offenseTypes: ['state_immigration_status_offense'] })).value).toMatchObject({ hasFelony: false });
    expect(custody(convictions({ jurisdiction: 'federal', maximumPenaltyDays: 730, offenseTypes: ['state_immigration_status_offense'] })).value).toMatchObject({ hasFelony: true });
    expect(custody(convictions({ jurisdiction: undefined, maximumPenaltyDays: 730, offenseTypes: ['state_immigration_status_offense'] })).value).toMatchObject({ hasFelony: null });
  });
  it('keeps an enumerated offense significant even if also tagged minor traffic', () => {
    expect(custody(convictions({ offenseTypes: ['dui', 'minor_traffic'] })).value).toMatchObject({ hasSignificantMisdemeanor: true });
  });
  it('leaves a possibly enumerated offense open, with review', () => {
    const result = custody(convictions({ offenseTypes: ['stalking_or_protection_order_violation'] }));
    expect(result.value).toMatchObject({ hasSignificantMisdemeanor: null });
    expect(result.notes.map((n) => n.code)).toContain('possiblyEnumeratedOffenseType');
  });
  it('takes the statutory maximum for a 1326 conviction when none is recorded', () => {
    expect(custody(convictions({ maximumPenaltyDays: undefined, offenseTypes: ['reentry_1326'] })).value).toMatchObject({ hasFelony: true });
  });
  it('counts misdemeanors once per date and per incident', () => {
    const sameDate = custody(convictions({}, {}, {}));
    expect(sameDate.value).toMatchObject({ threeOrMoreMisdemeanors: false });
    expect(sameDate.notes.map((n) => n.code)).toContain('groupedBySameIncident');
    expect(custody(convictions({ incidentId: 'x' }, { offenseDate: '2011-02-01', incidentId: 'y' }, { offenseDate: '2011-03-01', incidentId: 'z' })).value).toMatchObject({ threeOrMoreMisdemeanors: true });
    expect(custody(convictions({ incidentId: 'x' }, { offenseDate: '2011-02-01', incidentId: 'x' }, { offenseDate: '2011-03-01' })).value).toMatchObject({ threeOrMoreMisdemeanors: false });
  });
  it('leaves the count open, asking for the incident, when the scheme is not recorded', () => {
    const open = custody(convictions({}, { offenseDate: '2011-02-01' }, { offenseDate: '2011-03-01' }));
    expect(open.value).toMatchObject({ threeOrMoreMisdemeanors: null });
    expect(open.missing).toEqual(expect.arrayContaining(['criminalHistory.convictions[0].incidentId']));
  });
  it('lets dates that may coincide count once at the least', () => {
    expect(custody(convictions({ incidentId: 'x', offenseDate: '2011-02' }, { offenseDate: '2011-02-10', incidentId: 'y' }, { offenseDate: '2011-03-01', incidentId: 'z' })).value).toMatchObject({ threeOrMoreMisdemeanors: null });
  });
  it('keeps the count open while a conviction could still be a misdemeanor', () => {
    expect(custody(convictions({ incidentId: 'x' }, { offenseDate: '2011-02-01', incidentId: 'y' }, { offenseDate: '2011-03-01', incidentId: 'z', maximumPenaltyDays: undefined })).value).toMatchObject({ threeOrMoreMisdemeanors: null, hasFelony: null });
  });
  it('works out a juvenile offense from the dates of birth and offense', () => {
    const caseFile: CaseFile = { person: { dateOfBirth: '1995-06-01' }, ...convictions({ juvenile: undefined, triedAsAdult: false, maximumPenaltyDays: 730, offenseDate: '2012-05-31' }) };
    const result = custody(caseFile);
    expect(result.value).toMatchObject({ hasFelony: false });
    expect(result.notes.map((n) => n.code)).toContain('juvenile');
  });
  it('does not take an unknown "tried as an adult" as a no', () => {
    expect(custody(convictions({ juvenile: true, maximumPenaltyDays: 730 })).value).toMatchObject({ hasFelony: null });
  });
  it('reads a bare label through the pack table, with review', () => {
    const result = custody({ criminalHistory: { category: 'reentry_felony' } });
    expect(result.value).toEqual({ hasFelony: true, hasSignificantMisdemeanor: null, threeOrMoreMisdemeanors: null });
    expect(result.notes).toEqual([{ code: 'bareLabel', subject: 'reentry_felony' }]);
  });
  it('is unknown throughout when nothing is recorded', () => {
    expect(custody({})).toMatchObject({ value: { hasFelony: null }, missing: ['criminalHistory.convictions'] });
  });
});

const levelParams = {
  felonyAboveDays: 365,
  misdemeanorBelowDays: 365,
  level1FelonyCount: 2,
  level2MisdemeanorCount: 3,
  statutoryMaximumDaysByOffenseType: { reentry_1326: 730 },
  juvenileUnderAge: 18,
  juvenileCourts: ['juvenile_court' as const],
  aggravatedFelonyCategories: inaParameters().aggravatedFelonyCategories,
  aggravatedFelonyReentryOffenseTypes: inaParameters().aggravatedFelonyReentryOffenseTypes,
  firstOffenderExpungement: inaParameters().firstOffenderExpungement,
  categoryConclusions: conclusions(),
};
const level = (caseFile: CaseFile) => offenseLevelRecord.compute(context(caseFile), levelParams).value;

describe('offense levels', () => {
  it('reports the level the maximum penalties and count settle', () => {
    expect(level(convictions({ maximumPenaltyDays: 364 }))).toEqual({ convicted: true, level: 3, convictionCount: 1, juvenileAdjudication: false });
    expect(level(convictions({ maximumPenaltyDays: 366 }))).toMatchObject({ convicted: true, level: 2 });
    expect(level(convictions({ maximumPenaltyDays: undefined, offenseTypes: ['reentry_1326'] }))).toMatchObject({ level: 2 });
    expect(level(convictions({ maximumPenaltyDays: 366 }, { maximumPenaltyDays: 400 }))).toMatchObject({ convicted: true, level: 1 });
    expect(level(convictions({}, {}, {}))).toEqual({ convicted: true, level: 2, convictionCount: 3, juvenileAdjudication: false });
    expect(level(convictions({ aggravatedFelony: true }))).toMatchObject({ convicted: true, level: 1 });
  });
  it('reports no level while a higher one is still possible', () => {
    expect(level(convictions({ maximumPenaltyDays: 365 }))).toMatchObject({ convicted: true, level: null });
    expect(level(convictions({ aggravatedFelony: undefined, offenseTypes: ['fraud'] }))).toMatchObject({ convicted: true, level: null });
  });
  it('knows an empty record is no conviction', () => {
    expect(level({ criminalHistory: { convictions: [] } })).toEqual({ convicted: false, level: null, convictionCount: 0, juvenileAdjudication: false });
  });
});

describe('the shared reading of a conviction', () => {
  it('takes a sentence of more than a year as proof of a maximum of more than a year', () => {
    expect(custody(convictions({ maximumPenaltyDays: undefined, sentenceImposedDays: 366, sentenceSuspendedDays: 366 })).value).toMatchObject({ hasFelony: true });
    expect(custody(convictions({ maximumPenaltyDays: undefined, sentenceImposedDays: 365, sentenceSuspendedDays: 365 })).value).toMatchObject({ hasFelony: null });
    expect(level(convictions({ maximumPenaltyDays: undefined, sentenceImposedDays: 366 }))).toMatchObject({ level: 2 });
  });
  it('counts no juvenile delinquency adjudication, and derives "juvenile" from the dates', () => {
    const born = (caseFile: CaseFile): CaseFile => ({ ...caseFile, person: { dateOfBirth: '1990-03-10' } });
    const adjudication = { maximumPenaltyDays: 730, juvenile: undefined, triedAsAdult: false };
    expect(custody(born(convictions({ ...adjudication, offenseDate: '2008-03-09' }))).value).toMatchObject({ hasFelony: false });
    expect(custody(born(convictions({ ...adjudication, offenseDate: '2008-03-10' }))).value).toMatchObject({ hasFelony: true });
    expect(level(born(convictions({ ...adjudication, offenseDate: '2008-03-09' })))).toMatchObject({ convicted: false, level: null, juvenileAdjudication: true });
    expect(level(convictions({ jurisdiction: 'juvenile_court', juvenile: undefined }))).toMatchObject({ convicted: false, juvenileAdjudication: true });
    expect(level(convictions({ juvenile: true, triedAsAdult: true }))).toMatchObject({ convicted: true });
    expect(offenseLevelRecord.compute(context(convictions({ juvenile: true })), levelParams).missing).toContain('criminalHistory.convictions[0].triedAsAdult');
  });
  it('counts no conviction vacated on the merits for the levels; a rehabilitative expungement still counts', () => {
    expect(level(convictions({ expunged: true, expungementBasis: 'legal_defect' }))).toMatchObject({ convicted: false });
    expect(level(convictions({ expunged: true, expungementBasis: 'rehabilitative' }))).toMatchObject({ convicted: true });
    expect(level(convictions({ expunged: true }))).toMatchObject({ convicted: null });
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../../src/case/dates.js';
import { ConvictionCategory, type CaseFile, type Conviction } from '../../../src/case/schema.js';
import { jurisdictionLabelRecord } from '../../../src/facts/record/jurisdiction-label.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2013-01-15') });
const conclusions = (settled: Record<string, Record<string, boolean | null>> = {}) =>
  Object.fromEntries(ConvictionCategory.options.map((c) => [c, settled[c] ?? {}])) as Record<ConvictionCategory, Record<string, boolean | null>>;

const INA_TYPES = ['illegal_entry_1325_first' as const, 'illegal_entry_1325_subsequent' as const, 'reentry_1326' as const];
const params = (reading: 'excluded' | 'counted' | 'disputed' = 'disputed') => ({
  felonyLabels: ['felony' as const],
  misdemeanorLabels: ['misdemeanor' as const],
  unsettledMisdemeanorLabels: ['petty_offense' as const, 'infraction' as const],
  exclusions: [
    { offenseType: 'state_immigration_status_offense' as const, jurisdictions: ['state' as const, 'municipal' as const], from: ['felony' as const, 'misdemeanor' as const] },
    { offenseType: 'minor_traffic' as const, from: ['misdemeanor' as const] },
  ],
  disputedExclusion: { offenseTypes: INA_TYPES, from: ['felony' as const, 'misdemeanor' as const], reading },
  misdemeanorCount: 3,
  misdemeanorReviewAboveDays: 365,
  statutoryMaximumDaysByOffenseType: { reentry_1326: 730 },
  juvenileUnderAge: 18,
  juvenileCourts: ['juvenile_court' as const],
  foreignJurisdictions: ['foreign' as const],
  foreignGroundOffenseTypes: ['drug_possession' as const],
  unlawfulVotingOffenseTypes: ['unlawful_voting' as const],
  categoryConclusions: conclusions({ none: { hasFelony: false, threeOrMoreMisdemeanors: false, foreignOffense: false, unlawfulVoting: false } }),
});

const misdemeanor: Conviction = { jurisdiction: 'state', label: 'misdemeanor', maximumPenaltyDays: 180, offenseTypes: [], convictionDate: '2011-04-01', expunged: false, juvenile: false, crimeInvolvingMoralTurpitude: false, aggravatedFelony: false };
const convictions = (...list: Partial<Conviction>[]): CaseFile => ({ criminalHistory: { convictions: list.map((c) => ({ ...misdemeanor, ...c })) } });
const classify = (caseFile: CaseFile, reading?: 'excluded' | 'counted' | 'disputed') => jurisdictionLabelRecord.compute(context(caseFile), params(reading));
const value = (caseFile: CaseFile, reading?: 'excluded' | 'counted' | 'disputed') => classify(caseFile, reading).value as Record<string, boolean | null>;
const codes = (caseFile: CaseFile) => classify(caseFile).notes.map((n) => n.code);
const reentry: Partial<Conviction> = { jurisdiction: 'federal', label: 'felony', maximumPenaltyDays: 730, offenseTypes: ['reentry_1326'] };

describe('record by the convicting jurisdiction\'s label', () => {
  it('takes a felony from the label, not the maximum penalty', () => {
    expect(value(convictions({ label: 'felony', maximumPenaltyDays: 365 }))).toMatchObject({ hasFelony: true });
    expect(value(convictions({ label: 'misdemeanor', maximumPenaltyDays: 730 }))).toMatchObject({ hasFelony: false });
    expect(codes(convictions({ label: 'misdemeanor', maximumPenaltyDays: 730 }))).toContain('labelledMisdemeanorPunishableOverOneYear');
    expect(codes(convictions({ label: 'misdemeanor', maximumPenaltyDays: 365 }))).not.toContain('labelledMisdemeanorPunishableOverOneYear');
  });
  it('leaves the felony bar open, asking for the label, when the label is unknown', () => {
    const result = classify(convictions({ label: undefined }));
    expect(result.value).toMatchObject({ hasFelony: null });
    expect(result.missing).toContain('criminalHistory.convictions[0].label');
  });
  it('counts misdemeanors by conviction date: one incident on three dates counts three, three offenses at one hearing count one', () => {
    const oneIncident = convictions({ incidentId: 'a' }, { incidentId: 'a', convictionDate: '2011-05-01' }, { incidentId: 'a', convictionDate: '2011-06-01' });
    expect(value(oneIncident)).toMatchObject({ threeOrMoreMisdemeanors: true });
    const oneHearing = convictions({ offenseDate: '2011-01-01' }, { offenseDate: '2011-02-01' }, { offenseDate: '2011-03-01' });
    expect(value(oneHearing)).toMatchObject({ threeOrMoreMisdemeanors: false });
    expect(value(convictions({}, { convictionDate: '2011-05-01' }))).toMatchObject({ threeOrMoreMisdemeanors: false });
  });
  it('leaves the count open when conviction dates may coincide or are missing', () => {
    expect(value(convictions({}, { convictionDate: '2011-05-01' }, { convictionDate: '2011-05' }))).toMatchObject({ threeOrMoreMisdemeanors: null });
    const missingDate = classify(convictions({}, { convictionDate: '2011-05-01' }, { convictionDate: undefined }));
    expect(missingDate.value).toMatchObject({ threeOrMoreMisdemeanors: null });
    expect(missingDate.missing).toContain('criminalHistory.convictions[2].convictionDate');
  });
  it('sets minor traffic aside from the misdemeanor count only, and state status offenses from both', () => {
    expect(value(convictions({}, { convictionDate: '2011-05-01' }, { convictionDate: '2011-06-01', offenseTypes: ['minor_traffic'] }))).toMatchObject({ threeOrMoreMisdemeanors: false });
    expect(value(convictions({ label: 'felony', offenseTypes: ['minor_traffic'] }))).toMatchObject({ hasFelony: true });
    expect(value(convictions({ label: 'felony', offenseTypes: ['state_immigration_status_offense'] }))).toMatchObject({ hasFelony: false });
    expect(value(convictions({ label: 'felony', jurisdiction: 'federal', offenseTypes: ['state_immigration_status_offense'] }))).toMatchObject({ hasFelony: true });
    expect(codes(convictions({ offenseTypes: ['minor_traffic'] }))).toContain('excludedOffenseType');
  });
  it('leaves a petty offense or infraction open for the count, with a review note', () => {
    const result = convictions({}, { convictionDate: '2011-05-01' }, { convictionDate: '2011-06-01', label: 'infraction' });
    expect(value(result)).toMatchObject({ threeOrMoreMisdemeanors: null });
    expect(codes(result)).toContain('unsettledMisdemeanorLabel');
  });
  it('does not count a juvenile-court adjudication, and leaves a judgment from an unknown court open', () => {
    expect(value(convictions({ label: 'felony', jurisdiction: 'juvenile_court' }))).toMatchObject({ hasFelony: false });
    expect(value(convictions({ label: 'felony', jurisdiction: undefined }))).toMatchObject({ hasFelony: null });
  });
  it('leaves an expunged conviction, or one not known to be expunged or not, open', () => {
    expect(value(convictions({ label: 'felony', expunged: true }))).toMatchObject({ hasFelony: null });
    expect(codes(convictions({ label: 'felony', expunged: true }))).toContain('expungedConviction');
    expect(value(convictions({ label: 'felony', expunged: undefined }))).toMatchObject({ hasFelony: null });
  });
});

describe('the disputed "violation of this Act" exclusion', () => {
  it('follows the reading the pack takes', () => {
    expect(value(convictions(reentry), 'excluded')).toMatchObject({ hasFelony: false });
    expect(value(convictions(reentry), 'counted')).toMatchObject({ hasFelony: true });
  });
  it('when disputed, leaves a result the readings disagree on unknown, with a review note naming the conviction', () => {
    const result = classify(convictions(reentry));
    expect(result.value).toMatchObject({ hasFelony: null, threeOrMoreMisdemeanors: false });
    expect(result.notes).toContainEqual({ code: 'disputedExclusion', subject: 'conviction #1' });
  });
  it('when disputed, settles what both readings agree on, without the note', () => {
    const firstEntry = { jurisdiction: 'federal' as const, maximumPenaltyDays: 180, offenseTypes: ['illegal_entry_1325_first' as const] };
    const result = classify(convictions(firstEntry));
    expect(result.value).toMatchObject({ hasFelony: false, threeOrMoreMisdemeanors: false });
    expect(result.notes.map((n) => n.code)).not.toContain('disputedExclusion');
    const third = convictions({}, { convictionDate: '2011-05-01' }, { ...firstEntry, convictionDate: '2011-06-01' });
    expect(value(third)).toMatchObject({ threeOrMoreMisdemeanors: null });
    expect(value(third, 'counted')).toMatchObject({ threeOrMoreMisdemeanors: true });
    expect(value(third, 'excluded')).toMatchObject({ threeOrMoreMisdemeanors: false });
  });
});

describe('foreign offenses and unlawful voting', () => {
  it('bars a foreign conviction that shows a ground, not one that shows none, and leaves one without a CIMT determination open', () => {
    expect(value(convictions({ jurisdiction: 'foreign', offenseTypes: ['drug_possession'] }))).toMatchObject({ foreignOffense: true });
    expect(value(convictions({ jurisdiction: 'foreign' }))).toMatchObject({ foreignOffense: false });
    expect(value(convictions({ jurisdiction: 'foreign', crimeInvolvingMoralTurpitude: undefined }))).toMatchObject({ foreignOffense: null });
    expect(value(convictions({ jurisdiction: 'state', offenseTypes: ['drug_possession'] }))).toMatchObject({ foreignOffense: false });
    expect(codes(convictions({ jurisdiction: 'foreign' }))).toContain('foreignOffense');
  });
  it('finds unlawful voting by offense type', () => {
    expect(value(convictions({ offenseTypes: ['unlawful_voting'] }))).toMatchObject({ unlawfulVoting: true });
    expect(value(convictions({}))).toMatchObject({ unlawfulVoting: false });
    expect(value(convictions({ offenseTypes: undefined }))).toMatchObject({ unlawfulVoting: null });
  });
});

describe('record without raw convictions', () => {
  it('reads a quick category through the pack\'s table and leaves an unknown record unknown', () => {
    expect(classify({ criminalHistory: { category: 'none' } }).value).toEqual({ hasFelony: false, threeOrMoreMisdemeanors: false, foreignOffense: false, unlawfulVoting: false });
    expect(classify({ criminalHistory: { category: 'level_2' } }).notes.map((n) => n.code)).toEqual(['bareLabel']);
    expect(classify({}).value).toEqual({ hasFelony: null, threeOrMoreMisdemeanors: null, foreignOffense: null, unlawfulVoting: null });
  });
});

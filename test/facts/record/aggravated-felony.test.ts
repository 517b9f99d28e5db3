import { describe, expect, it } from '@jest/globals';
import type { CaseFile, Conviction } from '../../../src/case/schema.js';
import { AggravatedFelonyReading } from '../../../src/facts/record/aggravated-felony.js';
import { inaParameters } from '../../support/ina-parameters.js';

const params = inaParameters();
const read = (conviction: Conviction, caseFile: CaseFile = { removal: { priorRemovals: [] } }) => {
  const missing: string[] = [];
  const value = new AggravatedFelonyReading(caseFile, params, missing).of(conviction, 0);
  return { value, missing };
};

describe('aggravated felony from the 101(a)(43) categories', () => {
  it('settles "no" for types in no category, and asks for the types when they are not known', () => {
    expect(read({ offenseTypes: ['dui', 'minor_traffic'] }).value).toBe(false);
    expect(read({ offenseTypes: [] }).value).toBe(false);
    expect(read({})).toEqual({ value: null, missing: ['criminalHistory.convictions[0].offenseTypes', 'criminalHistory.convictions[0].aggravatedFelony'] });
  });
  it('reads the term of imprisonment with its suspended part: 364 days is under a year, 365 is not', () => {
    expect(read({ offenseTypes: ['burglary'], sentenceImposedDays: 364 }).value).toBe(false);
    expect(read({ offenseTypes: ['burglary'], sentenceImposedDays: 365 }).value).toBeNull();
    expect(read({ offenseTypes: ['obstruction_or_perjury'], sentenceToCustodyDays: 0, sentenceSuspendedDays: 364 }).value).toBe(false);
    expect(read({ offenseTypes: ['obstruction_or_perjury'], sentenceToCustodyDays: 0 })).toEqual({
      value: null,
      missing: ['criminalHistory.convictions[0].sentenceImposedDays', 'criminalHistory.convictions[0].aggravatedFelony'],
    });
  });
  it('reads a loss over $10,000, and asks for it', () => {
    expect(read({ offenseTypes: ['tax_evasion'], lossAmountDollars: 10000 }).value).toBe(false);
    expect(read({ offenseTypes: ['tax_evasion'], lossAmountDollars: 10001 }).value).toBeNull();
    expect(read({ offenseTypes: ['fraud'] }).missing).toContain('criminalHistory.convictions[0].lossAmountDollars');
  });
  it('keeps theft-or-fraud open unless both gates fail', () => {
    expect(read({ offenseTypes: ['theft_or_fraud'], sentenceImposedDays: 30 }).value).toBeNull();
    expect(read({ offenseTypes: ['theft_or_fraud'], sentenceImposedDays: 30, lossAmountDollars: 10000 }).value).toBe(false);
    expect(read({ offenseTypes: ['theft_or_fraud'], sentenceImposedDays: 365, lossAmountDollars: 10 }).value).toBeNull();
  });
  it('reads the maximum for racketeering and gambling, bounded below by the sentence', () => {
    expect(read({ offenseTypes: ['racketeering_or_gambling'], maximumPenaltyDays: 364 }).value).toBe(false);
    expect(read({ offenseTypes: ['racketeering_or_gambling'], maximumPenaltyDays: 365 }).value).toBeNull();
    expect(read({ offenseTypes: ['racketeering_or_gambling'], sentenceImposedDays: 365 }).value).toBeNull();
  });
  it('leaves an ungated category open whatever the sentence', () => {
    expect(read({ offenseTypes: ['murder'], sentenceImposedDays: 0 }).value).toBeNull();
    expect(read({ offenseTypes: ['alien_smuggling'], sentenceImposedDays: 0 }).value).toBeNull();
  });
  it('lets the attorney decide, and (O) settle "yes"', () => {
    expect(read({ offenseTypes: ['murder'], aggravatedFelony: false }).value).toBe(false);
    expect(read({ offenseTypes: [], aggravatedFelony: true }).value).toBe(true);
    const removed: CaseFile = { removal: { priorRemovals: [{ date: '2005-01-01', aggravatedFelonyBasis: true }] } };
    expect(read({ offenseTypes: ['illegal_entry_1325_first'], offenseDate: '2006-01-01' }, removed).value).toBe(true);
    expect(read({ offenseTypes: ['illegal_entry_1325_first'], offenseDate: '2004-01-01' }, removed).value).toBe(false);
  });
});

/** An unknown derived fact names the case fields that could settle it, whatever its calculator lists (settling-fields.ts). */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { defineCalculator, derived } from '../../src/facts/calculator.js';
import { withSettlingFields } from '../../src/facts/settling-fields.js';
import { penaltyAndCustodyRecord } from '../../src/facts/record/penalty-and-custody.js';
import { FactCache } from '../../src/facts/derive.js';
import { loadRulePacks } from '../../src/packs/load.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2013-01-15') });

/** A calculator that forgets to list what it waits on: a gang member who is also a national-security concern. */
const forgetful = defineCalculator({
  description: 'test',
  params: z.strictObject({}),
  reviewCodes: [],
  compute({ caseFile }) {
    const gang = caseFile.security?.gangParticipation;
    const concern = caseFile.security?.nationalSecurityConcern;
    const value = gang === false || concern === false ? false : gang && concern ? true : null;
    // The attorney's word overrides a known part without settling anything unknown.
    return derived({ both: value, warrant: caseFile.security?.outstandingCriminalWarrant ?? false }, 'test');
  },
});

describe('the case fields behind an unknown derived fact', () => {
  it('adds the absent fields some value of which settles an unknown part, not one that only changes a known part', () => {
    const caseFile: CaseFile = { security: { gangParticipation: true } };
    const result = withSettlingFields(forgetful, context(caseFile), {}, forgetful.compute(context(caseFile), {}));
    expect(result.missing).toEqual(['security.nationalSecurityConcern']);
  });

  it('leaves a known fact alone', () => {
    const known: CaseFile = { security: { gangParticipation: false } };
    expect(withSettlingFields(forgetful, context(known), {}, forgetful.compute(context(known), {})).missing).toEqual([]);
  });

  it("asks whether DACA's felony was expunged (the issue's example)", async () => {
    const conviction = { jurisdiction: 'federal' as const, label: 'felony' as const, statute: '8 U.S.C. 1326(a)', maximumPenaltyDays: 730, offenseTypes: ['reentry_1326' as const], juvenile: false };
    const caseFile: CaseFile = { criminalHistory: { convictions: [conviction] } };
    const packs = await loadRulePacks();
    const record = packs.packs.find((p) => p.pack.program === 'daca')!.facts.get('record')!;
    // The calculator itself lists it, and so does every fact derived through the cache.
    const own = penaltyAndCustodyRecord.compute(context(caseFile), record.params as never);
    expect(own.value).toMatchObject({ hasFelony: null });
    expect(own.missing).toContain('criminalHistory.convictions[0].expunged');
    expect(new FactCache(context(caseFile)).derive([record]).get('record')!.missing).toContain('criminalHistory.convictions[0].expunged');
  });
});

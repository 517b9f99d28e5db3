/**
 * A record classified into offense levels by maximum penalty and count, the way the 2010 ICE
 * priorities memo's Secure Communities levels do: Level 1 for an aggravated felony or two or more
 * crimes punishable by more than a year; Level 2 for any such crime or three or more crimes
 * punishable by less than a year; Level 3 for crimes punishable by less than a year. A level is
 * reported only when no higher level is still possible on the known facts. Only convictions under
 * INA 101(a)(48)(A) count ("aliens convicted of crimes"): a juvenile delinquency adjudication is
 * none (Matter of Devison), and it is reported for review as part of the criminal history the memos
 * weigh; so is a conviction set aside, and a dismissed charge (an arrest).
 */
import { z } from 'zod';
import type { CaseFile, Conviction } from '../../case/schema.js';
import { defineCalculator, derived, type ReviewNote } from '../calculator.js';
import { DayCount } from '../params.js';
import { triAnd, triOr, type Tri } from '../tri.js';
import {
  CategoryConclusions,
  FirstOffenderExpungement,
  StatutoryMaxima,
  atLeast,
  classifyRecord,
  convictionName,
  convictionPath,
  countTri,
  inaConviction,
  inaConvictionQuestions,
  juvenileAdjudication,
  maximumPenaltyRange,
  rangeTest,
  JuvenileCourts,
} from './common.js';
import { AggravatedFelonyParams, AggravatedFelonyReading } from './aggravated-felony.js';
import { birthRange } from '../person.js';

const KEYS = ['convicted', 'level', 'convictionCount', 'juvenileAdjudication'] as const;

const Params = z.strictObject({
  felonyAboveDays: DayCount,
  misdemeanorBelowDays: DayCount,
  level1FelonyCount: z.number().int().min(1),
  level2MisdemeanorCount: z.number().int().min(1),
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  juvenileUnderAge: z.number().int().min(1),
  juvenileCourts: JuvenileCourts,
  ...AggravatedFelonyParams,
  firstOffenderExpungement: FirstOffenderExpungement,
  categoryConclusions: CategoryConclusions,
});
type Params = z.infer<typeof Params>;

interface Levelled {
  convicted: Tri;
  level: number | null;
  convictionCount: number | null;
  juvenileAdjudication: Tri;
}

function levelOf(convictions: Conviction[], caseFile: CaseFile, params: Params, missing: string[], notes: ReviewNote[]): Levelled {
  const birth = birthRange(caseFile);
  const aggravatedFelony = new AggravatedFelonyReading(caseFile, params, missing);
  const counts: Tri[] = [];
  const juvenile: Tri[] = [];
  const felony: Tri[] = [];
  const misdemeanor: Tri[] = [];
  const aggravated: Tri[] = [];
  convictions.forEach((conviction, i) => {
    const name = convictionName(conviction, i);
    const adjudication = juvenileAdjudication(conviction, birth, params);
    juvenile.push(adjudication);
    if (adjudication === true) notes.push({ code: 'juvenile', subject: name });
    if (conviction.expunged) notes.push({ code: 'expunged', subject: name });
    const counted = inaConviction(conviction, birth, params, params.firstOffenderExpungement);
    counts.push(counted);
    if (counted === null) missing.push(...inaConvictionQuestions(conviction, i, birth, params));
    if (counted === false) return;
    // A sentence imposed bounds the maximum from below: over a year, the crime is punishable by more than a year.
    const max = maximumPenaltyRange(conviction, params.statutoryMaximumDaysByOffenseType);
    const above = rangeTest(max, (days) => days > params.felonyAboveDays);
    const below = rangeTest(max, (days) => days < params.misdemeanorBelowDays);
    if (above === null && below === null) missing.push(convictionPath(i, 'maximumPenaltyDays'));
    // Punishable by exactly a year: literally neither "more than" nor "less than" one year.
    if (max.low === max.high && above === false && below === false) notes.push({ code: 'punishableByExactlyOneYear', subject: name });
    felony.push(triAnd([counted, above === false && below === false ? null : above]));
    misdemeanor.push(triAnd([counted, above === false && below === false ? null : below]));
    // Whether a conviction is an aggravated felony (Level 1) is a legal conclusion, given or open.
    const aggravatedReading = aggravatedFelony.of(conviction, i);
    if (aggravatedReading !== false) notes.push({ code: 'aggravatedFelonyDetermination', subject: name });
    aggravated.push(triAnd([counted, aggravatedReading]));
  });
  (caseFile.criminalHistory?.dismissedCharges ?? []).forEach((charge, i) => notes.push({ code: 'dismissedCharge', subject: charge.description ?? `dismissed charge #${i + 1}` }));
  const counted = countTri(counts);
  const convicted = atLeast(counted, 1);
  const level1 = triOr([triOr(aggravated), atLeast(countTri(felony), params.level1FelonyCount)]);
  const level2 = triOr([triOr(felony), atLeast(countTri(misdemeanor), params.level2MisdemeanorCount)]);
  const level = level1 === true ? 1 : level1 === null ? null : level2 === true ? 2 : level2 === null ? null : convicted === true ? 3 : null;
  return { convicted, level, convictionCount: counted.low === counted.high ? counted.low : null, juvenileAdjudication: triOr(juvenile) };
}

export const offenseLevelRecord = defineCalculator({
  description:
    'Classifies the record into offense levels 1-3 by maximum penalty and count (Secure Communities style), counting only INA convictions: convicted, level, convictionCount, juvenileAdjudication (some judgment is a juvenile delinquency adjudication).',
  params: Params,
  reviewCodes: ['bareLabel', 'punishableByExactlyOneYear', 'expunged', 'juvenile', 'dismissedCharge', 'aggravatedFelonyDetermination'],
  outputKeys: KEYS,
  compute({ caseFile }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => {
      const missing: string[] = [];
      const notes: ReviewNote[] = [];
      const result = levelOf(convictions, caseFile, params, missing, notes);
      // Every key the rules read counts: a count or a juvenile adjudication left open is asked too.
      const open = result.convicted === null || (result.convicted && result.level === null) || result.convictionCount === null || result.juvenileAdjudication === null;
      const detail = result.convicted === false ? `no convictions${convictions.length ? ` (${convictions.length} judgment(s) that are not convictions)` : ''}` : `${result.convictionCount ?? 'an unsettled number of'} conviction(s); level ${result.level ?? 'not settled by the known facts'}`;
      return derived({ ...result }, detail, open ? [...new Set(missing)] : [], notes);
    });
  },
});

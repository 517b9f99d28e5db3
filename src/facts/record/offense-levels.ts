/**
 * A record classified into offense levels by maximum penalty and count, the way the 2010 ICE
 * priorities memo's Secure Communities levels do: Level 1 for an aggravated felony or two or more
 * crimes punishable by more than a year; Level 2 for any such crime or three or more crimes
 * punishable by less than a year; Level 3 for crimes punishable by less than a year. A level is
 * reported only when no higher level is still possible on the known facts.
 */
import { z } from 'zod';
import type { Conviction } from '../../case/schema.js';
import { defineCalculator, derived, type ReviewNote } from '../derived.js';
import { DayCount } from '../params.js';
import { triOr, type Tri } from '../tri.js';
import { CategoryConclusions, StatutoryMaxima, atLeast, classifyRecord, convictionName, convictionPath, countTri, maximumPenaltyDays, wasJuvenile } from './common.js';
import { birthRange } from '../person.js';
import type { DayRange } from '../../case/dates.js';

const KEYS = ['convicted', 'level', 'convictionCount'] as const;

const Params = z.strictObject({
  felonyAboveDays: DayCount,
  misdemeanorBelowDays: DayCount,
  level1FelonyCount: z.number().int().min(1),
  level2MisdemeanorCount: z.number().int().min(1),
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  juvenileUnderAge: z.number().int().min(1),
  categoryConclusions: CategoryConclusions,
});

function levelOf(convictions: Conviction[], birth: DayRange | undefined, params: z.infer<typeof Params>, missing: string[], notes: ReviewNote[]): number | null {
  const felony: Tri[] = [];
  const misdemeanor: Tri[] = [];
  const aggravated: Tri[] = [];
  convictions.forEach((conviction, i) => {
    const name = convictionName(conviction, i);
    const max = maximumPenaltyDays(conviction, params.statutoryMaximumDaysByOffenseType);
    if (max === undefined) missing.push(convictionPath(i, 'maximumPenaltyDays'));
    if (max !== undefined && max <= params.felonyAboveDays && max >= params.misdemeanorBelowDays) {
      // Punishable by exactly a year: literally neither "more than" nor "less than" one year.
      notes.push({ code: 'punishableByExactlyOneYear', subject: name });
    }
    felony.push(max === undefined ? null : max > params.felonyAboveDays ? true : max < params.misdemeanorBelowDays ? false : null);
    misdemeanor.push(max === undefined ? null : max < params.misdemeanorBelowDays ? true : max > params.felonyAboveDays ? false : null);
    aggravated.push(conviction.aggravatedFelony ?? null);
    if (conviction.aggravatedFelony === undefined) missing.push(convictionPath(i, 'aggravatedFelony'));
    if (conviction.expunged) notes.push({ code: 'expunged', subject: name });
    if (wasJuvenile(conviction, birth, params.juvenileUnderAge)) notes.push({ code: 'juvenile', subject: name });
  });
  const level1 = triOr([triOr(aggravated), atLeast(countTri(felony), params.level1FelonyCount)]);
  const level2 = triOr([triOr(felony), atLeast(countTri(misdemeanor), params.level2MisdemeanorCount)]);
  if (level1 === true) return 1;
  if (level1 === null) return null;
  if (level2 === true) return 2;
  if (level2 === null) return null;
  return convictions.length > 0 ? 3 : null;
}

export const offenseLevelRecord = defineCalculator({
  description: 'Classifies the record into offense levels 1-3 by maximum penalty and count (Secure Communities style): convicted, level, convictionCount.',
  params: Params,
  reviewCodes: ['bareLabel', 'punishableByExactlyOneYear', 'expunged', 'juvenile'],
  outputKeys: KEYS,
  compute({ caseFile }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => {
      const missing: string[] = [];
      const notes: ReviewNote[] = [];
      const level = levelOf(convictions, birthRange(caseFile), params, missing, notes);
      const convicted = convictions.length > 0;
      const detail = convicted ? `${convictions.length} conviction(s); level ${level ?? 'not settled by the known facts'}` : 'no convictions';
      return derived({ convicted, level, convictionCount: convictions.length }, detail, convicted && level === null ? [...new Set(missing)] : [], notes);
    });
  },
});

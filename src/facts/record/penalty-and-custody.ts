/**
 * A record classified by maximum authorized penalty and time actually served in custody, the way
 * the DACA guidelines do: a felony is punishable by more than a year whatever the state calls it;
 * a misdemeanor is "significant" when its offense type is enumerated or the custody served exceeds
 * a number of days (suspended time does not count, nor time held only on an immigration detainer);
 * other misdemeanors bar only when enough of them are counted, offenses on the same date or from
 * the same act or scheme counting once.
 */
import { z } from 'zod';
import { OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../derived.js';
import { DayCount } from '../params.js';
import { triAnd, triNot, triOr, type Tri } from '../tri.js';
import {
  CategoryConclusions,
  atLeast,
  convictionName,
  convictionPath,
  hasType,
  classifyRecord,
  wasJuvenile,
} from './common.js';
import { birthRange } from '../person.js';
import type { DayRange } from '../../case/dates.js';

const KEYS = ['hasFelony', 'hasSignificantMisdemeanor', 'threeOrMoreMisdemeanors'] as const;

const Params = z.strictObject({
  felonyAboveDays: DayCount,
  misdemeanorAboveDays: DayCount,
  significantCustodyAboveDays: DayCount,
  enumeratedOffenseTypes: z.array(OffenseType).min(1),
  excludedOffenseTypes: z.array(OffenseType),
  multipleMisdemeanorCount: z.number().int().min(2),
  juvenileUnderAge: z.number().int().min(1),
  categoryConclusions: CategoryConclusions,
});

interface Classified {
  counts: Tri;
  felony: Tri;
  misdemeanor: Tri;
  significant: Tri;
}

function classify(
  conviction: Conviction,
  index: number,
  birth: DayRange | undefined,
  params: z.infer<typeof Params>,
  missing: string[],
  notes: ReviewNote[],
): Classified {
  const name = convictionName(conviction, index);
  // Expunged convictions and juvenile adjudications (not tried as an adult) are not automatic bars.
  const juvenile = wasJuvenile(conviction, birth, params.juvenileUnderAge);
  if (juvenile === null) missing.push(convictionPath(index, 'juvenile'));
  const juvenileOnly: Tri = juvenile === null ? null : juvenile && conviction.triedAsAdult !== true;
  if (conviction.expunged) notes.push({ code: 'expunged', subject: name });
  if (juvenileOnly) notes.push({ code: 'juvenile', subject: name });
  const excludedType = hasType(conviction, params.excludedOffenseTypes);
  if (excludedType) notes.push({ code: 'excludedOffenseType', subject: name });
  const counts = triAnd([triNot(excludedType), conviction.expunged === undefined ? null : !conviction.expunged, triNot(juvenileOnly)]);

  const max = conviction.maximumPenaltyDays;
  const felony: Tri = max === undefined ? null : max > params.felonyAboveDays;
  const misdemeanor: Tri = max === undefined ? null : max > params.misdemeanorAboveDays && max <= params.felonyAboveDays;
  if (max === undefined) missing.push(convictionPath(index, 'maximumPenaltyDays'));
  if (max !== undefined && conviction.label === 'misdemeanor' && max > params.felonyAboveDays) notes.push({ code: 'labelledMisdemeanorPunishableAsFelony', subject: name });
  if (max === params.felonyAboveDays) notes.push({ code: 'punishableByExactlyOneYear', subject: name });

  const enumerated = hasType(conviction, params.enumeratedOffenseTypes);
  if (enumerated) notes.push({ code: 'enumeratedOffenseType', subject: name });
  if (conviction.offenseTypes === undefined) missing.push(convictionPath(index, 'offenseTypes'));
  const custody =
    conviction.daysInCustody === undefined ? undefined : conviction.daysInCustody - (conviction.daysHeldOnImmigrationDetainer ?? 0);
  const detainerUnknown = conviction.daysHeldOnImmigrationDetainer === undefined;
  const longCustody: Tri =
    custody === undefined ? null : custody > params.significantCustodyAboveDays ? (detainerUnknown ? null : true) : false;
  if (custody !== undefined && custody > params.significantCustodyAboveDays && detainerUnknown) {
    missing.push(convictionPath(index, 'daysHeldOnImmigrationDetainer'));
  }
  if (custody === undefined) missing.push(convictionPath(index, 'daysInCustody'));
  if (conviction.expunged === undefined) missing.push(convictionPath(index, 'expunged'));
  return { counts, felony, misdemeanor, significant: triAnd([misdemeanor, triOr([enumerated, longCustody])]) };
}

/** Groups by offense date or incident id: offenses on one date or from one act count once. */
function groupKey(conviction: Conviction, index: number): string[] {
  const keys: string[] = [];
  if (conviction.incidentId) keys.push(`incident:${conviction.incidentId}`);
  if (conviction.offenseDate && /^\d{4}-\d{2}-\d{2}$/.test(conviction.offenseDate)) keys.push(`date:${conviction.offenseDate}`);
  return keys.length ? keys : [`alone:${index}`];
}

function countGroups(indices: number[], convictions: Conviction[]): number {
  const parent = new Map<number, number>(indices.map((i) => [i, i]));
  const find = (i: number): number => (parent.get(i) === i ? i : find(parent.get(i)!));
  const firstWithKey = new Map<string, number>();
  for (const i of indices) {
    for (const key of groupKey(convictions[i]!, i)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, i);
      else parent.set(find(i), find(other));
    }
  }
  return new Set(indices.map(find)).size;
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, params: z.infer<typeof Params>): Derived {
  const missing: string[] = [];
  const notes: ReviewNote[] = [];
  const birth = birthRange(caseFile);
  const classes = convictions.map((c, i) => classify(c, i, birth, params, missing, notes));
  const bars = (pick: (c: Classified) => Tri) => triOr(classes.map((c) => triAnd([c.counts, pick(c)])));
  const hasFelony = bars((c) => c.felony);
  const hasSignificantMisdemeanor = bars((c) => c.significant);

  const plain = classes.map((c) => triAnd([c.counts, c.misdemeanor, triNot(c.significant)]));
  const sure = plain.flatMap((v, i) => (v === true ? [i] : []));
  const possible = plain.flatMap((v, i) => (v !== false ? [i] : []));
  const count = { low: countGroups(sure, convictions), high: countGroups(possible, convictions) };
  const threeOrMoreMisdemeanors = atLeast(count, params.multipleMisdemeanorCount);
  if (possible.length >= params.multipleMisdemeanorCount && count.high < possible.length) {
    notes.push({ code: 'groupedBySameIncident', subject: `${possible.length} misdemeanors counted as ${count.high}` });
  }
  const value = { hasFelony, hasSignificantMisdemeanor, threeOrMoreMisdemeanors };
  const unsettled = [hasFelony, hasSignificantMisdemeanor, threeOrMoreMisdemeanors].includes(null);
  const summary = convictions
    .map((c, i) => {
      const k = classes[i]!;
      const kind = k.felony ? 'felony' : k.significant ? 'significant misdemeanor' : k.misdemeanor ? 'misdemeanor' : k.felony === null ? 'class unknown' : 'not a misdemeanor';
      return `${convictionName(c, i)}: ${kind}${k.counts === false ? ' (not an automatic bar)' : ''}`;
    })
    .join('; ');
  return derived(value, `${convictions.length} conviction(s): ${summary || 'none'}; non-significant misdemeanors counted: ${count.low === count.high ? count.low : `${count.low} to ${count.high}`}`, unsettled ? [...new Set(missing)] : [], notes);
}

export const penaltyAndCustodyRecord = defineCalculator({
  description:
    'Classifies the record by maximum penalty and days actually in custody (DACA-style): hasFelony, hasSignificantMisdemeanor, threeOrMoreMisdemeanors (counted once per date or act).',
  params: Params,
  reviewCodes: [
    'bareLabel',
    'expunged',
    'juvenile',
    'excludedOffenseType',
    'labelledMisdemeanorPunishableAsFelony',
    'punishableByExactlyOneYear',
    'enumeratedOffenseType',
    'groupedBySameIncident',
  ],
  outputKeys: KEYS,
  compute({ caseFile }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, params));
  },
});

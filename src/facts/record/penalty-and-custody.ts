/**
 * A record classified by maximum authorized penalty and sentence to custody, the way the DACA
 * guidelines do: a felony is punishable by more than a year whatever the state calls it; a
 * misdemeanor is "significant" when its offense type is enumerated or the sentence to custody
 * exceeds a number of days (suspended time does not count, nor time held only on an immigration
 * detainer); other misdemeanors bar only when enough of them are counted, offenses on the same date
 * or from the same act or scheme counting once. Which offenses are excluded, and whether expunged
 * or juvenile matters count, are the pack's parameters.
 */
import { z } from 'zod';
import { Jurisdiction, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../calculator.js';
import { DayCount } from '../params.js';
import { triAnd, triNot, triOr, type Tri } from '../tri.js';
import {
  CategoryConclusions,
  atLeast,
  convictionName,
  convictionPath,
  hasType,
  classifyRecord,
  juvenileAdjudication,
  juvenileAdjudicationQuestions,
  maximumPenaltyRange,
  rangeTest,
  StatutoryMaxima,
  JuvenileCourts,
} from './common.js';
import { birthRange } from '../person.js';
import { parseDateSpec, type DayRange } from '../../case/dates.js';
import { differentOccasions, type Bound } from './grouping.js';

const KEYS = ['hasFelony', 'hasSignificantMisdemeanor', 'threeOrMoreMisdemeanors'] as const;

const Exclusion = z.strictObject({
  offenseType: OffenseType,
  /** Limits the exclusion to convictions from these courts (e.g. state immigration offenses). */
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
});

const Params = z.strictObject({
  felonyAboveDays: DayCount,
  misdemeanorAboveDays: DayCount,
  significantCustodyAboveDays: DayCount,
  enumeratedOffenseTypes: z.array(OffenseType).min(1),
  /** Types that may or may not be an enumerated offense (a protection-order violation may be domestic violence). */
  possiblyEnumeratedOffenseTypes: z.array(OffenseType),
  exclusions: z.array(Exclusion),
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  multipleMisdemeanorCount: z.number().int().min(2),
  juvenileUnderAge: z.number().int().min(1),
  juvenileCourts: JuvenileCourts,
  /** Whether expunged convictions, and juvenile adjudications not tried as an adult, count toward the bars. */
  expungedConvictionsCount: z.boolean(),
  juvenileAdjudicationsCount: z.boolean(),
  /** Whether an enumerated offense stays countable when it also matches an exclusion (a DUI tagged minor traffic). */
  enumeratedOverridesExclusions: z.boolean(),
  categoryConclusions: CategoryConclusions,
});

interface Classified {
  counts: Tri;
  felony: Tri;
  misdemeanor: Tri;
  significant: Tri;
}

function excludedBy(conviction: Conviction, exclusion: z.infer<typeof Exclusion>): Tri {
  const court: Tri = !exclusion.jurisdictions ? true : conviction.jurisdiction === undefined ? null : exclusion.jurisdictions.includes(conviction.jurisdiction);
  return triAnd([hasType(conviction, [exclusion.offenseType]), court]);
}

/**
 * Sentenced to more than `threshold` days in custody: the sentence less any suspended part
 * ("the sentence must involve time to be served in custody, and therefore does not include a
 * suspended sentence"), not the days actually served.
 */
function sentencedToLongCustody(conviction: Conviction, index: number, threshold: number, missing: string[]): Tri {
  const { sentenceImposedDays: imposed, sentenceSuspendedDays: suspended, sentenceToCustodyDays: toCustody } = conviction;
  const days = toCustody ?? (imposed !== undefined && suspended !== undefined ? imposed - suspended : undefined);
  if (days !== undefined) return days > threshold;
  if (imposed !== undefined && imposed <= threshold) return false;
  missing.push(convictionPath(index, imposed === undefined ? 'sentenceImposedDays' : 'sentenceSuspendedDays'));
  return null;
}

/** Days actually held for the offense beyond `threshold`, not counting days held only on a detainer. */
function actualCustodyExceeds(conviction: Conviction, threshold: number): Tri {
  if (conviction.daysInCustody === undefined) return null;
  const detainer = conviction.daysHeldOnImmigrationDetainer;
  const served = conviction.daysInCustody - (detainer ?? 0);
  if (served <= threshold) return false;
  return detainer === undefined ? null : true;
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
  const juvenileOnly = juvenileAdjudication(conviction, birth, params);
  if (juvenileOnly === null) missing.push(...juvenileAdjudicationQuestions(conviction, index, birth, params));
  const expunged: Tri = conviction.expunged ?? null;
  if (expunged) notes.push({ code: 'expunged', subject: name });
  // Whether it was expunged matters only where expunged convictions do not count.
  if (expunged === null && !params.expungedConvictionsCount) missing.push(convictionPath(index, 'expunged'));
  if (juvenileOnly) notes.push({ code: 'juvenile', subject: name });
  const listed = hasType(conviction, params.enumeratedOffenseTypes);
  const maybeListed = hasType(conviction, params.possiblyEnumeratedOffenseTypes);
  if (listed) notes.push({ code: 'enumeratedOffenseType', subject: name });
  else if (maybeListed) notes.push({ code: 'possiblyEnumeratedOffenseType', subject: name });
  const enumerated: Tri = listed === true ? true : maybeListed === true ? null : listed;
  if (conviction.offenseTypes === undefined) missing.push(convictionPath(index, 'offenseTypes'));

  const matchesExclusion = triOr(params.exclusions.map((exclusion) => excludedBy(conviction, exclusion)));
  const excludedType = params.enumeratedOverridesExclusions ? triAnd([matchesExclusion, triNot(enumerated)]) : matchesExclusion;
  if (excludedType) notes.push({ code: 'excludedOffenseType', subject: name });
  if (excludedType === null && conviction.jurisdiction === undefined) missing.push(convictionPath(index, 'jurisdiction'));
  const counts = triAnd([
    triNot(excludedType),
    params.expungedConvictionsCount ? true : triNot(expunged),
    params.juvenileAdjudicationsCount ? true : triNot(juvenileOnly),
  ]);

  // A sentence imposed bounds the maximum from below (a sentence over a year proves a felony).
  const max = maximumPenaltyRange(conviction, params.statutoryMaximumDaysByOffenseType);
  const felony = rangeTest(max, (days) => days > params.felonyAboveDays);
  const misdemeanor = triAnd([rangeTest(max, (days) => days > params.misdemeanorAboveDays), triNot(felony)]);
  if (felony === null || misdemeanor === null) missing.push(convictionPath(index, 'maximumPenaltyDays'));
  if (conviction.label === 'misdemeanor' && felony === true) notes.push({ code: 'labelledMisdemeanorPunishableAsFelony', subject: name });
  if (max.low === params.felonyAboveDays && max.high === params.felonyAboveDays) notes.push({ code: 'punishableByExactlyOneYear', subject: name });

  const longCustody = sentencedToLongCustody(conviction, index, params.significantCustodyAboveDays, missing);
  if (longCustody !== null && actualCustodyExceeds(conviction, params.significantCustodyAboveDays) === !longCustody) {
    notes.push({ code: 'custodyMeasuresDisagree', subject: name });
  }
  return { counts, felony, misdemeanor, significant: triAnd([misdemeanor, triOr([enumerated, longCustody])]) };
}

/**
 * Misdemeanors on the same date, or from the same act or scheme (same incident id), count once.
 * The count is a range: at least ("fewest") the groups that surely differ (a conviction whose
 * incident is not recorded may belong to any scheme, and dates that may coincide may be one date),
 * at most ("most") the groups that are not surely the same.
 */
function groupCount(indices: number[], convictions: Conviction[], bound: Bound): number {
  return differentOccasions(
    indices.map((i) => ({ date: parseDateSpec(convictions[i]!.offenseDate ?? ''), incident: convictions[i]!.incidentId })),
    bound,
  );
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
  const count = { low: groupCount(sure, convictions, 'fewest'), high: groupCount(possible, convictions, 'most') };
  const threeOrMoreMisdemeanors = atLeast(count, params.multipleMisdemeanorCount);
  if (possible.length >= params.multipleMisdemeanorCount) {
    if (count.high < possible.length) notes.push({ code: 'groupedBySameIncident', subject: `${possible.length} misdemeanors counted as ${count.high}` });
    if (threeOrMoreMisdemeanors === null) possible.forEach((i) => convictions[i]!.incidentId === undefined && missing.push(convictionPath(i, 'incidentId')));
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
    'Classifies the record by maximum penalty and sentence to custody (DACA-style): hasFelony, hasSignificantMisdemeanor, threeOrMoreMisdemeanors (counted once per date or act).',
  params: Params,
  reviewCodes: [
    'bareLabel',
    'expunged',
    'juvenile',
    'excludedOffenseType',
    'labelledMisdemeanorPunishableAsFelony',
    'punishableByExactlyOneYear',
    'enumeratedOffenseType',
    'possiblyEnumeratedOffenseType',
    'custodyMeasuresDisagree',
    'groupedBySameIncident',
  ],
  outputKeys: KEYS,
  compute({ caseFile }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, params));
  },
});

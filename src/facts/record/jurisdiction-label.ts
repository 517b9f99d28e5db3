/**
 * A record classified by the convicting jurisdiction's own label, the way S.744's RPI bars read:
 * a felony is what the convicting jurisdiction calls a felony (not what its maximum penalty would
 * make it); misdemeanors bar only when enough of them were convicted on different dates (pleas
 * taken at one hearing count once, whatever the offense dates or incidents); foreign offenses and
 * unlawful voting bar in their own right. Which offenses are set aside, and from which count, are
 * the pack's parameters. One exclusion may be disputed: a reading of it is then a parameter
 * (excluded, counted, or disputed: both readings are computed, and where they disagree the result
 * is unknown and marked for review).
 */
import { z } from 'zod';
import { ConvictionLabel, Jurisdiction, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import type { DayRange } from '../../case/dates.js';
import { birthRange } from '../person.js';
import { defineCalculator, derived, type Derived, type FactValue, type ReviewNote } from '../calculator.js';
import { DayCount } from '../params.js';
import { rangeOf } from '../timeline.js';
import { triAnd, triNot, triOr, type Tri } from '../tri.js';
import {
  CategoryConclusions,
  StatutoryMaxima,
  atLeast,
  classifyRecord,
  convictionName,
  convictionPath,
  hasType,
  juvenileAdjudication,
  juvenileAdjudicationQuestions,
  maximumPenaltyRange,
  JuvenileCourts,
} from './common.js';
import { differentDays, type Bound } from './grouping.js';

const KEYS = ['hasFelony', 'threeOrMoreMisdemeanors', 'foreignOffense', 'unlawfulVoting'] as const;
type Key = (typeof KEYS)[number];

const Count = z.enum(['felony', 'misdemeanor']);

const Exclusion = z.strictObject({
  offenseType: OffenseType,
  /** Limits the exclusion to convictions from these courts (e.g. state or local status offenses). */
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
  /** The counts the offense is set aside from. */
  from: z.array(Count).min(1),
});

const Reading = z.enum(['excluded', 'counted', 'disputed']);

const Params = z.strictObject({
  felonyLabels: z.array(ConvictionLabel).min(1),
  misdemeanorLabels: z.array(ConvictionLabel).min(1),
  /** Labels that may or may not be a misdemeanor for the count (a petty offense, an infraction): left open, for review. */
  unsettledMisdemeanorLabels: z.array(ConvictionLabel),
  exclusions: z.array(Exclusion),
  /** An exclusion whose scope is disputed, and the reading the pack takes of it. */
  disputedExclusion: z.strictObject({ offenseTypes: z.array(OffenseType).min(1), from: z.array(Count).min(1), reading: Reading }),
  misdemeanorCount: z.number().int().min(2),
  /** A misdemeanor punishable by more than this many days is marked for review (the label still decides). */
  misdemeanorReviewAboveDays: DayCount,
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  /** Age under which an offense is a juvenile matter when the case file does not say (a delinquency adjudication is no conviction). */
  juvenileUnderAge: z.number().int().min(1),
  juvenileCourts: JuvenileCourts,
  foreignJurisdictions: z.array(Jurisdiction).min(1),
  /** Offense types that show a foreign offense would make the person inadmissible or removable if committed here. */
  foreignGroundOffenseTypes: z.array(OffenseType),
  unlawfulVotingOffenseTypes: z.array(OffenseType).min(1),
  categoryConclusions: CategoryConclusions,
});
type Params = z.infer<typeof Params>;

type Value = Record<Key, Tri>;

function labelIn(conviction: Conviction, labels: readonly string[]): Tri {
  return conviction.label === undefined ? null : labels.includes(conviction.label);
}

/** Whether the conviction is set aside from a count, with the disputed exclusion read one way. */
function setAside(conviction: Conviction, count: z.infer<typeof Count>, params: Params, disputedExcludes: boolean): Tri {
  const matches = params.exclusions
    .filter((exclusion) => exclusion.from.includes(count))
    .map((exclusion) => {
      const court: Tri = !exclusion.jurisdictions ? true : conviction.jurisdiction === undefined ? null : exclusion.jurisdictions.includes(conviction.jurisdiction);
      return triAnd([hasType(conviction, [exclusion.offenseType]), court]);
    });
  const disputed = params.disputedExclusion;
  if (disputedExcludes && disputed.from.includes(count)) matches.push(hasType(conviction, disputed.offenseTypes));
  return triOr(matches);
}

/**
 * How many different conviction dates the listed convictions span, as a range: at least the groups
 * whose dates surely differ, at most the groups not surely on one day.
 */
function differentDates(indices: number[], convictions: Conviction[], bound: Bound): number {
  return differentDays(indices.map((i) => rangeOf(convictions[i]!.convictionDate)), bound);
}

/** The record under one reading of the disputed exclusion. */
/**
 * Whether a judgment counts: a juvenile delinquency adjudication is no conviction (Matter of
 * Devison), nor is one vacated on the merits; any other expunged or set-aside conviction may fall
 * outside the bill's own definition of a conviction (reported, unverified): open.
 */
function counts(c: Conviction, birth: DayRange | undefined, params: Params): Tri {
  const setAside: Tri = c.expunged === false ? false : c.expunged && c.expungementBasis === 'legal_defect' ? true : null;
  return triAnd([triNot(juvenileAdjudication(c, birth, params)), triNot(setAside)]);
}

function classifyUnder(convictions: Conviction[], birth: DayRange | undefined, params: Params, disputedExcludes: boolean): Value {
  const counted = convictions.map((c) => counts(c, birth, params));
  const hasFelony = triOr(convictions.map((c, i) => triAnd([counted[i]!, labelIn(c, params.felonyLabels), triNot(setAside(c, 'felony', params, disputedExcludes))])));

  const misdemeanor = (c: Conviction): Tri => (c.label !== undefined && params.unsettledMisdemeanorLabels.includes(c.label) ? null : labelIn(c, params.misdemeanorLabels));
  const countable = convictions.map((c, i) => triAnd([counted[i]!, misdemeanor(c), triNot(setAside(c, 'misdemeanor', params, disputedExcludes))]));
  const sure = countable.flatMap((v, i) => (v === true ? [i] : []));
  const possible = countable.flatMap((v, i) => (v !== false ? [i] : []));
  const count = { low: differentDates(sure, convictions, 'fewest'), high: differentDates(possible, convictions, 'most') };
  const threeOrMoreMisdemeanors = atLeast(count, params.misdemeanorCount);

  const foreign = (c: Conviction): Tri => (c.jurisdiction === undefined ? null : params.foreignJurisdictions.includes(c.jurisdiction));
  const groundShown = (c: Conviction): Tri => triOr([c.crimeInvolvingMoralTurpitude ?? null, c.aggravatedFelony ?? null, hasType(c, params.foreignGroundOffenseTypes)]);
  const foreignOffense = triOr(convictions.map((c, i) => triAnd([counted[i]!, foreign(c), groundShown(c)])));
  const unlawfulVoting = triOr(convictions.map((c, i) => triAnd([counted[i]!, hasType(c, params.unlawfulVotingOffenseTypes)])));
  return { hasFelony, threeOrMoreMisdemeanors, foreignOffense, unlawfulVoting };
}

/** The fields whose absence may have left a conviction's part of the result open. */
function openFields(conviction: Conviction, index: number, birth: DayRange | undefined, params: Params): string[] {
  const juvenile = juvenileAdjudication(conviction, birth, params) === null ? juvenileAdjudicationQuestions(conviction, index, birth, params) : [];
  const fields: (keyof Conviction)[] = [];
  if (conviction.expunged === true && conviction.expungementBasis === undefined) fields.push('expungementBasis');
  if (conviction.label === undefined) fields.push('label');
  if (conviction.offenseTypes === undefined) fields.push('offenseTypes');
  if (conviction.expunged === undefined) fields.push('expunged');
  if (conviction.jurisdiction === undefined) fields.push('jurisdiction');
  if (conviction.convictionDate === undefined) fields.push('convictionDate');
  if (conviction.jurisdiction !== undefined && params.foreignJurisdictions.includes(conviction.jurisdiction)) {
    if (conviction.crimeInvolvingMoralTurpitude === undefined) fields.push('crimeInvolvingMoralTurpitude');
    if (conviction.aggravatedFelony === undefined) fields.push('aggravatedFelony');
  }
  return [...new Set([...juvenile, ...fields.map((field) => convictionPath(index, field))])];
}

function notesFor(conviction: Conviction, index: number, params: Params): ReviewNote[] {
  const subject = convictionName(conviction, index);
  const notes: ReviewNote[] = [];
  const setAsideAnywhere = setAside(conviction, 'felony', params, false) === true || setAside(conviction, 'misdemeanor', params, false) === true;
  if (setAsideAnywhere) notes.push({ code: 'excludedOffenseType', subject });
  if (conviction.expunged) notes.push({ code: 'expungedConviction', subject });
  if (conviction.label !== undefined && params.unsettledMisdemeanorLabels.includes(conviction.label)) notes.push({ code: 'unsettledMisdemeanorLabel', subject });
  // A sentence over a year proves the offense punishable by more than a year.
  const max = maximumPenaltyRange(conviction, params.statutoryMaximumDaysByOffenseType);
  if (conviction.label !== undefined && params.misdemeanorLabels.includes(conviction.label) && max.low > params.misdemeanorReviewAboveDays) {
    notes.push({ code: 'labelledMisdemeanorPunishableOverOneYear', subject });
  }
  if (conviction.jurisdiction !== undefined && params.foreignJurisdictions.includes(conviction.jurisdiction)) notes.push({ code: 'foreignOffense', subject });
  return notes;
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, params: Params): Derived {
  const birth = birthRange(caseFile);
  const excluded = classifyUnder(convictions, birth, params, true);
  const counted = classifyUnder(convictions, birth, params, false);
  const { reading, offenseTypes } = params.disputedExclusion;
  const value: Value =
    reading === 'excluded' ? excluded : reading === 'counted' ? counted : (Object.fromEntries(KEYS.map((key) => [key, excluded[key] === counted[key] ? excluded[key] : null])) as Value);
  const notes = convictions.flatMap((c, i) => notesFor(c, i, params));
  const undecided = KEYS.filter((key) => excluded[key] !== counted[key]);
  if (reading === 'disputed' && undecided.length) {
    convictions.forEach((c, i) => hasType(c, offenseTypes) !== false && notes.push({ code: 'disputedExclusion', subject: convictionName(c, i) }));
  }
  const unsettled = KEYS.some((key) => value[key] === null);
  const missing = unsettled ? convictions.flatMap((c, i) => openFields(c, i, birth, params)) : [];
  const readingNote = undecided.length ? `; ${undecided.join(', ')} turn${undecided.length === 1 ? 's' : ''} on the disputed exclusion` : '';
  const summary = convictions.map((c, i) => `${convictionName(c, i)}: ${c.label?.replaceAll('_', ' ') ?? 'label unknown'}${c.convictionDate ? `, convicted ${c.convictionDate}` : ''}`).join('; ');
  return derived(value as Record<string, FactValue>, `${convictions.length} conviction(s) by the convicting jurisdiction's label: ${summary || 'none'}${readingNote}`, missing, notes);
}

export const jurisdictionLabelRecord = defineCalculator({
  description:
    "Classifies the record by the convicting jurisdiction's label (S.744-style): hasFelony, threeOrMoreMisdemeanors (convicted on different dates), foreignOffense, unlawfulVoting.",
  params: Params,
  reviewCodes: ['bareLabel', 'excludedOffenseType', 'expungedConviction', 'unsettledMisdemeanorLabel', 'labelledMisdemeanorPunishableOverOneYear', 'foreignOffense', 'disputedExclusion'],
  outputKeys: KEYS,
  compute({ caseFile }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, params));
  },
});

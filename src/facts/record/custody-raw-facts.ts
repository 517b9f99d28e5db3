/**
 * The raw facts of each conviction that the DACA clauses (rules/daca/clauses.json) read, and how
 * convictions group into occasions. Only facts of one judgment are worked out here: whether it is a
 * juvenile adjudication or was expunged, its offense types and whether they and its court match an
 * excluded offense, the maximum penalty (bounded by the sentence), the sentence to custody (less
 * any suspended part, the FAQ's measure), and, across convictions, which ones share a date or an
 * incident. How they combine into a felony, a significant misdemeanor or a count of misdemeanors
 * is the clauses' business.
 */
import { z } from 'zod';
import { Jurisdiction, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { parseDateSpec } from '../../case/dates.js';
import type { Grouping } from '../../law/clause-evaluator.js';
import type { ClauseFileSpec } from '../../law/clause-file.js';
import type { RawFactKind } from '../../law/clause-lint.js';
import { DayCount } from '../params.js';
import { triOr } from '../tri.js';
import { ConvictionSubjects } from './conviction-subjects.js';
import {
  CategoryConclusions,
  JuvenileCourts,
  StatutoryMaxima,
  convictionPath,
  hasType,
  matchesExcludedOffense,
  juvenileAdjudication,
  juvenileAdjudicationQuestions,
  maximumPenaltyRange,
  type DaysRange,
} from './common.js';
import { differentOccasions } from './grouping.js';

const Exclusion = z.strictObject({
  offenseType: OffenseType,
  /** Limits the exclusion to convictions from these courts (e.g. state immigration offenses). */
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
});

export const PenaltyAndCustodyParams = z.strictObject({
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
export type PenaltyAndCustodyParams = z.infer<typeof PenaltyAndCustodyParams>;

/** The record keys of penaltyAndCustodyRecord: each is computed by the clause of the same id. */
export const CUSTODY_RECORD_KEYS = ['hasFelony', 'hasSignificantMisdemeanor', 'threeOrMoreMisdemeanors'] as const;

/** Per conviction: a misdemeanor that is not significant and counts toward the multiple-misdemeanor bar. */
export const OTHER_MISDEMEANOR_CLAUSE = 'countedOtherMisdemeanor';
/** Convictions on the same date or from the same act or scheme count once. */
export const OCCASION = 'occasion';

const CUSTODY_RAW_FACTS = {
  juvenileAdjudication: 'boolean',
  expunged: 'boolean',
  offenseTypes: 'list',
  matchesExcludedOffense: 'boolean',
  maximumPenaltyDays: 'days',
  sentenceToCustodyDays: 'days',
} as const satisfies Record<string, RawFactKind>;
type RawFact = keyof typeof CUSTODY_RAW_FACTS;

export const DACA_CLAUSES: ClauseFileSpec = {
  path: ['daca', 'clauses.json'],
  readBy: 'penaltyAndCustodyRecord (the DACA record)',
  vocabulary: {
    facts: CUSTODY_RAW_FACTS,
    parameters: new Set(Object.keys(PenaltyAndCustodyParams.shape)),
    flags: new Set(['expungedConvictionsCount', 'juvenileAdjudicationsCount', 'enumeratedOverridesExclusions']),
    groupings: new Set([OCCASION]),
    required: {
      ...Object.fromEntries(CUSTODY_RECORD_KEYS.map((key) => [key, 'record' as const])),
      felony: 'conviction',
      misdemeanor: 'conviction',
      significantMisdemeanor: 'conviction',
      countsTowardBars: 'conviction',
      longCustodySentence: 'conviction',
      [OTHER_MISDEMEANOR_CLAUSE]: 'conviction',
    },
    recordKeys: CUSTODY_RECORD_KEYS,
  },
};

/**
 * The days of the sentence to be served in custody: the sentence less any suspended part ("the
 * sentence must involve time to be served in custody, and therefore does not include a suspended
 * sentence"), not the days actually served. A range while the suspended part is not recorded.
 */
function sentenceToCustody(conviction: Conviction): DaysRange {
  const { sentenceImposedDays: imposed, sentenceSuspendedDays: suspended, sentenceToCustodyDays: toCustody } = conviction;
  const days = toCustody ?? (imposed !== undefined && suspended !== undefined ? imposed - suspended : undefined);
  if (days !== undefined) return { low: days, high: days };
  return { low: 0, high: imposed ?? Infinity };
}

/** The convictions of a case as the DACA clauses read them. */
export class CustodyFacts extends ConvictionSubjects {
  readonly facts: Readonly<Record<RawFact, (i: number) => unknown>>;
  readonly groupings: Readonly<Record<string, Grouping>>;

  constructor(
    convictions: readonly Conviction[],
    caseFile: CaseFile,
    readonly params: PenaltyAndCustodyParams,
  ) {
    super(convictions, caseFile);
    const { birth } = this;
    const juvenile = convictions.map((c) => juvenileAdjudication(c, birth, params));
    const maximum = convictions.map((c) => maximumPenaltyRange(c, params.statutoryMaximumDaysByOffenseType));
    const custody = convictions.map(sentenceToCustody);
    this.facts = {
      juvenileAdjudication: (i) => juvenile[i],
      expunged: (i) => convictions[i]!.expunged ?? null,
      offenseTypes: (i) => convictions[i]!.offenseTypes,
      matchesExcludedOffense: (i) => triOr(params.exclusions.map((exclusion) => matchesExcludedOffense(convictions[i]!, exclusion))),
      maximumPenaltyDays: (i) => maximum[i],
      sentenceToCustodyDays: (i) => custody[i],
    };
    const occasions = convictions.map((c) => ({ date: parseDateSpec(c.offenseDate ?? ''), incident: c.incidentId }));
    this.groupings = {
      [OCCASION]: {
        count: (members, bound) => differentOccasions(members.map((i) => occasions[i]!), bound),
        // Whether two of them arose from one act or scheme: their incidents.
        fields: (members) => members.flatMap((i) => (convictions[i]!.incidentId === undefined ? [convictionPath(i, 'incidentId')] : [])),
      },
    };
  }

  fields(fact: string, i: number): readonly string[] {
    const conviction = this.convictions[i]!;
    switch (fact as RawFact) {
      case 'juvenileAdjudication':
        return juvenileAdjudicationQuestions(conviction, i, this.birth, this.params);
      case 'matchesExcludedOffense':
        return [...(conviction.offenseTypes === undefined ? [convictionPath(i, 'offenseTypes')] : []), ...(conviction.jurisdiction === undefined ? [convictionPath(i, 'jurisdiction')] : [])];
      case 'sentenceToCustodyDays':
        return [convictionPath(i, conviction.sentenceImposedDays === undefined ? 'sentenceImposedDays' : 'sentenceSuspendedDays')];
      default:
        return [convictionPath(i, fact as keyof Conviction)];
    }
  }
}

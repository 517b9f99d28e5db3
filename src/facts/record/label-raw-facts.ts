/**
 * The raw facts of each conviction that S.744's RPI clauses (rules/s744-rpi/clauses.json) read, and
 * how convictions group by conviction date. Only facts of one judgment are worked out here: whether
 * it is a juvenile adjudication or was expunged (and on what basis), its label, court and offense
 * types, whether its type and court match an exclusion the pack sets aside from the felony or the
 * misdemeanor count (the listed ones, and the disputed one), and, across convictions, which share a
 * conviction date. How they combine into a felony, three misdemeanors, a foreign offense or unlawful
 * voting, and how the disputed exclusion is read, is the clauses' business.
 */
import { z } from 'zod';
import { ConvictionLabel, Jurisdiction, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import type { Grouping } from '../../law/clause-evaluator.js';
import type { ClauseFileSpec } from '../../law/clause-file.js';
import type { RawFactKind } from '../../law/clause-lint.js';
import { DayCount } from '../params.js';
import { ConvictionSubjects } from './conviction-subjects.js';
import { rangeOf } from '../timeline.js';
import { triOr } from '../tri.js';
import { CategoryConclusions, JuvenileCourts, StatutoryMaxima, convictionPath, hasType, juvenileAdjudication, matchesExcludedOffense, juvenileAdjudicationQuestions } from './common.js';
import { differentDays } from './grouping.js';

const Count = z.enum(['felony', 'misdemeanor']);
type Count = z.infer<typeof Count>;

const Exclusion = z.strictObject({
  offenseType: OffenseType,
  /** Limits the exclusion to convictions from these courts (e.g. state or local status offenses). */
  jurisdictions: z.array(Jurisdiction).min(1).optional(),
  /** The counts the offense is set aside from. */
  from: z.array(Count).min(1),
});

/** How the pack reads the disputed exclusion: it applies, it does not, or the tool takes neither side. */
export const Reading = z.enum(['excluded', 'counted', 'disputed']);
export type Reading = z.infer<typeof Reading>;

export const JurisdictionLabelParams = z.strictObject({
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
export type JurisdictionLabelParams = z.infer<typeof JurisdictionLabelParams>;

/** The record keys of jurisdictionLabelRecord: each is computed by the clause of the same id. */
export const LABEL_RECORD_KEYS = ['hasFelony', 'threeOrMoreMisdemeanors', 'foreignOffense', 'unlawfulVoting'] as const;

/** Convictions entered on one date count once toward the misdemeanor bar. */
const CONVICTION_DATE = 'convictionDate';

/**
 * The yes/no inputs for the pack's reading of the disputed exclusion, which the clauses read as
 * parameters: it applies ("excluded"), or the tool takes neither side ("disputed": an open question).
 */
const READING_FLAGS = { excludes: 'disputedExclusionApplies', disputed: 'disputedExclusionDisputed' } as const;

export function readingFlags(reading: Reading): Record<string, boolean> {
  return { [READING_FLAGS.excludes]: reading === 'excluded', [READING_FLAGS.disputed]: reading === 'disputed' };
}

const LABEL_RAW_FACTS = {
  juvenileAdjudication: 'boolean',
  expunged: 'boolean',
  expungedForLegalDefect: 'boolean',
  label: 'list',
  court: 'list',
  offenseTypes: 'list',
  matchesFelonyExclusion: 'boolean',
  matchesMisdemeanorExclusion: 'boolean',
  matchesDisputedFelonyExclusion: 'boolean',
  matchesDisputedMisdemeanorExclusion: 'boolean',
  crimeInvolvingMoralTurpitude: 'boolean',
  aggravatedFelony: 'boolean',
} as const satisfies Record<string, RawFactKind>;
type RawFact = keyof typeof LABEL_RAW_FACTS;

export const S744_CLAUSES: ClauseFileSpec = {
  path: ['s744-rpi', 'clauses.json'],
  readBy: "jurisdictionLabelRecord (S.744's record by the convicting jurisdiction's label)",
  vocabulary: {
    facts: LABEL_RAW_FACTS,
    parameters: new Set([...Object.keys(JurisdictionLabelParams.shape), ...Object.values(READING_FLAGS)]),
    flags: new Set(Object.values(READING_FLAGS)),
    groupings: new Set([CONVICTION_DATE]),
    required: {
      ...Object.fromEntries(LABEL_RECORD_KEYS.map((key) => [key, 'record' as const])),
      listedExclusion: 'conviction',
      unsettledMisdemeanorLabel: 'conviction',
      disputedExclusion: 'conviction',
    },
    recordKeys: LABEL_RECORD_KEYS,
  },
};

/** A value the clauses read as a list ("label includes any of felonyLabels"); unknown when not recorded. */
const asList = (value: string | undefined): readonly string[] | undefined => (value === undefined ? undefined : [value]);

/** The convictions of a case as the S.744 clauses read them. */
export class LabelFacts extends ConvictionSubjects {
  readonly facts: Readonly<Record<RawFact, (i: number) => unknown>>;
  readonly groupings: Readonly<Record<string, Grouping>>;

  constructor(
    convictions: readonly Conviction[],
    caseFile: CaseFile,
    readonly params: JurisdictionLabelParams,
  ) {
    super(convictions, caseFile);
    const { birth } = this;
    const juvenile = convictions.map((c) => juvenileAdjudication(c, birth, params));
    const listed = (count: Count) => (i: number) => triOr(params.exclusions.filter((e) => e.from.includes(count)).map((e) => matchesExcludedOffense(convictions[i]!, e)));
    const disputed = (count: Count) => (i: number) => (params.disputedExclusion.from.includes(count) ? hasType(convictions[i]!, params.disputedExclusion.offenseTypes) : false);
    this.facts = {
      juvenileAdjudication: (i) => juvenile[i],
      expunged: (i) => convictions[i]!.expunged ?? null,
      expungedForLegalDefect: (i) => (convictions[i]!.expungementBasis === undefined ? null : convictions[i]!.expungementBasis === 'legal_defect'),
      label: (i) => asList(convictions[i]!.label),
      court: (i) => asList(convictions[i]!.jurisdiction),
      offenseTypes: (i) => convictions[i]!.offenseTypes,
      matchesFelonyExclusion: listed('felony'),
      matchesMisdemeanorExclusion: listed('misdemeanor'),
      matchesDisputedFelonyExclusion: disputed('felony'),
      matchesDisputedMisdemeanorExclusion: disputed('misdemeanor'),
      crimeInvolvingMoralTurpitude: (i) => convictions[i]!.crimeInvolvingMoralTurpitude ?? null,
      aggravatedFelony: (i) => convictions[i]!.aggravatedFelony ?? null,
    };
    const dates = convictions.map((c) => rangeOf(c.convictionDate));
    this.groupings = {
      [CONVICTION_DATE]: {
        count: (members, bound) => differentDays(members.map((i) => dates[i]!), bound),
        fields: (members) => members.flatMap((i) => (convictions[i]!.convictionDate === undefined ? [convictionPath(i, 'convictionDate')] : [])),
      },
    };
  }

  fields(fact: string, i: number): readonly string[] {
    const conviction = this.convictions[i]!;
    const path = (field: keyof Conviction) => (conviction[field] === undefined ? [convictionPath(i, field)] : []);
    switch (fact as RawFact) {
      case 'juvenileAdjudication':
        return juvenileAdjudicationQuestions(conviction, i, this.birth, this.params);
      case 'expungedForLegalDefect':
        // The basis is asked of an expungement the case records; whether there was one is asked first.
        return conviction.expunged === true ? path('expungementBasis') : [];
      case 'court':
        return path('jurisdiction');
      case 'matchesFelonyExclusion':
      case 'matchesMisdemeanorExclusion':
        return [...path('offenseTypes'), ...path('jurisdiction')];
      case 'matchesDisputedFelonyExclusion':
      case 'matchesDisputedMisdemeanorExclusion':
        return path('offenseTypes');
      case 'crimeInvolvingMoralTurpitude':
      case 'aggravatedFelony': {
        // An attorney's determination, asked of a conviction known to be foreign; the court is asked first.
        const foreign = conviction.jurisdiction !== undefined && this.params.foreignJurisdictions.includes(conviction.jurisdiction);
        return foreign ? path(fact as keyof Conviction) : [];
      }
      default:
        return path(fact as keyof Conviction);
    }
  }
}

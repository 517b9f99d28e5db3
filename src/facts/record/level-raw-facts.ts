/**
 * The raw facts of each conviction that the Morton offense-level clauses (rules/morton/clauses.json)
 * read: whether the judgment is a conviction under INA 101(a)(48)(A) (a question of its own
 * history), whether it is a juvenile adjudication, the maximum penalty (bounded by the sentence),
 * and whether it is an aggravated felony (the attorney's answer, else the categories of
 * aggravated-felony.ts). How they combine into levels is the clauses' business.
 */
import { z } from 'zod';
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { ClauseFileSpec } from '../../law/clause-file.js';
import type { RawFactKind } from '../../law/clause-lint.js';
import { DayCount } from '../params.js';
import type { Tri } from '../tri.js';
import { ConvictionSubjects } from './conviction-subjects.js';
import {
  CategoryConclusions,
  FirstOffenderExpungement,
  JuvenileCourts,
  StatutoryMaxima,
  convictionPath,
  inaConviction,
  inaConvictionQuestions,
  juvenileAdjudication,
  juvenileAdjudicationQuestions,
  maximumPenaltyRange,
} from './common.js';
import { AggravatedFelonyParams, AggravatedFelonyReading } from './aggravated-felony.js';

export const OffenseLevelParams = z.strictObject({
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
export type OffenseLevelParams = z.infer<typeof OffenseLevelParams>;

/** The keys of offenseLevelRecord's record. */
export const OFFENSE_LEVEL_RECORD_KEYS = ['convicted', 'level', 'convictionCount', 'juvenileAdjudication'] as const;

/** The record keys the clauses compute (offenseLevelRecord's level is assembled from level1-level3). */
const LEVEL_CLAUSE_KEYS = ['convicted', 'juvenileAdjudication', 'level1', 'level2', 'level3'] as const;
/** Per conviction: a conviction under 101(a)(48)(A), counted for convictionCount. */
export const CONVICTION_CLAUSE = 'conviction';

const LEVEL_RAW_FACTS = {
  isConviction: 'boolean',
  juvenileAdjudication: 'boolean',
  maximumPenaltyDays: 'days',
  aggravatedFelony: 'boolean',
} as const satisfies Record<string, RawFactKind>;
type RawFact = keyof typeof LEVEL_RAW_FACTS;

export const MORTON_CLAUSES: ClauseFileSpec = {
  path: ['morton', 'clauses.json'],
  readBy: 'offenseLevelRecord (the Morton offense levels)',
  vocabulary: {
    facts: LEVEL_RAW_FACTS,
    parameters: new Set(Object.keys(OffenseLevelParams.shape)),
    required: {
      ...Object.fromEntries(LEVEL_CLAUSE_KEYS.map((key) => [key, 'record' as const])),
      [CONVICTION_CLAUSE]: 'conviction',
    },
    recordKeys: OFFENSE_LEVEL_RECORD_KEYS,
  },
};

/** The convictions of a case as the Morton clauses read them. */
export class LevelFacts extends ConvictionSubjects {
  readonly facts: Readonly<Record<RawFact, (i: number) => unknown>>;
  private readonly aggravated: { value: Tri; fields: string[] }[] = [];

  constructor(
    convictions: readonly Conviction[],
    caseFile: CaseFile,
    private readonly params: OffenseLevelParams,
  ) {
    super(convictions, caseFile);
    const { birth } = this;
    const asked: string[] = [];
    const reading = new AggravatedFelonyReading(caseFile, params, asked);
    // Read only for the convictions a clause asks about, once each, with the fields that could settle it.
    const aggravatedFelony = (i: number) => {
      let entry = this.aggravated[i];
      if (!entry) {
        const before = asked.length;
        const value = reading.of(convictions[i]!, i);
        entry = this.aggravated[i] = { value, fields: asked.slice(before) };
      }
      return entry.value;
    };
    const maximum = convictions.map((c) => maximumPenaltyRange(c, params.statutoryMaximumDaysByOffenseType));
    const juvenile = convictions.map((c) => juvenileAdjudication(c, birth, params));
    this.facts = {
      isConviction: (i) => inaConviction(convictions[i]!, birth, params, params.firstOffenderExpungement),
      juvenileAdjudication: (i) => juvenile[i],
      maximumPenaltyDays: (i) => maximum[i],
      aggravatedFelony,
    };
  }

  fields(fact: string, i: number): readonly string[] {
    const conviction = this.convictions[i]!;
    switch (fact as RawFact) {
      case 'isConviction':
        return inaConvictionQuestions(conviction, i, this.birth, this.params);
      case 'juvenileAdjudication':
        return juvenileAdjudicationQuestions(conviction, i, this.birth, this.params);
      case 'aggravatedFelony':
        this.facts.aggravatedFelony(i);
        return this.aggravated[i]!.fields;
      default:
        return [convictionPath(i, fact as keyof Conviction)];
    }
  }
}

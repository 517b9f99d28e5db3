/**
 * The parameters of the INA criminal-ground calculators, as the packs pass them from
 * rules/shared-parameters.json (each with its citation there). The clauses of rules/ina read the
 * thresholds and lists by these names; the raw facts read the rest.
 */
import { z } from 'zod';
import { OffenseType } from '../../case/schema.js';
import { DayCount, Years } from '../params.js';
import { CategoryConclusions, FirstOffenderExpungement, JuvenileCourts, StatutoryMaxima } from './common.js';
import { AggravatedFelonyParams } from './aggravated-felony.js';

const OffenseTypes = z.array(OffenseType);

export const InaGroundsParams = z.strictObject({
  pettyOffenseMaximumDays: DayCount,
  pettyOffenseSentenceDays: DayCount,
  juvenileUnderAge: Years,
  juvenileCourts: JuvenileCourts,
  juvenileExceptionYears: Years,
  multipleConvictionsAggregateDays: DayCount,
  prostitutionLookbackYears: Years,
  cimtDeportableWithinYearsOfAdmission: Years,
  cimtDeportableMaximumDays: DayCount,
  controlledSubstanceOffenseTypes: OffenseTypes,
  domesticViolenceOffenseTypes: OffenseTypes,
  firearmOffenseTypes: OffenseTypes,
  prostitutionOffenseTypes: OffenseTypes,
  ...AggravatedFelonyParams,
  firstOffenderExpungement: FirstOffenderExpungement,
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  categoryConclusions: CategoryConclusions,
});
export type InaGroundsParams = z.infer<typeof InaGroundsParams>;

/** inaClassOffenseDuringPeriod's: the period of 101(f)(3) too. */
export const InaClassParams = InaGroundsParams.extend({ periodYears: Years });
export type InaClassParams = z.infer<typeof InaClassParams>;

/** The offense types only clauses read by id need (237(a)(3)(B)(iii): 18 U.S.C. 1546; 237(a)(2)(E)(i): child abuse), as inaRecordClause takes them. */
export const InaRecordClauseLists = z.strictObject({ documentFraudOffenseTypes: OffenseTypes, childAbuseOffenseTypes: OffenseTypes });

/** inaRecordClause's: the clause of the record it reads, with the lists its clauses may name. */
export const InaRecordClauseParams = InaGroundsParams.extend({ clause: z.string().min(1), ...InaRecordClauseLists.shape });
export type InaRecordClauseParams = z.infer<typeof InaRecordClauseParams>;

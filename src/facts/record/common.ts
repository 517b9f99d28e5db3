/**
 * What every classification of a conviction record shares: the record is either a list of raw
 * convictions, or only a quick category label (a conclusion, not a fact), or unknown. A label is
 * read through the pack's own table of what that label settles for that program.
 */
import { z } from 'zod';
import { ConvictionCategory, Jurisdiction, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { derived, type Derived, type FactValue, type ReviewNote } from '../calculator.js';
import { triAnd, triNot, triOr, type Tri } from '../tri.js';
import { ageOn, parseDateSpec, rangeOfField, type DayRange } from '../../case/dates.js';

/** For one category label: the record keys it settles (true/false) or leaves unknown (null). */
export const CategoryConclusions = z.record(ConvictionCategory, z.record(z.string(), z.union([z.boolean(), z.number(), z.null()])));
export type CategoryConclusions = z.infer<typeof CategoryConclusions>;

type RecordSource =
  | { kind: 'convictions'; convictions: Conviction[] }
  | { kind: 'label'; category: ConvictionCategory }
  | { kind: 'unknown' };

function recordSource(caseFile: CaseFile): RecordSource {
  const history = caseFile.criminalHistory;
  if (history?.convictions) return { kind: 'convictions', convictions: history.convictions };
  if (history?.category) return { kind: 'label', category: history.category };
  return { kind: 'unknown' };
}

export function convictionName(conviction: Conviction, index: number): string {
  return conviction.id ?? `conviction #${index + 1}${conviction.statute ? ` (${conviction.statute})` : ''}`;
}

export function convictionPath(index: number, field?: keyof Conviction): string {
  return `criminalHistory.convictions[${index}]${field ? `.${field}` : ''}`;
}

/**
 * Classifies the record: from the raw convictions when they are given, else through the pack's
 * table for the quick category, else as unknown throughout.
 */
export function classifyRecord(
  caseFile: CaseFile,
  keys: readonly string[],
  conclusions: CategoryConclusions,
  fromConvictions: (convictions: Conviction[]) => Derived,
): Derived {
  const source = recordSource(caseFile);
  if (source.kind === 'convictions') return fromConvictions(source.convictions);
  return recordWithoutConvictions(source, keys, conclusions);
}

function recordWithoutConvictions(source: Exclude<RecordSource, { kind: 'convictions' }>, keys: readonly string[], conclusions: CategoryConclusions): Derived {
  if (source.kind === 'unknown') {
    const value = Object.fromEntries(keys.map((key) => [key, null]));
    return derived(value, 'the conviction history is not recorded', ['criminalHistory.convictions']);
  }
  const table = conclusions[source.category];
  const value: Record<string, FactValue> = Object.fromEntries(keys.map((key) => [key, table[key] ?? null]));
  const notes: ReviewNote[] = source.category === 'none' ? [] : [{ code: 'bareLabel', subject: source.category }];
  const unsettled = keys.some((key) => value[key] === null);
  return derived(
    value,
    `only the category "${source.category.replaceAll('_', ' ')}" is recorded, not the convictions themselves`,
    unsettled ? ['criminalHistory.convictions'] : [],
    notes,
  );
}

/** Whether a type is listed for the conviction: unknown when the type list is absent. */
export function hasType(conviction: Conviction, types: readonly string[]): Tri {
  if (!conviction.offenseTypes) return null;
  return conviction.offenseTypes.some((t) => types.includes(t));
}

/** An offense a pack sets aside: its type, and optionally the courts whose convictions for it are set aside. */
export interface ExcludedOffense {
  offenseType: string;
  jurisdictions?: readonly string[];
}

/** Whether the conviction is of the excluded offense (its type, and its court where the exclusion names courts). */
export function matchesExcludedOffense(conviction: Conviction, exclusion: ExcludedOffense): Tri {
  const court: Tri = !exclusion.jurisdictions ? true : conviction.jurisdiction === undefined ? null : exclusion.jurisdictions.includes(conviction.jurisdiction);
  return triAnd([hasType(conviction, [exclusion.offenseType]), court]);
}

/** Count of items surely meeting a test, and of those that might, as an interval. */
export interface CountRange {
  low: number;
  high: number;
}

export function countTri(values: readonly Tri[]): CountRange {
  return { low: values.filter((v) => v === true).length, high: values.filter((v) => v !== false).length };
}

export function atLeast(count: CountRange, threshold: number): Tri {
  if (count.low >= threshold) return true;
  if (count.high < threshold) return false;
  return null;
}

/**
 * What makes a judgment a juvenile adjudication, as every record calculator's parameters give it
 * from the rules: the age of adulthood, and the courts whose judgments are delinquency
 * adjudications (rules/shared-parameters.json, juvenileCourtJurisdictions).
 */
export interface JuvenileLaw {
  juvenileUnderAge: number;
  juvenileCourts: readonly string[];
}

/** The parameter naming the courts whose judgments are delinquency adjudications. */
export const JuvenileCourts = z.array(Jurisdiction).min(1);

const inJuvenileCourt = (conviction: Conviction, law: JuvenileLaw) => conviction.jurisdiction !== undefined && law.juvenileCourts.includes(conviction.jurisdiction);

/**
 * Whether the offense was committed as a juvenile: said outright, or a juvenile court, or worked
 * out from the dates of birth and offense.
 */
export function wasJuvenile(conviction: Conviction, birth: DayRange | undefined, law: JuvenileLaw): Tri {
  if (conviction.juvenile !== undefined) return conviction.juvenile;
  if (inJuvenileCourt(conviction, law)) return true;
  const offense = rangeOfField(conviction.offenseDate);
  if (!birth || !offense) return null;
  const oldest = ageOn(birth.earliest, offense.latest);
  const youngest = ageOn(birth.latest, offense.earliest);
  if (youngest >= law.juvenileUnderAge) return false;
  if (oldest < law.juvenileUnderAge) return true;
  return null;
}

/**
 * Whether the judgment is a juvenile delinquency adjudication, which is no conviction for any
 * program (the rules cite Matter of Devison): entered by a juvenile court (whatever the age: some
 * juvenile courts keep older youths), or for an offense committed as a juvenile by someone not
 * tried as an adult. Open while the court, the age at the offense or the adult trial is.
 */
export function juvenileAdjudication(conviction: Conviction, birth: DayRange | undefined, law: JuvenileLaw): Tri {
  if (inJuvenileCourt(conviction, law)) return true;
  const juvenileCourt: Tri = conviction.jurisdiction === undefined ? null : false;
  return triOr([juvenileCourt, triAnd([wasJuvenile(conviction, birth, law), triNot(conviction.triedAsAdult ?? null)])]);
}

/** The fields whose answers would settle an open juvenile adjudication. */
export function juvenileAdjudicationQuestions(conviction: Conviction, index: number, birth: DayRange | undefined, law: JuvenileLaw): string[] {
  const questions = conviction.jurisdiction === undefined ? [convictionPath(index, 'jurisdiction')] : [];
  const juvenile = wasJuvenile(conviction, birth, law);
  if (juvenile === null) questions.push(convictionPath(index, 'juvenile'));
  else if (juvenile && conviction.triedAsAdult === undefined) questions.push(convictionPath(index, 'triedAsAdult'));
  return questions;
}

/**
 * The Ninth Circuit's first-offender rule: a first simple-possession conviction expunged under a
 * state rehabilitative statute, if entered before a date, is no conviction there
 * (Lujan-Armendariz v. INS, 222 F.3d 728 (9th Cir. 2000), overruled prospectively by
 * Nunez-Reyes v. Holder, 646 F.3d 684 (9th Cir. 2011) (en banc)).
 */
export const FirstOffenderExpungement = z.strictObject({
  offenseTypes: z.array(OffenseType).min(1),
  convictedBefore: z.string().refine((text) => parseDateSpec(text) !== undefined, { error: 'must be a date' }),
});
export type FirstOffenderExpungement = z.infer<typeof FirstOffenderExpungement>;

/**
 * Whether setting the conviction aside ended it under INA 101(a)(48)(A): yes when vacated for a
 * defect in the underlying proceedings; no when set aside for rehabilitation or to avoid
 * immigration hardship (Matter of Pickering, 23 I&N Dec. 621 (BIA 2003); Matter of Roldan, 22 I&N
 * Dec. 512 (BIA 1999)), except that the first-offender rule leaves a rehabilitative expungement open.
 */
function expungementEndsConviction(conviction: Conviction, firstOffender: FirstOffenderExpungement): Tri {
  if (conviction.expunged !== true) return conviction.expunged === false ? false : null;
  if (conviction.expungementBasis === undefined) return null;
  if (conviction.expungementBasis === 'legal_defect') return true;
  return firstOffenderRuleMayApply(conviction, firstOffender) ? null : false;
}

/** A rehabilitative expungement the Ninth Circuit's first-offender rule may reach (the circuit is not recorded). */
export function firstOffenderRuleMayApply(conviction: Conviction, firstOffender: FirstOffenderExpungement): boolean {
  if (conviction.expunged !== true || conviction.expungementBasis === 'legal_defect') return false;
  if (hasType(conviction, firstOffender.offenseTypes) === false) return false;
  const convicted = rangeOfField(conviction.convictionDate);
  return !convicted || convicted.earliest < parseDateSpec(firstOffender.convictedBefore)!.earliest;
}

/** Whether the judgment is a conviction under INA 101(a)(48)(A): not a juvenile adjudication, not ended by being set aside. */
export function inaConviction(conviction: Conviction, birth: DayRange | undefined, law: JuvenileLaw, firstOffender: FirstOffenderExpungement): Tri {
  return triAnd([triNot(juvenileAdjudication(conviction, birth, law)), triNot(expungementEndsConviction(conviction, firstOffender))]);
}

/** The fields whose answers would settle whether the judgment is an INA conviction. */
export function inaConvictionQuestions(conviction: Conviction, index: number, birth: DayRange | undefined, law: JuvenileLaw): string[] {
  const questions = juvenileAdjudicationQuestions(conviction, index, birth, law);
  if (conviction.expunged === undefined) questions.push(convictionPath(index, 'expunged'));
  else if (conviction.expunged && conviction.expungementBasis === undefined) questions.push(convictionPath(index, 'expungementBasis'));
  return questions;
}

/** When the offense was committed: its date, else on or before the conviction. */
export function offenseDays(conviction: Conviction): DayRange | undefined {
  const offense = rangeOfField(conviction.offenseDate);
  if (offense) return offense;
  const convicted = rangeOfField(conviction.convictionDate);
  return convicted ? { earliest: -Infinity, latest: convicted.latest } : undefined;
}

/** Statutory maxima by offense type, for when the case file does not give a conviction's maximum. */
export const StatutoryMaxima = z.partialRecord(OffenseType, z.number().int().min(0));
export type StatutoryMaxima = z.infer<typeof StatutoryMaxima>;

/** The maximum penalty in days: as recorded, else the statute's for a listed offense type. */
export function maximumPenaltyDays(conviction: Conviction, maxima: StatutoryMaxima): number | undefined {
  if (conviction.maximumPenaltyDays !== undefined) return conviction.maximumPenaltyDays;
  const known = (conviction.offenseTypes ?? []).map((type) => maxima[type]).filter((days): days is number => days !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

/** Days, as an interval of what they may be. */
export interface DaysRange {
  low: number;
  high: number;
}

/** Days of the sentence imposed, suspended part included (INA 101(a)(48)(B)), as an interval. */
export function sentenceImposedRange(conviction: Conviction): DaysRange {
  const { sentenceImposedDays: imposed, sentenceSuspendedDays: suspended, sentenceToCustodyDays: toCustody } = conviction;
  if (imposed !== undefined) return { low: imposed, high: imposed };
  if (toCustody !== undefined && suspended !== undefined) return { low: toCustody + suspended, high: toCustody + suspended };
  return { low: toCustody ?? suspended ?? 0, high: Infinity };
}

/**
 * The maximum penalty in days, as an interval: the recorded or statutory maximum when known; else
 * at least the sentence imposed, since no court imposes more than the maximum (a sentence of more
 * than a year proves an offense punishable by more than a year).
 */
export function maximumPenaltyRange(conviction: Conviction, maxima: StatutoryMaxima): DaysRange {
  const known = maximumPenaltyDays(conviction, maxima);
  if (known !== undefined) return { low: known, high: known };
  return { low: sentenceImposedRange(conviction).low, high: Infinity };
}

/** For a threshold test (monotone in the days): whether every value the interval may hold passes, none does, or it depends. */
export function rangeTest(range: DaysRange, test: (days: number) => boolean): Tri {
  const low = test(range.low);
  const high = test(range.high);
  return low === high ? low : null;
}

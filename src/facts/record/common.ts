/**
 * What every classification of a conviction record shares: the record is either a list of raw
 * convictions, or only a quick category label (a conclusion, not a fact), or unknown. A label is
 * read through the pack's own table of what that label settles for that program.
 */
import { z } from 'zod';
import { ConvictionCategory, OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { derived, type Derived, type FactValue, type ReviewNote } from '../derived.js';
import type { Tri } from '../tri.js';
import { ageOn, parseDateSpec, type DayRange } from '../../case/dates.js';

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
 * Whether the offense was committed as a juvenile: said outright, or a juvenile court, or worked
 * out from the dates of birth and offense; the age of adulthood is the pack's parameter.
 */
export function wasJuvenile(conviction: Conviction, birth: DayRange | undefined, adultAge: number): Tri {
  if (conviction.juvenile !== undefined) return conviction.juvenile;
  if (conviction.jurisdiction === 'juvenile_court') return true;
  const offense = conviction.offenseDate ? parseDateSpec(conviction.offenseDate) : undefined;
  if (!birth || !offense) return null;
  const oldest = ageOn(birth.earliest, offense.latest);
  const youngest = ageOn(birth.latest, offense.earliest);
  if (youngest >= adultAge) return false;
  if (oldest < adultAge) return true;
  return null;
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

/**
 * The contract between the case file and the rule packs: a calculator turns raw case facts into one
 * named derived fact, using parameters (cutoff dates, thresholds, offense lists) that the rule pack
 * supplies with their citations. Calculators hold no program numbers of their own.
 */
import type { z } from 'zod';
import type { CaseFile } from '../case/schema.js';
import type { EpochDay } from '../case/dates.js';
import type { FieldKind } from '../case/fields.js';
import type { ClauseExplanation } from '../law/clause-evaluator.js';

/** A value a rule can test: three-valued booleans, numbers, strings, or a record of them. */
export type FactValue = boolean | number | string | null | { [key: string]: FactValue };

/** A point the calculator could not settle by itself; the rule pack supplies the words and citation. */
export interface ReviewNote {
  code: string;
  subject?: string;
  /** The record keys the point concerns: a pack whose rules read none of them does not raise it. */
  keys?: readonly string[];
}

export interface Derived {
  value: FactValue;
  /** Case-file fields (dotted paths) whose absence left the value, or part of it, unknown. */
  missing: string[];
  notes: ReviewNote[];
  /** How the value was reached, in plain words, for the report's "why". */
  detail: string;
  /** For a fact computed by cited clauses (rules/ina): each clause's value, built only when a report shows it. */
  clauses?: () => ClauseExplanation;
}

export interface DeriveContext {
  caseFile: CaseFile;
  screeningDay: EpochDay;
}

export interface Calculator<P extends z.ZodType = z.ZodType> {
  description: string;
  params: P;
  /** Review codes this calculator may raise; a pack that uses it must word each of them. */
  reviewCodes: readonly string[];
  /** Names of the keys of a record-valued result, for checking rule paths at load time. */
  outputKeys?: readonly string[];
  /** Parameters that name a case-file field, with the kinds of field each accepts (checked at load time). */
  caseFields?: Readonly<Record<string, readonly FieldKind[]>>;
  compute(context: DeriveContext, params: z.infer<P>): Derived;
}

export function defineCalculator<P extends z.ZodType>(calculator: Calculator<P>): Calculator<P> {
  return calculator;
}

export function derived(value: FactValue, detail: string, missing: string[] = [], notes: ReviewNote[] = []): Derived {
  return { value, detail, missing, notes };
}

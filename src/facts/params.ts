/** Parameter shapes that several calculators share. */
import { z } from 'zod';
import { ExactDate } from '../case/schema.js';
import { parseExactDate, type EpochDay } from '../case/dates.js';
import type { DeriveContext } from './derived.js';

/** A date parameter: a fixed calendar date from the law, or "screening" for the screening date. */
export const DateParam = z.union([z.literal('screening'), ExactDate]);
export type DateParam = z.infer<typeof DateParam>;

export function resolveDay(param: DateParam, context: DeriveContext): EpochDay {
  return param === 'screening' ? context.screeningDay : parseExactDate(param);
}

export function describeDay(param: DateParam): string {
  return param === 'screening' ? 'the screening date' : param;
}

export const Years = z.number().int().min(0).max(150);
export const DayCount = z.number().int().min(0);

/** Parameter shapes that several calculators share. */
import { z } from 'zod';
import { ExactDate } from '../case/schema.js';
import { parseExactDate, type EpochDay } from '../case/dates.js';
import type { DeriveContext } from './calculator.js';

/** A date parameter: a fixed calendar date from the law, or "screening" for the screening date. */
export const DateParam = z.union([z.literal('screening'), ExactDate]);
export type DateParam = z.infer<typeof DateParam>;

/** The packs' fixed dates, each parsed once rather than for every case. */
const fixedDays = new Map<string, EpochDay>();

export function resolveDay(param: DateParam, context: DeriveContext): EpochDay {
  if (param === 'screening') return context.screeningDay;
  let day = fixedDays.get(param);
  if (day === undefined) {
    day = parseExactDate(param);
    fixedDays.set(param, day);
  }
  return day;
}

export function describeDay(param: DateParam): string {
  return param === 'screening' ? 'the screening date' : param;
}

export const Years = z.number().int().min(0).max(150);

/** A parameter naming a case-file field by its dotted path (removal.inProceedings). */
export const FieldPath = z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, { error: 'must be a dotted field path such as removal.inProceedings' });
export const DayCount = z.number().int().min(0);

/**
 * A date within a number of months before the screening date, for a period the law counts in
 * months (a certification "signed within the six months immediately preceding" a filing). The months
 * are added to the date, clamping to the end of a shorter month (Aug. 31 + 6 months = Feb. 28, or 29
 * in a leap year). No source read fixes whether the anniversary day itself is still within, so a
 * screening date on it is left open for an attorney (anniversaryDay), never guessed.
 */
import { z } from 'zod';
import { addMonthsClamped, parseDateSpec, toIsoDate } from '../case/dates.js';
import { readPath } from '../case/fields.js';
import { defineCalculator, derived } from './calculator.js';
import { FieldPath } from './params.js';

export const dateWithinMonthsBefore = defineCalculator({
  description:
    'A date in the case file falls within a number of months before the screening date: the screening date comes before the date plus that many months (clamped to the end of a shorter month). On that anniversary day itself the answer is left open (anniversaryDay): no source fixes how the last day counts.',
  params: z.strictObject({ path: FieldPath, months: z.number().int().min(1).max(1200) }),
  reviewCodes: ['anniversaryDay'],
  caseFields: { path: ['value'] },
  compute({ caseFile, screeningDay }, params) {
    const text = readPath(caseFile, params.path);
    const day = typeof text === 'string' ? parseDateSpec(text) : undefined;
    if (!day) return derived(null, `${params.path} is not recorded`, [params.path]);
    const first = addMonthsClamped(day.earliest, params.months);
    const last = addMonthsClamped(day.latest, params.months);
    const said = `${params.path} = ${String(text)}; ${params.months} months later: ${first === last ? toIsoDate(first) : `${toIsoDate(first)} to ${toIsoDate(last)}`}`;
    if (screeningDay < first) return derived(true, said);
    if (screeningDay > last) return derived(false, said);
    // An exact date whose anniversary is the screening date: a point of law, not a missing fact.
    if (first === last) return derived(null, `${said}, the screening date itself`, [], [{ code: 'anniversaryDay', subject: `${params.path} = ${String(text)}` }]);
    return derived(null, said, [params.path]);
  },
});

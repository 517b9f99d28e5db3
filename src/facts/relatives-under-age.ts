/**
 * Whether the client has a sibling, or a child, under an age on a date, optionally unmarried: the
 * family members the law lets a petitioner bring along ("unmarried siblings under 18 years of age
 * on the date on which such alien applied"; a child, unmarried and under 21, INA 101(b)(1)).
 */
import { z } from 'zod';
import { toIsoDate } from '../case/dates.js';
import { defineCalculator, derived } from './calculator.js';
import { DateParam, Years, describeDay, resolveDay } from './params.js';
import { relativeUnder, type RelativeAge } from './person.js';
import { triAnd, triOr, type Tri } from './tri.js';

const LISTS = ['family.siblings', 'family.children'] as const;

interface Relative extends RelativeAge {
  married?: boolean | undefined;
}

export const relativeUnderAgeOn = defineCalculator({
  description:
    'Some sibling or child listed (`relatives`) is under a number of years on a date (by the date of birth, a range when partial; for a child with none, by the age told), and, with `unmarriedOnly`, not married. False for an empty list.',
  params: z.strictObject({ relatives: z.enum(LISTS), years: Years, date: DateParam, unmarriedOnly: z.boolean() }),
  reviewCodes: [],
  compute(context, params) {
    const family = context.caseFile.family;
    const list: readonly Relative[] | undefined = params.relatives === 'family.siblings' ? family?.siblings : family?.children;
    if (!list) return derived(null, `${params.relatives} is not recorded`, [params.relatives]);
    const day = resolveDay(params.date, context);
    const missing: string[] = [];
    const verdicts = list.map((relative, i): Tri => {
      const under = relativeUnder(relative, day, params.years);
      if (under === null) missing.push(`${params.relatives}[${i}].dateOfBirth`);
      const unmarried: Tri = !params.unmarriedOnly ? true : relative.married === undefined ? null : !relative.married;
      if (unmarried === null) missing.push(`${params.relatives}[${i}].married`);
      return triAnd([under, unmarried]);
    });
    const value = triOr(verdicts);
    const who = params.unmarriedOnly ? 'unmarried and ' : '';
    return derived(value, `${list.length} listed in ${params.relatives}; ${who}under ${params.years} on ${describeDay(params.date)} (${toIsoDate(day)})`, value === null ? missing : []);
  },
});

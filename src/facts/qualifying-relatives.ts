/**
 * The relatives through whom a program counts hardship: a spouse, a parent, or a "child" as INA
 * 101(b)(1) defines it (unmarried and under an age), each holding one of the given statuses. The
 * child's age is taken on the screening date, standing in for the day the decision is made (a child
 * who has turned the age by then no longer counts: Matter of Isidro-Zamorano, 25 I&N Dec. 829 (BIA
 * 2012)). The detail names each relative found, for the attorney who assesses the hardship.
 */
import { z } from 'zod';
import { RelativeStatus } from '../case/schema.js';
import { defineCalculator, derived } from './calculator.js';
import { spouseHasStatus } from './family.js';
import { Years } from './params.js';
import { relativeUnder } from './person.js';
import { triAnd, triOr, type Tri } from './tri.js';

const words = (status: string) => status.replaceAll('_', ' ');

export const qualifyingRelatives = defineCalculator({
  description:
    "Has a spouse, a parent, or an unmarried child under an age on the screening date (optionally a number of days after it), holding one of the given statuses; the detail lists those found.",
  /** `childAgeDaysLater`: the child's age taken that many days after the screening date (a decision that may come later). */
  params: z.strictObject({ statuses: z.array(RelativeStatus).min(1), childUnderAge: Years, childAgeDaysLater: z.number().int().min(0).optional() }),
  reviewCodes: [],
  compute({ caseFile, screeningDay }, params) {
    const family = caseFile.family;
    const found: string[] = [];
    const missing: string[] = [];
    const holds = (status: string | undefined): Tri => (status === undefined ? null : params.statuses.includes(status as never));

    const spouse = spouseHasStatus(caseFile, params.statuses);
    if (spouse.value) found.push(`spouse (${words(family!.spouse!.status!)})`);
    missing.push(...spouse.missing);

    const parents = family?.parentStatuses;
    if (!parents) missing.push('family.parentStatuses');
    parents?.forEach((status) => holds(status) && found.push(`parent (${words(status)})`));
    const parent = parents ? triOr(parents.map(holds)) : null;

    const children = family?.children;
    if (!children) missing.push('family.children');
    const verdicts = (children ?? []).map((child, i): Tri => {
      const status = holds(child.status);
      const unmarried: Tri = child.married === undefined ? null : !child.married;
      const young = relativeUnder(child, screeningDay + (params.childAgeDaysLater ?? 0), params.childUnderAge);
      const value = triAnd([status, unmarried, young]);
      if (value) found.push(`child${child.dateOfBirth ? ` born ${child.dateOfBirth}` : ''} (${words(child.status!)})`);
      if (value === null) {
        if (status === null) missing.push(`family.children[${i}].status`);
        if (unmarried === null) missing.push(`family.children[${i}].married`);
        if (young === null) missing.push(`family.children[${i}].dateOfBirth`);
      }
      return value;
    });
    const child = children ? triOr(verdicts) : null;

    const value = triOr([spouse.value, parent, child]);
    const detail = found.length ? `qualifying relatives: ${found.join('; ')}` : value === false ? 'no qualifying relative' : 'no qualifying relative known yet';
    return derived(value, detail, value === null ? [...new Set(missing)] : []);
  },
});

/**
 * Facts about the person and the family: age on a date, age at first entry, raw case fields, and
 * relatives with a given status. A date of birth may be partial, so ages are ranges.
 */
import { z } from 'zod';
import { ageOn, anniversary, parseDateSpec, rangeOfField, toIsoDate, type DayRange } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { RelativeStatus } from '../case/schema.js';
import { defineCalculator, derived, type FactValue } from './calculator.js';
import { readPath } from '../case/fields.js';
import { DateParam, FieldPath, Years, describeDay, resolveDay } from './params.js';
import { onOrAfter, triOr, triRange, type Tri } from './tri.js';
import { spouseHasStatus } from './family.js';

/** Range of completed years of age on a day, for a birth date known to lie in `birth`. */
function ageRange(birth: DayRange, day: number): { low: number; high: number } {
  return { low: ageOn(birth.latest, day), high: ageOn(birth.earliest, day) };
}

export function birthRange(caseFile: CaseFile): DayRange | undefined {
  return rangeOfField(caseFile.person?.dateOfBirth);
}

function describeAge(low: number, high: number): string {
  return low === high ? `${low}` : `${low} to ${high}`;
}


export const ageBelowOn = defineCalculator({
  description: "Younger than a number of years on a date: the client, or whoever's date of birth `birthDate` names (e.g. the abuser's).",
  params: z.strictObject({ date: DateParam, years: Years, birthDate: FieldPath.default('person.dateOfBirth') }),
  reviewCodes: [],
  caseFields: { birthDate: ['value'] },
  compute(context, params) {
    const text = readPath(context.caseFile, params.birthDate);
    const birth = typeof text === 'string' ? parseDateSpec(text) : undefined;
    if (!birth) return derived(null, `${params.birthDate} is not recorded`, [params.birthDate]);
    const { low, high } = ageRange(birth, resolveDay(params.date, context));
    const value = triRange(high < params.years, low < params.years);
    return derived(value, `born ${String(text)}: ${describeAge(low, high)} on ${describeDay(params.date)}`, value === null ? [params.birthDate] : []);
  },
});

export const dateWithinYearsBefore = defineCalculator({
  description: 'A date in the case file falls within a number of years before the screening date (on or after the day that many years earlier).',
  params: z.strictObject({ path: FieldPath, years: Years }),
  reviewCodes: [],
  caseFields: { path: ['value'] },
  compute({ caseFile, screeningDay }, params) {
    const text = readPath(caseFile, params.path);
    const day = typeof text === 'string' ? parseDateSpec(text) : undefined;
    if (!day) return derived(null, `${params.path} is not recorded`, [params.path]);
    const start = anniversary(screeningDay, -params.years);
    const value = onOrAfter(day, start);
    return derived(value, `${params.path} = ${String(text)}; ${params.years} years before the screening date is ${toIsoDate(start)}`, value === null ? [params.path] : []);
  },
});

/** The client's age at the first entry, as a range: unbounded above when no entry can be aged. */
function firstEntryAge(caseFile: CaseFile, entries: NonNullable<CaseFile['entries']>): { low: number; high: number } {
  const birth = birthRange(caseFile);
  const ages = entries.map((entry) => {
    // A reported age is taken as said; dates give a range when no age was reported.
    if (entry.ageAtEntry !== undefined) return { low: entry.ageAtEntry, high: entry.ageAtEntry };
    const date = rangeOfField(entry.date);
    if (birth && date) return { low: ageOn(birth.latest, date.earliest), high: ageOn(birth.earliest, date.latest) };
    return { low: 0, high: Infinity };
  });
  // The first entry is whichever happened youngest; its age lies between the smallest bounds.
  return { low: Math.min(...ages.map((a) => a.low)), high: Math.min(...ages.map((a) => a.high)) };
}

function firstEntryBefore(caseFile: CaseFile, years: number) {
  const entries = caseFile.entries;
  if (!entries || entries.length === 0) return { value: null, high: Infinity, detail: 'the entries are not recorded', missing: ['entries'] };
  const { low, high } = firstEntryAge(caseFile, entries);
  const value = triRange(high < years, low < years);
  const missing = value === null ? (birthRange(caseFile) ? ['entries'] : ['person.dateOfBirth', 'entries']) : [];
  return { value, high, detail: Number.isFinite(high) ? `age at first entry: ${describeAge(low, high)}` : 'age at first entry unknown', missing };
}

export const firstEntryBeforeAge = defineCalculator({
  description: 'First came to the United States before reaching an age (before that birthday).',
  params: z.strictObject({ years: Years }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const { value, detail, missing } = firstEntryBefore(caseFile, params.years);
    return derived(value, detail, missing);
  },
});

export const firstEntryBeforeAgeJudgedFrom = defineCalculator({
  description:
    'First came to the United States before reaching an age, where the law sets no age for the weight it gives: a first entry before the age but possibly on or after `judgementFromAge` (a teenager, where the memo weighs entry as a young child) raises teenageArrival for review.',
  params: z.strictObject({ years: Years, judgementFromAge: Years }),
  reviewCodes: ['teenageArrival'],
  compute({ caseFile }, params) {
    const { value, high, detail, missing } = firstEntryBefore(caseFile, params.years);
    // Near the line only when the arrival is known to fall before the age: an unknown age is a question for the client.
    const notes = value === true && high >= params.judgementFromAge ? [{ code: 'teenageArrival' }] : [];
    return derived(value, detail, missing, notes);
  },
});

export const caseField = defineCalculator({
  description: 'A yes/no, number or text field of the case file as given (unknown when absent).',
  params: z.strictObject({ path: FieldPath }),
  reviewCodes: [],
  caseFields: { path: ['value'] },
  compute({ caseFile }, params) {
    const value = readPath(caseFile, params.path);
    if (value === undefined) return derived(null, `${params.path} is not recorded`, [params.path]);
    return derived(value as FactValue, `${params.path} = ${String(value)}`);
  },
});

export const ageBelowAtEvent = defineCalculator({
  description:
    'Younger than a number of years when an event happened: by the age recorded for the event, else by the date of birth and the event\'s date (both may be partial, so the age is a range). The client, or whoever\'s date of birth `birthDate` names (e.g. the direct victim\'s).',
  params: z.strictObject({ eventDate: FieldPath, ageAtEvent: FieldPath, years: Years, birthDate: FieldPath.default('person.dateOfBirth') }),
  reviewCodes: [],
  caseFields: { eventDate: ['value'], ageAtEvent: ['value'], birthDate: ['value'] },
  compute({ caseFile }, params) {
    // A reported age is taken as said, as for the age at entry.
    const told = readPath(caseFile, params.ageAtEvent);
    if (typeof told === 'number') return derived(told < params.years, `${params.ageAtEvent} = ${told}`);
    const birthText = readPath(caseFile, params.birthDate);
    const birth = typeof birthText === 'string' ? parseDateSpec(birthText) : undefined;
    const dateText = readPath(caseFile, params.eventDate);
    const event = typeof dateText === 'string' ? parseDateSpec(dateText) : undefined;
    const missing = [...(birth ? [] : [params.birthDate]), ...(event ? [] : [params.eventDate]), params.ageAtEvent];
    if (!birth || !event) return derived(null, `neither ${params.ageAtEvent} nor the dates of birth and of the event are recorded`, missing);
    const low = ageOn(birth.latest, event.earliest);
    const high = ageOn(birth.earliest, event.latest);
    const value = triRange(high < params.years, low < params.years);
    return derived(value, `born ${String(birthText)}, event ${dateText}: ${describeAge(low, high)} then`, value === null ? [params.birthDate, params.eventDate, params.ageAtEvent] : []);
  },
});

export const fieldIsOneOf = defineCalculator({
  description:
    'A field of the case file holds one of the listed values (for a list field, contains one). Values listed in reviewIf are accepted but marked for attorney review.',
  params: z.strictObject({ path: FieldPath, values: z.array(z.string()).min(1), reviewIf: z.array(z.string()).optional() }),
  reviewCodes: ['valueNeedsReview'],
  caseFields: { path: ['value', 'list'] },
  compute({ caseFile }, params) {
    const value = readPath(caseFile, params.path);
    if (value === undefined) return derived(null, `${params.path} is not recorded`, [params.path]);
    const present = (Array.isArray(value) ? value : [value]).map(String);
    const hit = present.some((v) => params.values.includes(v));
    const notes = present.filter((v) => params.reviewIf?.includes(v)).map((v) => ({ code: 'valueNeedsReview', subject: `${params.path} = ${v}` }));
    return derived(hit, `${params.path} = ${Array.isArray(value) ? `[${present.join(', ')}]` : String(value)}`, [], notes);
  },
});

export const inSchool = defineCalculator({
  description:
    'person.education says the client is in school. Marked for review: what counts as "in school" is not verified, and the highest grade completed, when recorded, shows the attorney what kind of program it is likely to be.',
  params: z.strictObject({}),
  reviewCodes: ['valueNeedsReview'],
  compute({ caseFile }) {
    const education = caseFile.person?.education;
    if (education === undefined) return derived(null, 'person.education is not recorded', ['person.education']);
    if (education !== 'in_school') return derived(false, `person.education = ${education}`);
    const grade = caseFile.person?.highestGradeCompleted;
    const said = `person.education = in_school (${grade === undefined ? 'highest grade completed not recorded' : `highest grade completed: ${grade}`})`;
    return derived(true, said, [], [{ code: 'valueNeedsReview', subject: said }]);
  },
});

export const listHasItems = defineCalculator({
  description: 'A list in the case file has at least one item (unknown when the list is absent).',
  params: z.strictObject({ path: FieldPath }),
  reviewCodes: [],
  caseFields: { path: ['list'] },
  compute({ caseFile }, params) {
    const value = readPath(caseFile, params.path) as unknown[] | undefined;
    if (value === undefined) return derived(null, `${params.path} is not recorded`, [params.path]);
    return derived(value.length > 0, `${params.path}: ${value.length} item(s)`);
  },
});

const RELATIVE_KINDS = ['spouse', 'child', 'parent'] as const;

export const relativeWithStatus = defineCalculator({
  description: 'Has a spouse, child or parent (as listed) holding one of the given statuses.',
  params: z.strictObject({ relatives: z.array(z.enum(RELATIVE_KINDS)).min(1), statuses: z.array(RelativeStatus).min(1) }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const family = caseFile.family;
    const verdicts: Tri[] = [];
    const missing: string[] = [];
    const test = (status: string | undefined): Tri => (status === undefined ? null : params.statuses.includes(status as never));
    if (params.relatives.includes('spouse')) {
      // No spouse now (never married, divorced, widowed) settles the spouse's part.
      const spouse = spouseHasStatus(caseFile, params.statuses);
      verdicts.push(spouse.value);
      missing.push(...spouse.missing);
    }
    if (params.relatives.includes('child')) {
      const children = family?.children;
      if (!children) missing.push('family.children');
      verdicts.push(children ? triOr(children.map((c) => test(c.status))) : null);
    }
    if (params.relatives.includes('parent')) {
      const parents = family?.parentStatuses;
      if (!parents) missing.push('family.parentStatuses');
      verdicts.push(parents ? triOr(parents.map((s) => test(s))) : null);
    }
    const value = triOr(verdicts);
    return derived(value, `relatives checked: ${params.relatives.join(', ')}`, value === null ? missing : []);
  },
});

/** A relative (a child, a sibling) as the family section records one's age: a date of birth, or, for a child, the age told. */
export interface RelativeAge {
  dateOfBirth?: string | undefined;
  age?: number | undefined;
}

/** A relative is under an age on a day: by the date of birth (a range when partial), else by the age told for the screening date. */
export function relativeUnder(child: RelativeAge, day: number, years: number): Tri {
  const birth = rangeOfField(child.dateOfBirth);
  if (birth) {
    const { low, high } = ageRange(birth, day);
    return triRange(high < years, low < years);
  }
  return child.age === undefined ? null : child.age < years;
}

export const primaryCaretakerOfMinorChild = defineCalculator({
  description: "Is the primary caretaker of a child under an age on the screening date (by the child's date of birth, else the child's age as told).",
  params: z.strictObject({ underAge: Years }),
  reviewCodes: [],
  compute({ caseFile, screeningDay }, params) {
    const children = caseFile.family?.children;
    if (!children) return derived(null, 'the children are not recorded', ['family.children']);
    const missing: string[] = [];
    const verdicts = children.map((child, i): Tri => {
      const minor = relativeUnder(child, screeningDay, params.underAge);
      if (minor === null && !child.dateOfBirth) missing.push(`family.children[${i}].dateOfBirth`, `family.children[${i}].age`);
      const caretaker = child.clientIsPrimaryCaretaker ?? null;
      if (caretaker === null) missing.push(`family.children[${i}].clientIsPrimaryCaretaker`);
      return minor === false || caretaker === false ? false : minor === true && caretaker === true ? true : null;
    });
    const value = triOr(verdicts);
    return derived(value, `${children.length} child(ren) on ${toIsoDate(screeningDay)}`, value === null ? missing : []);
  },
});

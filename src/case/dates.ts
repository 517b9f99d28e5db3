/**
 * Dates in a case file. Clients often know only a year or a month ("deported in 1999"), so a
 * date may be written YYYY, YYYY-MM or YYYY-MM-DD; each is read as the range of days it could be.
 * Days are counted as whole UTC days since 1970-01-01 so comparisons never depend on a time zone.
 */

export type EpochDay = number;

/** The days a written date could stand for, inclusive at both ends. */
export interface DayRange {
  earliest: EpochDay;
  latest: EpochDay;
}

const SINGLE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** One date, or an ISO 8601 interval of two ("1973-03/1974-03") when only a span is known. */
export const DATE_SPEC_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/;
export const EXACT_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const MS_PER_DAY = 86_400_000;

/**
 * The day of a year, month (1-12) and day of month, counted from 1970-01-01 in the proleptic
 * Gregorian calendar as Date counts (H. Hinnant's days_from_civil). Worked out arithmetically
 * rather than through a Date: screening works out many dates per case. Dates within Date's range
 * (years -271,821 to 275,760) come out as Date gives them.
 */
function daysFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * The day of a date given as Date's setUTCFullYear takes it (which, unlike Date.UTC, does not read
 * years 0-99 as 1900-1999), rolling over as it does: month index 12 is January of the next year,
 * day 0 the last day of the month before.
 */
function utcDay(year: number, monthIndex: number, day: number): EpochDay {
  const yearsCarried = Math.floor(monthIndex / 12);
  return daysFromCivil(year + yearsCarried, monthIndex - yearsCarried * 12 + 1, 1) + day - 1;
}

/** The year, month (1-12) and day of month of a day: H. Hinnant's civil_from_days, daysFromCivil undone. */
function civilFromDays(day: EpochDay): { year: number; month: number; dayOfMonth: number } {
  const shifted = day + 719_468; // days since 0000-03-01, so leap days fall at the end of a year
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

/**
 * Parses YYYY, YYYY-MM, YYYY-MM-DD, or START/END made of two of those; returns undefined for
 * anything else, an impossible date, or an interval that ends before it starts.
 */
export function parseDateSpec(text: string): DayRange | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return parseSingleDate(text);
  // Two dates at most: START/END.
  if (text.indexOf('/', slash + 1) >= 0) return undefined;
  const first = parseSingleDate(text.slice(0, slash));
  if (!first) return first;
  const last = parseSingleDate(text.slice(slash + 1));
  if (!last || last.latest < first.earliest) return undefined;
  return { earliest: first.earliest, latest: last.latest };
}

function parseSingleDate(text: string): DayRange | undefined {
  const match = SINGLE_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { earliest: utcDay(year, 0, 1), latest: utcDay(year, 11, 31) };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { earliest: utcDay(year, month - 1, 1), latest: utcDay(year, month, 0) };
  const day = Number(match[3]);
  const exact = utcDay(year, month - 1, day);
  if (toIsoDate(exact) !== text) return undefined; // rejects 2023-02-30 and the like
  return { earliest: exact, latest: exact };
}

/** Parses a date that must be exact (a statutory cutoff, a screening date). */
export function parseExactDate(text: string): EpochDay {
  const range = EXACT_DATE_PATTERN.test(text) ? parseDateSpec(text) : undefined;
  if (!range) throw new Error(`"${text}" is not a calendar date written YYYY-MM-DD`);
  return range.earliest;
}

/**
 * The calendar date of a day, YYYY-MM-DD. Computed arithmetically rather than through Date:
 * screening formats thousands of dates per case.
 */
export function toIsoDate(day: EpochDay): string {
  const { year, month, dayOfMonth } = civilFromDays(day);
  if (year < 0 || year > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

export function todayEpochDay(now: Date = new Date()): EpochDay {
  return utcDay(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/**
 * The day a person born on `birth` reaches `years` of age. Someone born on February 29 is taken
 * to reach it on March 1 in a common year (JavaScript's date roll-over does exactly that).
 */
export function anniversary(birth: EpochDay, years: number): EpochDay {
  const { year, month, dayOfMonth } = civilFromDays(birth);
  return utcDay(year + years, month - 1, dayOfMonth);
}

/**
 * The day `months` calendar months after `day`, on the same day of the month or the last day of a
 * shorter month (Aug. 31 + 6 months = Feb. 28, or 29 in a leap year).
 */
export function addMonthsClamped(day: EpochDay, months: number): EpochDay {
  const { year, month, dayOfMonth } = civilFromDays(day);
  const monthIndex = month - 1 + months;
  const daysInTargetMonth = utcDay(year, monthIndex + 1, 0) - utcDay(year, monthIndex, 1) + 1;
  return utcDay(year, monthIndex, Math.min(dayOfMonth, daysInTargetMonth));
}

/** Completed years of age on `day` for someone born on `birth`. */
export function ageOn(birth: EpochDay, day: EpochDay): number {
  let age = civilFromDays(day).year - civilFromDays(birth).year;
  if (anniversary(birth, age) > day) age -= 1;
  return age;
}

/** A date field that may be absent: its range of days, or undefined. */
export function rangeOfField(text: string | undefined): DayRange | undefined {
  return text ? parseDateSpec(text) : undefined;
}

/**
 * The lines the rule packs draw, collected once when the packs are loaded, from the parameters as
 * the calculators receive them (each declared fact's params, with the packs' and the shared
 * parameters already substituted): nothing here lists a number of the law, so a threshold added
 * or changed in rules/ is split at without a code change.
 *
 * A number's unit is read from the name it is given (the parameter's or the calculator's), which
 * the house rules make say the concept: a name with "Days" holds a count of days (maximum penalty,
 * sentence, custody, absences), one with "Age" or "Years" a number of years (ages, periods). Every
 * fixed date is a cutoff for date spans, and every number of years gives the anniversaries of the
 * screening date and of the case's own exact dates that a calculator may compare with.
 */
import { EXACT_DATE_PATTERN, parseExactDate, type EpochDay } from '../case/dates.js';
import type { RulePacks } from '../packs/load.js';

export interface Thresholds {
  /** Counts of days any calculator compares with (sorted, distinct). */
  days: readonly number[];
  /** Numbers of years (ages, periods), sorted, distinct. */
  years: readonly number[];
  /** Every other number (counts), for a numeric field whose name says no unit. */
  other: readonly number[];
  /** The packs' fixed dates, as days. */
  dates: readonly EpochDay[];
}

const DAYS = /days/i;
const YEARS = /age|years/i;

function collect(value: unknown, name: string, into: { days: Set<number>; years: Set<number>; other: Set<number>; dates: Set<EpochDay> }): void {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    (DAYS.test(name) ? into.days : YEARS.test(name) ? into.years : into.other).add(value);
  } else if (typeof value === 'string' && EXACT_DATE_PATTERN.test(value)) {
    into.dates.add(parseExactDate(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, name, into);
  } else if (value !== null && typeof value === 'object') {
    // A key that says a unit names the numbers below it; one that does not keeps the outer name's.
    for (const [key, child] of Object.entries(value)) collect(child, DAYS.test(key) || YEARS.test(key) ? key : name, into);
  }
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

const byPacks = new WeakMap<RulePacks, Thresholds>();

export function thresholdsOf(rulePacks: RulePacks): Thresholds {
  let thresholds = byPacks.get(rulePacks);
  if (!thresholds) {
    const into = { days: new Set<number>(), years: new Set<number>(), other: new Set<number>(), dates: new Set<EpochDay>() };
    for (const loaded of rulePacks.packs) {
      for (const fact of loaded.facts.values()) collect(fact.params, '', into);
      // Numbers a rule compares a fact with directly (a count of convictions).
      for (const rule of loaded.pack.rules) collect(rule.conditions, '', into);
    }
    thresholds = { days: sorted(into.days), years: sorted(into.years), other: sorted(into.other), dates: sorted(into.dates) };
    byPacks.set(rulePacks, thresholds);
  }
  return thresholds;
}

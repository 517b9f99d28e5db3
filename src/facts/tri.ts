/**
 * Three-valued (Kleene) logic. `null` is "unknown": a fact the case file does not give, or a
 * conclusion the known facts cannot settle. Unknown is never quietly turned into false.
 */
import type { DayRange, EpochDay } from '../case/dates.js';

export type Tri = boolean | null;

export function triAnd(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const value of values) {
    if (value === false) return false;
    if (value === null) unknown = true;
  }
  return unknown ? null : true;
}

export function triOr(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const value of values) {
    if (value === true) return true;
    if (value === null) unknown = true;
  }
  return unknown ? null : false;
}

export function triNot(value: Tri): Tri {
  return value === null ? null : !value;
}

/** true when the whole range satisfies a test, false when none of it does, else unknown. */
export function triRange(low: boolean, high: boolean): Tri {
  if (low && high) return true;
  if (!low && !high) return false;
  return null;
}

/** Whether a date (a range of days, or unknown) falls on or after `start`: unknown when it straddles it. */
export function onOrAfter(days: DayRange | undefined, start: EpochDay): Tri {
  if (!days) return null;
  return days.earliest >= start ? true : days.latest < start ? false : null;
}

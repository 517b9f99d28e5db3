/**
 * A change relief flips tries, held as the command-line flag that makes it (`--scenario
 * plead:0=1325-first`, `--what-if entries.0.date=2007-06-14`), and a case with some of them made,
 * made exactly as `relief screen` makes it: the scenarios expanded on the case as read, in order,
 * then the --what-if values parsed from the flag's own text. What is shown is what was screened.
 */
import type { EpochDay } from '../case/dates.js';
import { checkCase } from '../app/front-end.js';
import { InputError } from '../case/load.js';
import type { CaseFile } from '../case/schema.js';
import { applyWhatIfs, parseWhatIf, WhatIfError, type WhatIf } from '../case/what-if.js';
import { pathKeys } from '../case/paths.js';
import type { ScenarioBook } from '../scenarios/book.js';
import { requestedChanges } from '../scenarios/changes.js';
import { parseScenarioRequest, ScenarioError, type ScenarioRequest } from '../scenarios/request.js';
import type { ChangeKind } from './changeability.js';

export interface Change {
  flag: '--scenario' | '--what-if';
  /** The flag's value, as typed after it. */
  argument: string;
  /** The fact it moves, or the scenario and item: the values of one are tried together, and never paired with each other. */
  group: string;
  kind: ChangeKind;
  /** What it does, in words. */
  description: string;
  /** For a scenario: what the scenario as a whole does (an option's description says more). */
  scenarioDescription?: string;
  /** Why it is a choice or a question of law, and the source. */
  reason?: string;
  citation?: string;
  /** The case places it writes, as keys: two changes writing one place (or one inside the other) are never paired. */
  touches: (string | number)[][];
}

/** What a case is screened with: the case as read and the screening options of the run. */
export interface CaseContext {
  raw: Record<string, unknown>;
  source: string;
  book: ScenarioBook;
  asOf: string | undefined;
  /** YYYY-MM-DD: the default screening date of a case that records none. */
  today: string;
  todayDay: EpochDay;
}

export interface Variant {
  /** The changed case as read, JSON: two changes that make the same case are one. */
  key: string;
  caseFile: CaseFile;
  screeningDay: EpochDay;
}

/**
 * The what-ifs the changes make to the case as read (scenarios first, in order, then the --what-if
 * ones), and the screening date to use in place of --as-of (a scenario may move it).
 */
export function whatIfsOf(context: CaseContext, changes: readonly Change[]): { whatIfs: readonly WhatIf[]; asOf: string | undefined } {
  const requests = changes.filter((c) => c.flag === '--scenario').map((c) => parseScenarioRequest(c.argument) as ScenarioRequest);
  const whatIfs = changes.filter((c) => c.flag === '--what-if').map((c) => parseWhatIf(c.argument) as WhatIf);
  const requested = requestedChanges(requests.length ? context.book : null, requests, whatIfs, context.asOf, context.today);
  const made = typeof requested.changes === 'function' ? requested.changes(context.raw) : requested.changes;
  return { whatIfs: made, asOf: requested.asOf() };
}

/** The case with these changes made, or null when no case can be so (the changes contradict the record or the screening date). */
export function variantOf(context: CaseContext, changes: readonly Change[]): Variant | null {
  try {
    const { whatIfs, asOf } = whatIfsOf(context, changes);
    const raw = applyWhatIfs(context.raw, whatIfs);
    // Checked as the front end checks every case (its hash is not read: a variant is never stamped).
    const { caseFile, screeningDay } = checkCase({ raw, name: context.source, source: context.source, sha256: '' }, { asOf, today: context.todayDay });
    return { key: JSON.stringify(raw), caseFile, screeningDay };
  } catch (error) {
    if (error instanceof InputError || error instanceof ScenarioError || error instanceof WhatIfError) return null;
    throw error;
  }
}

/** The keys a what-if writes; taking an item out of a list writes the whole list (the items after it move). */
export function touchedKeys(change: WhatIf): (string | number)[] {
  const keys = pathKeys(change.path);
  return change.value === null && typeof keys[keys.length - 1] === 'number' ? keys.slice(0, -1) : keys;
}

const isPrefix = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length <= b.length && a.every((key, i) => key === b[i]);

/** Whether two changes write the same place, or one a place inside the other's. */
export function overlap(a: Change, b: Change): boolean {
  return a.touches.some((x) => b.touches.some((y) => isPrefix(x, y) || isPrefix(y, x)));
}

/** A command-line word as a POSIX shell reads it: quoted when it holds anything but plain characters. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9._:=/@+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

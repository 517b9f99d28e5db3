/**
 * Every change `relief screen` is asked to make to a case before screening it: the named
 * scenarios' (in the order given), then the --what-if ones, which have the last word. Each is
 * labelled for the report's header; a scenario's changes are listed under its name.
 */
import { EXACT_DATE_PATTERN } from '../case/dates.js';
import type { CaseChanges } from '../case/load.js';
import type { WhatIf } from '../case/what-if.js';
import type { ScenarioBook } from './book.js';
import { expandScenario } from './expand.js';
import type { ScenarioRequest } from './request.js';

export interface RequestedChanges {
  changes: CaseChanges;
  /** "path = value" per --what-if; "scenario NAME: path = value; …" per scenario: read after the case was loaded. */
  labels: () => string[];
  /**
   * The screening date to use in place of --as-of: the one a scenario moved it to (screened-later),
   * else --as-of itself. Read after the case was loaded.
   */
  asOf: () => string | undefined;
}

/** `asOf`: the --as-of date, if given; `today`: YYYY-MM-DD. A scenario's dates count from the screening date. */
export function requestedChanges(book: ScenarioBook | null, requests: readonly ScenarioRequest[], whatIfs: readonly WhatIf[], asOf: string | undefined, today: string): RequestedChanges {
  const label = (change: WhatIf) => `${change.path} = ${JSON.stringify(change.value)}`;
  let labels = whatIfs.map((w) => label(w));
  let moved: string | undefined;
  if (!book || requests.length === 0) return { changes: whatIfs, labels: () => labels, asOf: () => asOf };
  const changes = (raw: Record<string, unknown>): WhatIf[] => {
    const recorded = typeof raw.screeningDate === 'string' && EXACT_DATE_PATTERN.test(raw.screeningDate) ? raw.screeningDate : undefined;
    const screeningDate = asOf ?? recorded ?? today;
    const made = requests.map((request) => ({ request, changes: expandScenario(book, request, raw, screeningDate) }));
    labels = [...made.map(({ request, changes: list }) => `scenario ${request.text}: ${list.map(label).join('; ')}`), ...whatIfs.map(label)];
    const screeningDates = made.flatMap((m) => m.changes).filter((c) => c.path === 'screeningDate');
    moved = screeningDates.length ? String(screeningDates[screeningDates.length - 1]!.value) : undefined;
    return [...made.flatMap((m) => m.changes), ...whatIfs];
  };
  return { changes, labels: () => labels, asOf: () => moved ?? asOf };
}

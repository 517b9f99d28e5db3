/**
 * Settling one result by cases. A result Kleene logic leaves open is split on one unknown case
 * field at a time, each branch screened again with the other fields still unknown; a branch that
 * is still open is split further. The result is settled when every branch settles and they all
 * agree; it is open, with a witness pair, as soon as two branches settle to different values.
 *
 * Bounds (SETTLE_BUDGET per result, so a long record cannot make one case run away; and
 * CASE_SCREENING_CAP for all the searches of a case): at most maxDepth fields split on one path
 * and maxScreened completions screened for it (completions another result's search already
 * screened are free). When a bound is hit, the branch left counts as open: the result is then
 * reported open, never settled, so the bound costs decisiveness, not soundness.
 * The field split first is the one the most open results of the case reach (see `rankFields`),
 * so the searches share their first completions.
 */
import type { Thresholds } from './thresholds.js';
import { OUTCOME, type Assignment, type CaseCompletions } from './completions.js';
import { representatives, type Representative } from './representatives.js';

export interface Budget {
  maxDepth: number;
  maxScreened: number;
}

/**
 * Per result. The law's shapes the fixtures settle take at most two fields and 41 completions; a
 * result still open past this is almost always one that turns on the program's core facts
 * (trafficking, abuse) with everything else unknown, which no split of a few fields settles.
 */
export const SETTLE_BUDGET: Budget = { maxDepth: 4, maxScreened: 48 };

/**
 * Per case, for the searches of all its results together: a case with nearly everything unknown
 * (the start of an interview) has every result open, each reaching dozens of fields.
 */
export const CASE_SCREENING_CAP = 160;

/** A completion (only the fields it had to set: the others cannot change the value) and its value. */
export interface Completion {
  assignments: Assignment[];
  value: string;
}

export interface Verdict {
  /** The value every completion gives, or null when the result stays open. */
  value: string | null;
  /** The fields split on, in the order first split. */
  splitOn: string[];
  /** The distinct values the settled branches gave (an outcome's eligible and eligible with a waiver both appear). */
  values: string[];
  /** Whether every branch explored settled (no bound hit, no field that cannot be split; without stopAtDisagreement, every branch). */
  complete: boolean;
  /** Two completions that give different values, when found. */
  witness?: [Completion, Completion];
  /** The first completion found for each distinct value (eligible and eligible with a waiver as one). */
  found: Completion[];
  /** The reasons the settled branches gave (for an outcome). */
  reasons: string[];
  /** Whether some branch stayed open on facts that are never split (a list of unknown length, a date not given). */
  blocked: boolean;
}

/** The value of a completion the law, not the facts, leaves open. */
export const UNDETERMINED = 'undetermined';

/** A target: one result of one program. */
export interface Target {
  program: string;
  result: string;
}

/** Values that count as the same answer: eligible and eligible with a waiver are both "not barred". */
function classOf(target: Target, value: string): string {
  return target.result === OUTCOME && value !== 'barred' && value !== UNDETERMINED ? 'not_barred' : value;
}

/** The settled value of agreeing branches: an outcome that may or may not need a waiver is eligible with one. */
function agreed(target: Target, values: readonly string[]): string {
  if (target.result === OUTCOME && values.length > 1) return 'eligible_with_waiver';
  return values[0]!;
}

export interface SearchContext {
  completions: CaseCompletions;
  thresholds: Thresholds;
  /** How many open results reach each field: the most-reached is split first. */
  rank: ReadonlyMap<string, number>;
}

export function rankFields(fields: readonly string[], rank: ReadonlyMap<string, number>): string[] {
  return fields.map((field, i) => ({ field, i, r: rank.get(field) ?? 0 })).sort((a, b) => b.r - a.r || a.i - b.i).map((x) => x.field);
}

interface Pending {
  assignments: Assignment[];
  depth: number;
}

/**
 * Settles `target` from the partial completion `start`, breadth first (so two branches that
 * disagree are found at the least depth). With `stopAtDisagreement`, stops once two branches
 * disagree (enough to know it is open); without, collects every value it can reach.
 */
export function search(context: SearchContext, target: Target, start: readonly Assignment[], budget: Budget, stopAtDisagreement: boolean): Verdict {
  const { completions } = context;
  const firstOf = new Map<string, Completion>();
  const values: string[] = [];
  const reasons = new Set<string>();
  const splitOn: string[] = [];
  let complete = true;
  let blocked = false;
  const screenedBefore = completions.screened;
  const queue: Pending[] = [{ assignments: [...start], depth: 0 }];
  const record = (value: string, assignments: Assignment[], why: readonly string[]) => {
    const cls = classOf(target, value);
    if (!firstOf.has(cls)) firstOf.set(cls, { assignments, value });
    if (!values.includes(value)) values.push(value);
    for (const reason of why) reasons.add(reason);
  };

  for (let next = 0; next < queue.length; next++) {
    if (stopAtDisagreement && firstOf.size > 1) break;
    if (completions.screened - screenedBefore >= budget.maxScreened || completions.screened >= CASE_SCREENING_CAP) {
      complete = false;
      break;
    }
    const { assignments, depth } = queue[next]!;
    const state = completions.state(assignments, target.program);
    if (!state) {
      // No case has these values. For a number standing for an interval, others in the interval
      // might be possible: the branch counts as open rather than as ruled out.
      if (assignments[assignments.length - 1]?.upTo !== undefined) complete = false;
      continue;
    }
    const value = state.values.get(target.result);
    if (value !== null && value !== undefined) {
      record(value, assignments, state.reasons);
      continue;
    }
    if ((state.reach.get(target.result) ?? []).length === 0) {
      // Open with no case field missing: the law leaves it open here (S.744's disputed reading, a
      // maximum of exactly one year for the Morton levels). That is an answer of its own.
      record(UNDETERMINED, assignments, state.reasons);
      continue;
    }
    const split = depth < budget.maxDepth ? splitFor(context, target, assignments) : undefined;
    if (!split) {
      complete = false;
      blocked ||= depth < budget.maxDepth;
      continue;
    }
    if (!splitOn.includes(split.field)) splitOn.push(split.field);
    const others = assignments.filter((a) => a.path !== split.field);
    for (const rep of split.reps) queue.push({ assignments: [...others, assign(split.field, rep)], depth: depth + 1 });
  }
  const classes = [...firstOf.values()];
  const witness = classes.length > 1 ? ([classes[0]!, classes[1]!] as [Completion, Completion]) : undefined;
  const settled = complete && classes.length === 1 && values[0] !== UNDETERMINED;
  return {
    value: settled ? agreed(target, values) : null,
    splitOn,
    values,
    complete,
    ...(witness ? { witness } : {}),
    found: classes,
    reasons: [...reasons],
    blocked,
  };
}

function assign(field: string, rep: Representative): Assignment {
  return rep.upTo !== undefined ? { path: field, value: rep.value, upTo: rep.upTo } : { path: field, value: rep.value };
}

/** The field to split an open completion on: the best-ranked one it reaches that can be split. */
function splitFor(context: SearchContext, target: Target, assignments: readonly Assignment[], trial = false): { field: string; reps: Representative[] } | undefined {
  const { completions, thresholds, rank } = context;
  const state = completions.state(assignments, target.program);
  const caseFile = completions.caseWith(assignments);
  if (!state || !caseFile) return undefined;
  for (const field of rankFields(state.reach.get(target.result) ?? [], rank)) {
    const reps = representatives(field, caseFile, completions.screeningDay, thresholds, trial);
    if (reps && reps.length) return { field, reps };
  }
  return undefined;
}

/** How far a completion is from settling: the rules still unknown. */
const openness = (context: SearchContext, target: Target, assignments: readonly Assignment[]) => context.completions.state(assignments, target.program)?.unknownRules ?? Infinity;

/** At most five of a field's values, spread over them (both ends kept): a descent tries, it need not cover. */
function sample<T>(values: readonly T[]): readonly T[] {
  if (values.length <= 5) return values;
  return [0, 1, 2, 3, 4].map((i) => values[Math.round((i * (values.length - 1)) / 4)]!);
}

/**
 * Two completions that give different values, looked for past the search's depth when it found
 * none: from `start`, every field the result reaches is set in turn, each time to the value that
 * leaves the fewest rules unknown, preferring one that settles to a value not yet seen, until the
 * result settles. Tried with the values in their order and reversed (which in effect answers the
 * yes/no questions the other way). Bounded by `maxScreened`; it finds, never proves.
 */
export function findWitness(context: SearchContext, target: Target, known: readonly Completion[], maxScreened: number): { witness?: [Completion, Completion]; blocked: boolean } {
  let blocked = false;
  const found = [...known];
  const screenedBefore = context.completions.screened;
  for (const reversed of [false, true]) {
    let assignments: Assignment[] = [];
    for (;;) {
      if (context.completions.screened - screenedBefore >= maxScreened) return { blocked };
      const state = context.completions.state(assignments, target.program);
      if (!state) break;
      const value = state.values.get(target.result) ?? ((state.reach.get(target.result) ?? []).length === 0 ? UNDETERMINED : null);
      if (value !== null) {
        const other = found.find((c) => classOf(target, c.value) !== classOf(target, value));
        if (other) return { witness: [other, { assignments, value }], blocked };
        found.push({ assignments, value });
        break;
      }
      const split = splitFor(context, target, assignments, true);
      if (!split) {
        blocked = true;
        break;
      }
      const others = assignments.filter((a) => a.path !== split.field);
      const options = sample(reversed ? [...split.reps].reverse() : split.reps).map((rep) => [...others, assign(split.field, rep)]);
      const settledTo = (option: Assignment[]) => context.completions.state(option, target.program)?.values.get(target.result) ?? null;
      const seen = (v: string) => found.some((c) => classOf(target, c.value) === classOf(target, v));
      const fresh = options.find((option) => {
        const v = settledTo(option);
        return v !== null && !seen(v);
      });
      // Else the value that leaves the fewest rules unknown without settling to a value already seen.
      const score = (option: Assignment[]) => {
        const v = settledTo(option);
        return v !== null && seen(v) ? Infinity : openness(context, target, option);
      };
      const best = fresh ?? options.reduce((a, b) => (score(b) < score(a) ? b : a));
      if (!fresh && score(best) === Infinity) break;
      assignments = best;
    }
  }
  return { blocked };
}

/**
 * The one error for bad case input: it names the input, the field and the problem in words a
 * paralegal can act on, never a stack trace. Everything in it may echo user input (a file name, a
 * key), so it is made inert and bounded here, once, for the terminal, the batch record and the report.
 */
import { bounded, echo } from '../text/inert.js';
import { count } from '../text/numbers.js';

/** One problem with a case, and the field it concerns (null when it concerns the whole input). */
export interface CaseIssue {
  field: string | null;
  problem: string;
}

/**
 * How many problems one error lists: a list of 50,000 bad items must still give a paragraph a
 * person reads, and the first problems are the ones to fix first.
 */
export const LISTED_PROBLEMS = 20;

/** How long a source (a file path) may be when shown: its file name is at its end, so paths are shown whole up to here. */
const SOURCE_ECHO_LIMIT = 1_024;

/** How an issue reads in a sentence: the field first. */
export function describeIssue(issue: CaseIssue): string {
  return issue.field === null ? issue.problem : `${issue.field}: ${issue.problem}`;
}

/** The first LISTED_PROBLEMS issues, and how many more there are: for an error and for a batch error record alike. */
export function listedIssues(issues: readonly CaseIssue[]): CaseIssue[] {
  if (issues.length <= LISTED_PROBLEMS) return [...issues];
  return [...issues.slice(0, LISTED_PROBLEMS), wholeInput(`… and ${count(issues.length - LISTED_PROBLEMS)} more problems`)];
}

export class InputError extends Error {
  readonly source: string;
  readonly issues: CaseIssue[];
  readonly problems: string[];

  constructor(source: string, issues: CaseIssue[]) {
    const shown = listedIssues(issues);
    const inertSource = echo(source, SOURCE_ECHO_LIMIT);
    const problems = shown.map(describeIssue);
    super(`${inertSource}: ${problems.join('; ')}`);
    this.name = 'InputError';
    this.source = inertSource;
    this.issues = shown;
    this.problems = problems;
  }
}

export const wholeInput = (problem: string): CaseIssue => ({ field: null, problem });

/**
 * Writes a path the way a person would: criminalHistory.convictions[0].maximumPenaltyDays. Keys
 * come from the input (an unknown key, a key of a record), so each is echoed inert and bounded, and
 * so is the whole path (one 64 deep is mostly noise).
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = echo(String(key));
      out += out ? `.${name}` : name;
    }
  }
  return out ? bounded(out) : '(the whole file)';
}

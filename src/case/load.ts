/**
 * Reading a case file: JSON or YAML text -> validated CaseFile, or an InputError that names the
 * file, the field and the problem in words a paralegal can act on (never a stack trace).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CaseFile, datedEvents } from './schema.js';
import { parseDateSpec, parseExactDate, toIsoDate, type EpochDay } from './dates.js';
import { applyWhatIfs, type WhatIf } from './what-if.js';

/** One problem with a case, and the field it concerns (null when it concerns the whole input). */
export interface CaseIssue {
  field: string | null;
  problem: string;
}

/** How an issue reads in a sentence: the field first. */
export function describeIssue(issue: CaseIssue): string {
  return issue.field === null ? issue.problem : `${issue.field}: ${issue.problem}`;
}

export class InputError extends Error {
  readonly problems: string[];

  constructor(
    readonly source: string,
    readonly issues: CaseIssue[],
  ) {
    const problems = issues.map(describeIssue);
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

const wholeInput = (problem: string): CaseIssue => ({ field: null, problem });

/** Writes a zod issue path the way a person would: criminalHistory.convictions[0].maximumPenaltyDays */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the whole file)';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): CaseIssue[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const problem = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; run "relief schema" for the field list)`;
      return { field: issue.path.length ? formatPath(issue.path) : null, problem };
    }
    return { field: formatPath(issue.path), problem: issue.message };
  });
}

/**
 * Parses text that holds one case, as JSON or YAML (JSON when told so, as for an NDJSON line, when
 * the name says so, or when the text looks like it).
 */
export function parseCaseText(text: string, source: string, format?: 'json'): unknown {
  const looksJson = format === 'json' || extname(source).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  try {
    return looksJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(source, [wholeInput(`not valid ${looksJson ? 'JSON' : 'YAML'}: ${detail}`)]);
  }
}

export function validateCase(value: unknown, source: string): CaseFile {
  if (value === null || value === undefined) throw new InputError(source, [wholeInput('the file is empty')]);
  const result = CaseFile.safeParse(value);
  if (!result.success) throw new InputError(source, describeIssues(result.error.issues));
  return result.data;
}

/** The screening date: the one asked for (--as-of), else the case's own screeningDate, else today. */
export function screeningDayFor(asOf: string | undefined, caseScreeningDate: string | undefined, today: EpochDay): EpochDay {
  const date = asOf ?? caseScreeningDate;
  return date ? parseExactDate(date) : today;
}

/**
 * Events the case dates after the screening date cannot have happened yet: a contradiction, or a
 * screening date (--as-of) set before the facts it screens.
 */
export function checkScreeningDate(caseFile: CaseFile, screeningDay: EpochDay, source: string): void {
  const late = datedEvents(caseFile).filter((event) => {
    const range = parseDateSpec(event.value);
    return range !== undefined && range.earliest > screeningDay;
  });
  if (late.length) {
    throw new InputError(source, late.map((event) => ({ field: formatPath(event.path), problem: `${event.what} (${event.value}) is after the screening date ${toIsoDate(screeningDay)}` })));
  }
}

/** Reads and validates a case file, after applying any "what if" changes to its raw content. */
export async function loadCaseFile(path: string, whatIfs: readonly WhatIf[] = []): Promise<CaseFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, [wholeInput(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`)]);
  }
  const raw = parseCaseText(text, path);
  const isMapping = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (!isMapping || whatIfs.length === 0) return validateCase(raw, path);
  return validateCase(applyWhatIfs(raw, whatIfs), `${path} (with the --what-if changes)`);
}

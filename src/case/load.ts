/**
 * Reading a case file: JSON or YAML text -> validated CaseFile, or an InputError that names the
 * file, the field and the problem in words a paralegal can act on (never a stack trace).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CaseFile } from './schema.js';
import { applyWhatIfs, type WhatIf } from './what-if.js';

export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'InputError';
  }
}

/** Writes a zod issue path the way a person would: criminalHistory.convictions[0].maximumPenaltyDays */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the whole file)';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` in ${formatPath(issue.path)}` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where} (check the spelling; run "relief schema" for the field list)`;
    }
    return `${formatPath(issue.path)}: ${issue.message}`;
  });
}

/** Parses text that holds one case, as JSON or YAML. */
function parseCaseText(text: string, source: string): unknown {
  const looksJson = extname(source).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  try {
    return looksJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(source, [`not valid ${looksJson ? 'JSON' : 'YAML'}: ${detail}`]);
  }
}

export function validateCase(value: unknown, source: string): CaseFile {
  if (value === null || value === undefined) throw new InputError(source, ['the file is empty']);
  const result = CaseFile.safeParse(value);
  if (!result.success) throw new InputError(source, describeIssues(result.error.issues));
  return result.data;
}

/** Reads and validates a case file, after applying any "what if" changes to its raw content. */
export async function loadCaseFile(path: string, whatIfs: readonly WhatIf[] = []): Promise<CaseFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, [code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`]);
  }
  const raw = parseCaseText(text, path);
  return validateCase(whatIfs.length ? applyWhatIfs(raw, whatIfs) : raw, path);
}

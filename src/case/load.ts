/**
 * Reading a case file: JSON or YAML text -> validated CaseFile, or an InputError that names the
 * file, the field and the problem in words a paralegal can act on (never a stack trace). Every
 * case passes the limits of limits.ts before anything recursive (a parser, zod) touches it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { z } from 'zod';
import { inert } from '../text/inert.js';
import { CaseFile, datedEvents } from './schema.js';
import { parseDateSpec, parseExactDate, toIsoDate, type EpochDay } from './dates.js';
import { InputError, formatPath, wholeInput, type CaseIssue } from './input-error.js';
import { scanJson } from './json-text.js';
import { CASE_LIMITS } from './limits.js';
import { describeFault } from './text-fault.js';
import { valueLimitIssue } from './value-limits.js';
import { applyWhatIfs, type WhatIf } from './what-if.js';
import { pathKeys } from './paths.js';
import { readYaml } from './yaml-text.js';
import { sha256Hex } from './sha256.js';
import { count } from '../text/numbers.js';

export { InputError, describeIssue, formatPath, listedIssues, type CaseIssue } from './input-error.js';

/** How many unknown keys one problem names: enough to spot a typo, few enough to read. */
const LISTED_KEYS = 5;

function unknownKeys(keys: readonly string[]): string {
  const named = keys.slice(0, LISTED_KEYS).map((key) => `"${formatPath([key])}"`).join(', ');
  const more = keys.length > LISTED_KEYS ? ` and ${count(keys.length - LISTED_KEYS)} more` : '';
  return `unknown field${keys.length > 1 ? 's' : ''} ${named}${more} (check the spelling; run "relief schema" for the field list)`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): CaseIssue[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: issue.path.length ? formatPath(issue.path) : null, problem: unknownKeys(issue.keys) };
    // The messages are the schema's own words, but made inert in case one ever quotes the input.
    return { field: formatPath(issue.path), problem: inert(issue.message) };
  });
}

const BYTE_ORDER_MARK = '\uFEFF';

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The size is known for a text or a regular file; a device or pipe is refused once it has given too much. */
function tooBig(source: string, bytes?: number): InputError {
  return new InputError(source, [wholeInput(`too big${bytes === undefined ? '' : ` (${mebibytes(bytes)})`}: ${CASE_LIMITS.bytes.describe}`)]);
}

/** Read size for a case file: a typical case is read at once, a big one in a few hundred reads. */
const READ_CHUNK = 64 * 1024;

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Parses text that holds one case, as JSON or YAML (JSON when told so, as for an NDJSON line, when
 * the name says so, or when the name says neither and the text looks like it). A UTF-8 byte-order
 * mark at the start is dropped. Nesting, mapping and list sizes are checked in the text, before parsing.
 */
export function parseCaseText(text: string, source: string, format?: 'json'): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > CASE_LIMITS.bytes.value) throw tooBig(source, bytes);
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const extension = extname(source).toLowerCase();
  // A .yaml file in flow style ({caseId: x}) starts like JSON but is YAML; only an unnamed text is judged by its look.
  const isJson = format === 'json' || extension === '.json' || (!YAML_EXTENSIONS.has(extension) && /^\s*[{[]/.test(body));
  if (isJson) {
    const fault = scanJson(body);
    if (fault) throw new InputError(source, [wholeInput(`not valid JSON: ${describeFault(body, fault)}`)]);
    return JSON.parse(body);
  }
  const result = readYaml(body);
  if ('value' in result) return result.value;
  throw new InputError(source, [wholeInput(`not valid YAML: ${describeFault(body, result)}`)]);
}

export function validateCase(value: unknown, source: string): CaseFile {
  if (value === null || value === undefined) throw new InputError(source, [wholeInput('the file is empty')]);
  const breach = valueLimitIssue(value);
  if (breach) throw new InputError(source, [breach]);
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

function cannotRead(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(path, [wholeInput(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a case file' : `cannot be read (${code ?? String(error)})`)]);
}

/** One case's text, and the SHA-256 of its bytes exactly as read (the audit stamp's caseSha256). */
export interface CaseBytes {
  text: string;
  sha256: string;
}

/** Gathers the chunks of one case file, refusing it as soon as it is bigger than a case may be. */
class CaseText {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(private readonly path: string) {}
  /** The size is known for a regular file: a huge one is refused without reading it. */
  sized(isFile: boolean, size: number): void {
    if (isFile && size > CASE_LIMITS.bytes.value) throw tooBig(this.path, size);
  }
  /** Takes one read's bytes; false at the end of the file. */
  add(buffer: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(buffer.subarray(0, bytesRead));
    this.total += bytesRead;
    if (this.total > CASE_LIMITS.bytes.value) throw tooBig(this.path);
    return true;
  }
  get empty(): boolean {
    return this.total === 0;
  }
  /** The text, and the hash of the bytes read (before decoding: a byte-order mark or a malformed byte counts as it is). */
  done(): CaseBytes {
    return { text: Buffer.concat(this.chunks, this.total).toString('utf8'), sha256: sha256Hex(...this.chunks) };
  }
}

/**
 * The text of a case file, read only up to the size limit: a huge file is refused without reading
 * it all, and so is a device or pipe that never ends. The batch reads here, its files among others.
 */
export async function readCaseText(path: string): Promise<CaseBytes> {
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw cannotRead(path, error);
  });
  try {
    const info = await handle.stat();
    const text = new CaseText(path);
    text.sized(info.isFile(), info.size);
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(READ_CHUNK), 0, READ_CHUNK).catch((error: unknown) => {
        throw cannotRead(path, error);
      });
      if (!text.add(buffer, bytesRead)) return text.done();
    }
  } finally {
    await handle.close();
  }
}

/**
 * readCaseText for one case read on its own (relief screen, the interview's --resume): the same
 * limits, read at once rather than through the thread pool, which costs more to start than the read.
 */
export function readCaseTextNow(path: string): CaseBytes {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    const info = fstatSync(fd);
    const text = new CaseText(path);
    text.sized(info.isFile(), info.size);
    for (;;) {
      const buffer = Buffer.alloc(READ_CHUNK);
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, 0, READ_CHUNK, null);
      } catch (error) {
        throw cannotRead(path, error);
      }
      if (!text.add(buffer, bytesRead)) return text.done();
    }
  } finally {
    closeSync(fd);
  }
}

/** `relief screen -`: the case file is read from standard input. */
const STANDARD_INPUT = '-';
/** How an error paragraph names standard input. */
const STANDARD_INPUT_NAME = 'standard input';

/** A case file read for screening: its text and hash, and the names it goes by. */
export interface CaseInput extends CaseBytes {
  /** How an error paragraph names it: the path, or "standard input". */
  name: string;
  /** How the report names it (Report.source): the path, or "(standard input)", in parentheses so that it does not read as a file's name. */
  source: string;
}

/**
 * Standard input, read as a case file is: only up to the size limit, so a huge or never-ending
 * stream is refused without reading it all. Nothing at all is its own error: nothing was piped in.
 */
async function readStandardInput(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<CaseBytes> {
  const text = new CaseText(STANDARD_INPUT_NAME);
  for await (const chunk of chunks) text.add(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), chunk.byteLength);
  if (text.empty) throw new InputError(STANDARD_INPUT_NAME, [wholeInput('is empty: nothing was piped in (relief screen - reads the case file from standard input, e.g. relief screen - < case.yaml)')]);
  return text.done();
}

/** The case file `relief screen` names: a path, or "-" for standard input (read only then, from `stdin`; absent: an empty one). */
export async function readCaseInput(path: string, stdin?: () => AsyncIterable<Uint8Array>): Promise<CaseInput> {
  if (path === STANDARD_INPUT) return { ...(await readStandardInput(stdin?.() ?? [])), name: STANDARD_INPUT_NAME, source: `(${STANDARD_INPUT_NAME})` };
  return { ...readCaseTextNow(path), name: path, source: path };
}

/**
 * Parses and validates a case's text, after applying any "what if" changes to its raw content.
 * JSON or YAML is told by the name's extension, else by the text's look (parseCaseText).
 */
function caseFromText(text: string, name: string, changes: CaseChanges = []): CaseFile {
  return caseFromValue(parseCaseText(text, name), name, changes);
}

/** Validates a case as parsed, after applying any "what if" changes to it (only a mapping takes them). */
export function caseFromValue(raw: unknown, name: string, changes: CaseChanges = []): CaseFile {
  const isMapping = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (!isMapping) return validateCase(raw, name);
  const whatIfs = typeof changes === 'function' ? changes(raw as Record<string, unknown>) : changes;
  if (whatIfs.length === 0) return validateCase(raw, name);
  const source = `${name} (with the --what-if changes)`;
  try {
    return validateCase(applyWhatIfs(raw, whatIfs), source);
  } catch (error) {
    throw error instanceof InputError ? withQuotingHint(error, source, whatIfs) : error;
  }
}

/**
 * A --what-if value is read as YAML, so 1990 is a number and yes a boolean: where a field that
 * takes text got one of those from a --what-if, the problem says how to write it as text.
 */
function withQuotingHint(error: InputError, source: string, whatIfs: readonly WhatIf[]): InputError {
  const changed = new Map(whatIfs.map((w) => [pathKeys(w.path).join('.'), w]));
  const issues = error.issues.map((issue) => {
    const change = issue.field === null ? undefined : changed.get(pathKeys(issue.field).join('.'));
    if (!change || typeof change.value === 'string' || !/expected string/.test(issue.problem)) return issue;
    return { ...issue, problem: `${issue.problem} (a --what-if value is read as YAML: quote it to make it text, e.g. --what-if '${change.path}="${String(change.value)}"')` };
  });
  return new InputError(source, issues);
}

/** "What if" changes to a case: a list, or worked out from the case as read (a named scenario reads its items). */
export type CaseChanges = readonly WhatIf[] | ((raw: Record<string, unknown>) => readonly WhatIf[]);

/** Reads and validates a case file, after applying any "what if" changes to its raw content. */
export async function loadCaseFile(path: string, whatIfs: readonly WhatIf[] = []): Promise<CaseFile> {
  return caseFromText(readCaseTextNow(path).text, path, whatIfs);
}

/**
 * The inputs of a batch, streamed in order: case files (JSON/YAML), folders of them (walked in name
 * order), NDJSON files (one case per line) and CSV rosters (one case per row). Nothing is loaded
 * whole; each case comes out as one item, and anything that cannot be read comes out as an error
 * item in its place, so every input case is accounted for exactly once.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import type { CaseIssue } from '../case/load.js';
import { headerIssues, rosterColumns, rowToCase, type RosterColumn } from './roster.js';

export interface Origin {
  source: string;
  /** The line of an NDJSON file or CSV roster the case comes from; null for a whole case file. */
  line: number | null;
}

export type InputItem =
  /** Text holding one case: a case file (JSON or YAML) or an NDJSON line (JSON only). */
  | { kind: 'text'; origin: Origin; text: string; jsonOnly: boolean }
  /** A case already read into a value (a CSV row), still to be validated. */
  | { kind: 'value'; origin: Origin; value: unknown }
  | { kind: 'error'; origin: Origin; issues: CaseIssue[]; caseId?: string };

const CASE_FILE = ['.json', '.yaml', '.yml'];
const NDJSON = ['.ndjson', '.jsonl'];
const CSV = ['.csv'];

const fileError = (source: string, problem: string, line: number | null = null): InputItem => ({ kind: 'error', origin: { source, line }, issues: [{ field: null, problem }] });

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? (error as Error).message})`;
}

/** Every input, in the order given; folders expand to their files in name order. */
export async function* readInputs(paths: readonly string[]): AsyncGenerator<InputItem> {
  for (const path of paths) yield* readPath(path, true, new Set());
}

/** `within`: the real paths of the folders being walked, so a link back up the tree is not followed round. */
async function* readPath(path: string, named: boolean, within: ReadonlySet<string>): AsyncGenerator<InputItem> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    yield fileError(path, describeFsError(error));
    return;
  }
  if (isFolder) {
    const real = await realpath(path);
    if (!within.has(real)) yield* readFolder(path, new Set([...within, real]));
    return;
  }
  const extension = extname(path).toLowerCase();
  if (CASE_FILE.includes(extension)) yield await readCaseFile(path);
  else if (NDJSON.includes(extension)) yield* readNdjson(path);
  else if (CSV.includes(extension)) yield* readRoster(path);
  // A file named on the command line is meant as input; in a folder, other files are someone else's.
  else if (named) yield fileError(path, `is not a case file (${CASE_FILE.join(', ')}), an NDJSON file (${NDJSON.join(', ')}) or a CSV roster (${CSV.join(', ')})`);
}

async function* readFolder(folder: string, within: ReadonlySet<string>): AsyncGenerator<InputItem> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    yield fileError(folder, describeFsError(error));
    return;
  }
  for (const name of names) yield* readPath(join(folder, name), false, within);
}

async function readCaseFile(path: string): Promise<InputItem> {
  try {
    const handle = await open(path);
    try {
      return { kind: 'text', origin: { source: path, line: null }, text: await handle.readFile('utf8'), jsonOnly: false };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fileError(path, describeFsError(error));
  }
}

async function* readNdjson(path: string): AsyncGenerator<InputItem> {
  let line = 0;
  try {
    const handle = await open(path);
    try {
      for await (const text of handle.readLines({ encoding: 'utf8' })) {
        line++;
        if (text.trim()) yield { kind: 'text', origin: { source: path, line }, text, jsonOnly: true };
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    yield fileError(path, `${describeFsError(error)}${line ? ` after line ${line}; the rest of the file was not read` : ''}`, line || null);
  }
}

const lineOf = (error: CsvError): number => (typeof error.lines === 'number' ? error.lines : 0);

/**
 * A roster row by row. csv-parse is told to skip a record it cannot parse (an unclosed quote) and
 * report it; that report becomes an error item in the record's place. Cells stay text: each is
 * read by its field's type (roster.ts), never guessed.
 */
async function* readRoster(path: string): AsyncGenerator<InputItem> {
  const skipped: { message: string; line: number }[] = [];
  let columns: RosterColumn[] | undefined;
  let problemsWithHeader: CaseIssue[] = [];
  let caseIdColumn = -1;
  let lastLine = 0;
  // csv-parse reports a skipped record as soon as it parses it, possibly before the records read
  // just ahead of it have been taken: each waits for the first record from a later line.
  const skippedBefore = function* (line: number): Generator<InputItem> {
    while (skipped.length && skipped[0]!.line < line) {
      const { message, line: at } = skipped.shift()!;
      yield fileError(path, `cannot be parsed as CSV: ${message}`, at);
    }
  };
  try {
    const handle = await open(path);
    const source = handle.createReadStream();
    const parser = source.pipe(
      parseCsv({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, on_skip: (error) => void (error && skipped.push({ message: error.message, line: lineOf(error) })) }),
    );
    // pipe() does not pass a read error on: without this the roster would wait for more rows forever.
    source.on('error', (error) => parser.destroy(error));
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* skippedBefore(info.lines);
      lastLine = info.lines;
      if (!columns) {
        columns = rosterColumns(record);
        problemsWithHeader = headerIssues(columns);
        caseIdColumn = columns.findIndex((column) => column.name === 'caseId');
        continue;
      }
      const origin = { source: path, line: info.lines };
      const row = rowToCase(columns, record);
      const issues = [...problemsWithHeader, ...('issues' in row ? row.issues : [])];
      const caseId = record[caseIdColumn]?.trim();
      yield issues.length ? { kind: 'error', origin, issues, ...(caseId ? { caseId } : {}) } : { kind: 'value', origin, value: 'value' in row ? row.value : undefined };
    }
    yield* skippedBefore(Infinity);
  } catch (error) {
    yield* skippedBefore(Infinity);
    const problem = (error as NodeJS.ErrnoException).code?.startsWith('CSV_') ? `cannot be parsed as CSV: ${(error as Error).message}` : describeFsError(error);
    yield fileError(path, `${problem}${lastLine ? ` after line ${lastLine}; the rest of the roster was not read` : ''}`, lastLine || null);
  }
}

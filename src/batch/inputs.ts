/**
 * The inputs of a batch, streamed in order: case files (JSON/YAML), folders of them (walked in name
 * order), NDJSON files (one case per line) and CSV rosters (one case per row). Nothing is loaded
 * whole; each case comes out as one item, and anything that cannot be read comes out as an error
 * item in its place, so every input case is accounted for exactly once.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError, readCaseText, type CaseIssue } from '../case/load.js';
import { CASE_LIMITS } from '../case/limits.js';
import { csvRecords, type CsvRecord } from './csv-records.js';
import { physicalLines } from './lines.js';
import { headerIssues, rosterColumns, rowToCase, type DateOrder, type RosterColumn } from './roster.js';

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
  | { kind: 'error'; origin: Origin; issues: CaseIssue[]; caseId?: string; clientName?: string };

export interface InputOptions {
  /** How CSV rosters write their dates (roster.ts); case files and NDJSON always use YYYY-MM-DD. */
  dateOrder?: DateOrder;
}

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
export async function* readInputs(paths: readonly string[], options: InputOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) yield* readPath(path, true, new Set(), options);
}

/** `within`: the real paths of the folders being walked, so a link back up the tree is not followed round. */
async function* readPath(path: string, named: boolean, within: ReadonlySet<string>, options: InputOptions): AsyncGenerator<InputItem> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    yield fileError(path, describeFsError(error));
    return;
  }
  if (isFolder) {
    const real = await realpath(path);
    if (!within.has(real)) yield* readFolder(path, new Set([...within, real]), options);
    return;
  }
  const extension = extname(path).toLowerCase();
  if (CASE_FILE.includes(extension)) yield await readCaseFile(path);
  else if (NDJSON.includes(extension)) yield* readNdjson(path);
  else if (CSV.includes(extension)) yield* readRoster(path, options.dateOrder ?? 'ymd');
  // A file named on the command line is meant as input; in a folder, other files are someone else's.
  else if (named) yield fileError(path, `is not a case file (${CASE_FILE.join(', ')}), an NDJSON file (${NDJSON.join(', ')}) or a CSV roster (${CSV.join(', ')})`);
}

async function* readFolder(folder: string, within: ReadonlySet<string>, options: InputOptions): AsyncGenerator<InputItem> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    yield fileError(folder, describeFsError(error));
    return;
  }
  for (const name of names) yield* readPath(join(folder, name), false, within, options);
}

async function readCaseFile(path: string): Promise<InputItem> {
  const origin = { source: path, line: null };
  try {
    return { kind: 'text', origin, text: await readCaseText(path), jsonOnly: false };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind: 'error', origin, issues: error.issues };
  }
}

const tooLong = (path: string, line: number): InputItem => fileError(path, `the line is too long: ${CASE_LIMITS.bytes.describe}`, line);

/** One case per line; blank lines are skipped (see lines.ts for what ends a line). */
async function* readNdjson(path: string): AsyncGenerator<InputItem> {
  let line = 0;
  try {
    const handle = await open(path);
    try {
      for await (const physical of physicalLines(handle, 'lf', CASE_LIMITS.bytes.value)) {
        line = physical.number;
        if (physical.tooLong) yield tooLong(path, line);
        else if (physical.text.trim()) yield { kind: 'text', origin: { source: path, line }, text: physical.text, jsonOnly: true };
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    yield fileError(path, `${describeFsError(error)}${line ? ` after line ${line}; the rest of the file was not read` : ''}`, line || null);
  }
}

interface Header {
  columns: RosterColumn[];
  /** Problems with the header, reported by every row so none is dropped unseen. */
  issues: CaseIssue[];
  caseIdColumn: number;
  /** The column that fills person.name (clientName or person.name), for an error record to name the client. */
  nameColumn: number;
}

function readHeader(record: CsvRecord): Header {
  if (record.problem !== undefined) {
    const problem = record.cell === undefined ? record.problem : `cell ${record.cell + 1} ${record.problem}`;
    return { columns: [], issues: [{ field: null, problem: `the header (line ${record.line}) cannot be read as CSV: ${problem}` }], caseIdColumn: -1, nameColumn: -1 };
  }
  const columns = rosterColumns(record.cells);
  return {
    columns,
    issues: headerIssues(columns),
    caseIdColumn: columns.findIndex((column) => column.name === 'caseId'),
    nameColumn: columns.findIndex((column) => column.path.join('.') === 'person.name'),
  };
}

function readRow(path: string, header: Header, record: CsvRecord, dateOrder: DateOrder): InputItem {
  const origin = { source: path, line: record.line };
  if (record.problem !== undefined) {
    const issue: CaseIssue =
      record.cell === undefined
        ? { field: null, problem: record.problem }
        : { field: header.columns[record.cell]?.name || null, problem: `cannot be read as CSV: cell ${record.cell + 1} ${record.problem}` };
    return { kind: 'error', origin, issues: [...header.issues, issue] };
  }
  const row = rowToCase(header.columns, record.cells, dateOrder);
  const issues = [...header.issues, ...('issues' in row ? row.issues : [])];
  if (!issues.length) return { kind: 'value', origin, value: 'value' in row ? row.value : undefined };
  const caseId = record.cells[header.caseIdColumn]?.trim();
  const clientName = record.cells[header.nameColumn]?.trim();
  return { kind: 'error', origin, issues, ...(caseId ? { caseId } : {}), ...(clientName ? { clientName } : {}) };
}

/**
 * A roster record by record (csv-records.ts): the first is the header, each later one a case or an
 * error record at its line. Cells stay text: each is read by its field's type (roster.ts), never guessed.
 */
async function* readRoster(path: string, dateOrder: DateOrder): AsyncGenerator<InputItem> {
  let header: Header | undefined;
  let lastLine = 0;
  try {
    const handle = await open(path);
    try {
      const lines = physicalLines(handle, 'any', CASE_LIMITS.bytes.value);
      for await (const record of csvRecords(lines, () => header?.columns.length || undefined, CASE_LIMITS.bytes)) {
        lastLine = record.line;
        if (header) yield readRow(path, header, record, dateOrder);
        else header = readHeader(record);
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (error) {
    yield fileError(path, `${describeFsError(error)}${lastLine ? ` after line ${lastLine}; the rest of the roster was not read` : ''}`, lastLine || null);
  }
}

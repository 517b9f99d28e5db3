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
import { sha256Hex } from '../case/sha256.js';
import { csvRecords, type CsvRecord } from './csv-records.js';
import { physicalLines } from './lines.js';
import { headerIssues, rosterColumns, rowToCase, type RosterColumn } from './roster.js';
import type { DateOrder } from './date-order.js';

export interface Origin {
  source: string;
  /** The line of an NDJSON file or CSV roster the case comes from; null for a whole case file. */
  line: number | null;
}

/**
 * `sha256`: the audit stamp's caseSha256, the hash of the input's bytes as read (docs/report.md, "The audit stamp"):
 * a case file's bytes; an NDJSON line's bytes without its line end; a roster row's bytes (its own
 * line end left out) after the header's and a line feed, since a row means nothing without the
 * header that names its cells. An error item has it when those bytes were read.
 */
export type InputItem =
  /** Text holding one case: a case file (JSON or YAML) or an NDJSON line (JSON only). */
  | { kind: 'text'; origin: Origin; text: string; jsonOnly: boolean; sha256: string }
  /** A case already read into a value (a CSV row), still to be validated. */
  | { kind: 'value'; origin: Origin; value: unknown; sha256: string }
  | { kind: 'error'; origin: Origin; issues: CaseIssue[]; caseId?: string; clientName?: string; sha256?: string };

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

/** A file the inputs name, directly or in a folder, and how it is read; or why a named path cannot be. */
type InputFile =
  /** `regular`: a regular file (a FIFO or a device can be read once only, so it is never counted ahead). */
  | { kind: 'case' | 'ndjson' | 'csv'; path: string; regular: boolean }
  | { kind: 'error'; path: string; problem: string };

/** Every input, in the order given; folders expand to their files in name order. */
export async function* readInputs(paths: readonly string[], options: InputOptions = {}): AsyncGenerator<InputItem> {
  for await (const file of inputFiles(paths)) {
    if (file.kind === 'error') yield fileError(file.path, file.problem);
    else if (file.kind === 'case') yield await readCaseFile(file.path);
    else if (file.kind === 'ndjson') yield* readNdjson(file.path);
    else yield* readRoster(file.path, options.dateOrder ?? 'ymd');
  }
}

/**
 * How many items readInputs will give, counted quickly (lines and CSV records, nothing parsed or
 * validated), for the progress bar's total; undefined when an input is not a regular file or a
 * folder (standard input, a FIFO: reading it to count would consume it), or when `stopped()` says
 * the count is no longer wanted.
 */
export async function countInputs(paths: readonly string[], stopped: () => boolean = () => false): Promise<number | undefined> {
  let total = 0;
  for await (const file of inputFiles(paths)) {
    if (stopped()) return undefined;
    if (file.kind === 'error' || file.kind === 'case') total++;
    else if (!file.regular) return undefined;
    else total += await countRecords(file.path, file.kind, stopped);
  }
  return stopped() ? undefined : total;
}

const COUNT_CHUNK_BYTES = 1024 * 1024;

/**
 * The items of one NDJSON file or roster, as readNdjson and readRoster give them; a file that fails
 * to read gives one error item. An NDJSON file is read by readNdjson itself (it parses nothing); a
 * roster's records are counted without reading each row into a case.
 */
async function countRecords(path: string, kind: 'ndjson' | 'csv', stopped: () => boolean): Promise<number> {
  let count = 0;
  if (kind === 'ndjson') {
    for await (const _item of readNdjson(path, COUNT_CHUNK_BYTES)) if (++count % 4096 === 0 && stopped()) break;
    return count;
  }
  try {
    const handle = await open(path);
    try {
      const lines = physicalLines(handle, 'any', CASE_LIMITS.bytes.value, COUNT_CHUNK_BYTES);
      // The header's width, as readRoster takes it from its columns.
      let cells: number | undefined;
      for await (const record of csvRecords(lines, () => cells, CASE_LIMITS.bytes)) {
        if (count++ === 0) cells = record.problem === undefined ? record.cells.length || undefined : undefined;
        if (count % 4096 === 0 && stopped()) break;
      }
      count = Math.max(0, count - 1); // the header
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch {
    return count + 1;
  }
  return count;
}

async function* inputFiles(paths: readonly string[]): AsyncGenerator<InputFile> {
  for (const path of paths) yield* filesAt(path, true, new Set());
}

/** `within`: the real paths of the folders being walked, so a link back up the tree is not followed round. */
async function* filesAt(path: string, named: boolean, within: ReadonlySet<string>): AsyncGenerator<InputFile> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    yield { kind: 'error', path, problem: describeFsError(error) };
    return;
  }
  if (stats.isDirectory()) {
    const real = await realpath(path);
    if (!within.has(real)) yield* filesInFolder(path, new Set([...within, real]));
    return;
  }
  const extension = extname(path).toLowerCase();
  const regular = stats.isFile();
  if (CASE_FILE.includes(extension)) yield { kind: 'case', path, regular };
  else if (NDJSON.includes(extension)) yield { kind: 'ndjson', path, regular };
  else if (CSV.includes(extension)) yield { kind: 'csv', path, regular };
  // A file named on the command line is meant as input; in a folder, other files are someone else's.
  else if (named) yield { kind: 'error', path, problem: `is not a case file (${CASE_FILE.join(', ')}), an NDJSON file (${NDJSON.join(', ')}) or a CSV roster (${CSV.join(', ')})` };
}

async function* filesInFolder(folder: string, within: ReadonlySet<string>): AsyncGenerator<InputFile> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    yield { kind: 'error', path: folder, problem: describeFsError(error) };
    return;
  }
  for (const name of names) yield* filesAt(join(folder, name), false, within);
}

async function readCaseFile(path: string): Promise<InputItem> {
  const origin = { source: path, line: null };
  try {
    const { text, sha256 } = await readCaseText(path);
    return { kind: 'text', origin, text, jsonOnly: false, sha256 };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind: 'error', origin, issues: error.issues };
  }
}

const tooLong = (path: string, line: number): InputItem => fileError(path, `the line is too long: ${CASE_LIMITS.bytes.describe}`, line);

/** One case per line; blank lines are skipped (see lines.ts for what ends a line). */
/** `chunkBytes`: how much to read at a time (the quick count reads big chunks: it parses nothing). */
async function* readNdjson(path: string, chunkBytes?: number): AsyncGenerator<InputItem> {
  let line = 0;
  try {
    const handle = await open(path);
    try {
      for await (const physical of physicalLines(handle, 'lf', CASE_LIMITS.bytes.value, chunkBytes)) {
        line = physical.number;
        if (physical.tooLong) yield tooLong(path, line);
        else if (physical.text.trim()) yield { kind: 'text', origin: { source: path, line }, text: physical.text, jsonOnly: true, sha256: sha256Hex(physical.raw) };
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
  /** The header's bytes, for each row's hash; absent when the header line was too long to hold. */
  raw?: Buffer;
}

function readHeader(record: CsvRecord): Header {
  if (record.problem !== undefined) {
    const problem = record.cell === undefined ? record.problem : `cell ${record.cell + 1} ${record.problem}`;
    return { columns: [], issues: [{ field: null, problem: `the header (line ${record.line}) cannot be read as CSV: ${problem}` }], caseIdColumn: -1, nameColumn: -1, ...(record.raw ? { raw: record.raw } : {}) };
  }
  const columns = rosterColumns(record.cells);
  return {
    columns,
    issues: headerIssues(columns),
    caseIdColumn: columns.findIndex((column) => column.name === 'caseId'),
    nameColumn: columns.findIndex((column) => column.path.join('.') === 'person.name'),
    raw: record.raw,
  };
}

const LINE_FEED = Buffer.from('\n');

/** A row's hash (see InputItem): the header's bytes, a line feed, the row's bytes; none unless both were held. */
function rowSha256(header: Header, record: CsvRecord): { sha256?: string } {
  return header.raw && record.raw ? { sha256: sha256Hex(header.raw, LINE_FEED, record.raw) } : {};
}

function readRow(path: string, header: Header, record: CsvRecord, dateOrder: DateOrder): InputItem {
  const origin = { source: path, line: record.line };
  const hashed = rowSha256(header, record);
  if (record.problem !== undefined) {
    const issue: CaseIssue =
      record.cell === undefined
        ? { field: null, problem: record.problem }
        : { field: header.columns[record.cell]?.name || null, problem: `cannot be read as CSV: cell ${record.cell + 1} ${record.problem}` };
    return { kind: 'error', origin, issues: [...header.issues, issue], ...hashed };
  }
  const row = rowToCase(header.columns, record.cells, dateOrder);
  const issues = [...header.issues, ...('issues' in row ? row.issues : [])];
  // A row without issues is under a readable header and was read whole: both hashed.
  if (!issues.length) return { kind: 'value', origin, value: 'value' in row ? row.value : undefined, sha256: hashed.sha256! };
  const caseId = record.cells[header.caseIdColumn]?.trim();
  const clientName = record.cells[header.nameColumn]?.trim();
  return { kind: 'error', origin, issues, ...(caseId ? { caseId } : {}), ...(clientName ? { clientName } : {}), ...hashed };
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

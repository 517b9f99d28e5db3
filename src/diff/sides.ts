/**
 * One side of `relief diff`: a batch output (NDJSON or CSV, as `relief batch` writes them) or one
 * `relief screen --format json` report, read into one compact result per client: where it came
 * from, whether it was screened, and per program what the diff compares (an eligibility program's
 * outcome, a discretion program's classifications) and the hash of the input it was screened from
 * (its audit stamp's caseSha256). A JSON report, one screening, keeps more: its what-ifs and, per
 * program, whether it needs review, each rule's status and the review points, so that two
 * screenings of one case (a case and a what-if) show which findings changed. Nothing else of a record is kept, so two
 * outputs of a large roster fit in memory. Anything that is not such an output is refused with
 * the file and line (DiffInputError), never skipped: a record dropped here would be a client the
 * diff silently forgot.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CASE_LIMITS } from '../case/limits.js';
import { csvRecords } from '../batch/csv-records.js';
import { NOT_IN_FORCE } from '../batch/formats.js';
import { physicalLines, type LineEnds, type PhysicalLine } from '../batch/lines.js';
import type { LoadedPack } from '../packs/load.js';

/** What the diff compares for one program: field ("outcome", "priority", "level") -> value. */
export type ProgramResults = Map<string, string>;

export interface ClientResult {
  caseId: string | null;
  clientName: string | null;
  source: string;
  /** Position in the batch (from 1); null for a single report. */
  index: number | null;
  line: number | null;
  status: 'screened' | 'error';
  screeningDate: string | null;
  rulesVersion: string | null;
  /** The audit stamp's hash of the input; null in an output made before the stamp, or for an input that could not be read. */
  caseSha256: string | null;
  programs: Map<string, ProgramResults>;
  /** The findings of a JSON report; null for a batch record, which carries none. */
  report: ReportDetail | null;
}

/** A rule's result in one screening. */
export interface RuleResult {
  name: string;
  kind: string;
  status: string;
}

export interface ProgramDetail {
  needsReview: boolean | null;
  /** rule id -> its result, in the report's order. */
  rules: Map<string, RuleResult>;
  /** The review points, each as its code, reason and subject say it. */
  reviewPoints: string[];
}

export interface ReportDetail {
  /** The --what-if changes the report was screened with, as it prints them. */
  whatIfs: string[];
  programs: Map<string, ProgramDetail>;
}

export type SideFormat = 'ndjson' | 'csv' | 'report';

export interface Side {
  file: string;
  format: SideFormat;
  clients: ClientResult[];
  /** program -> its pack's version, when the output records it (a JSON report does; batch records carry only rulesVersion). */
  packVersions: Map<string, string>;
}

/** A file that is not an output `relief diff` can read, with what is wrong and where. */
export class DiffInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DiffInputError';
  }
}

/** A classification the facts do not settle: null in NDJSON and JSON, "undetermined" in CSV. */
const UNDETERMINED = 'undetermined';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const classification = (value: unknown): string => (typeof value === 'string' ? value : UNDETERMINED);

/** The programs and their fields, from the loaded packs: what the CSV columns and a report's keys mean. */
export interface ProgramFields {
  kind: Map<string, 'eligibility' | 'discretion'>;
  classifications: Map<string, string[]>;
}

/**
 * The programs a record or report lists as not screened on its date (notInForce: their rules begin
 * later), each result field reading not_in_force, as the batch CSV writes it: so the formats agree,
 * and a program that comes into force (or leaves) between two runs is a change.
 */
function notInForcePrograms(value: Record<string, unknown>, fields: ProgramFields): [string, ProgramResults][] {
  const listed = Array.isArray(value.notInForce) ? value.notInForce : [];
  return listed.flatMap((entry: unknown): [string, ProgramResults][] => {
    if (!isObject(entry) || typeof entry.program !== 'string') return [];
    const names = fields.kind.get(entry.program) === 'discretion' ? (fields.classifications.get(entry.program) ?? []) : ['outcome'];
    return [[entry.program, new Map(names.map((name) => [name, NOT_IN_FORCE]))]];
  });
}

export function programFields(packs: readonly LoadedPack[]): ProgramFields {
  return {
    kind: new Map(packs.map(({ pack }) => [pack.program, pack.kind])),
    classifications: new Map(packs.map(({ pack }) => [pack.program, Object.keys(pack.classifications ?? {})])),
  };
}

export async function readSide(file: string, fields: ProgramFields): Promise<Side> {
  try {
    // A side is read twice (its first line says what it is), which a pipe or a device cannot be:
    // its data would be gone by the second read, and every client with it.
    const kind = await stat(file);
    if (kind.isDirectory()) throw new DiffInputError(file, 'is a folder, not a batch output or a JSON report');
    if (!kind.isFile()) throw new DiffInputError(file, 'is not a regular file (a pipe or a device): save the batch output or the report to a file and compare that');
    if (extname(file).toLowerCase() === '.csv') return await readCsv(file, fields);
    const first = await firstLine(file);
    // No line at all: a batch output of no cases.
    if (first === EMPTY || (first !== TOO_LONG && looksLikeRecord(first))) return await readNdjson(file, fields);
    return await readReport(file, fields);
  } catch (error) {
    if (error instanceof DiffInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DiffInputError(file, 'does not exist');
    if (code === 'EISDIR') throw new DiffInputError(file, 'is a folder, not a batch output or a JSON report');
    if (code === 'EACCES' || code === 'EPERM') throw new DiffInputError(file, 'cannot be read (permission denied)');
    throw error;
  }
}

async function* linesOf(file: string, ends: LineEnds = 'lf'): AsyncGenerator<PhysicalLine> {
  const handle = await open(file);
  try {
    yield* physicalLines(handle, ends, CASE_LIMITS.bytes.value);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const EMPTY = Symbol('no line');
const TOO_LONG = Symbol('a line longer than a batch record can be');

/** The first line that is not blank. */
async function firstLine(file: string): Promise<string | typeof EMPTY | typeof TOO_LONG> {
  for await (const line of linesOf(file)) {
    if (line.tooLong) return TOO_LONG;
    if (line.text.trim()) return line.text;
  }
  return EMPTY;
}

/** The caseSha256 of a record's or a report's audit stamp. */
const stampedHash = (value: Record<string, unknown>): string | null => (isObject(value.audit) ? text(value.audit.caseSha256) : null);

function looksLikeRecord(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) && 'index' in value && 'status' in value;
  } catch {
    return false;
  }
}

/** A batch NDJSON record as the diff keeps it, or why it is not one. */
function fromRecord(value: unknown, fields: ProgramFields): ClientResult | string {
  if (!isObject(value)) return 'is not a batch record (a JSON object)';
  const { index, source, line, status } = value;
  if (typeof index !== 'number' || typeof source !== 'string' || (status !== 'screened' && status !== 'error')) {
    return 'is not a batch record (it needs "index", "source" and "status": screened or error)';
  }
  const programs = new Map<string, ProgramResults>();
  if (status === 'screened') {
    if (!Array.isArray(value.programs)) return 'is a screened record without a "programs" list';
    for (const program of value.programs) {
      if (!isObject(program) || typeof program.program !== 'string') return 'has a program without its "program" id';
      const results: ProgramResults = new Map();
      if (typeof program.outcome === 'string') results.set('outcome', program.outcome);
      if (isObject(program.classifications)) for (const [field, result] of Object.entries(program.classifications)) results.set(field, classification(result));
      programs.set(program.program, results);
    }
    for (const [program, results] of notInForcePrograms(value, fields)) programs.set(program, results);
  }
  return {
    caseId: text(value.caseId),
    clientName: text(value.clientName),
    source,
    index,
    line: typeof line === 'number' ? line : null,
    status,
    screeningDate: text(value.screeningDate),
    rulesVersion: text(value.rulesVersion),
    caseSha256: stampedHash(value),
    programs,
    report: null,
  };
}

async function readNdjson(file: string, fields: ProgramFields): Promise<Side> {
  const clients: ClientResult[] = [];
  for await (const line of linesOf(file)) {
    if (line.tooLong) throw new DiffInputError(file, `line ${line.number} is longer than a batch record can be`);
    if (!line.text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      throw new DiffInputError(file, `line ${line.number} is not JSON: every line of a batch NDJSON output is one record`);
    }
    const client = fromRecord(value, fields);
    if (typeof client === 'string') throw new DiffInputError(file, `line ${line.number} ${client}`);
    clients.push(client);
  }
  return { file, format: 'ndjson', clients, packVersions: new Map() };
}

/**
 * A cell as the record held it: the batch CSV writes a text a spreadsheet would run as a formula
 * with a leading quote (formats.ts), so "'=x" in a CSV is the case id "=x" of an NDJSON output.
 */
const unguarded = (cell: string): string => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

/** The columns every batch CSV has; the others are read through the packs (or not compared). */
const CSV_REQUIRED = ['index', 'source', 'caseId', 'status'];

async function readCsv(file: string, fields: ProgramFields): Promise<Side> {
  const clients: ClientResult[] = [];
  let header: string[] | undefined;
  let column: (name: string) => number = () => -1;
  // A spreadsheet that saved the output again may have ended its lines with CRLF.
  for await (const record of csvRecords(linesOf(file, 'any'), () => header?.length, CASE_LIMITS.bytes)) {
    if (record.problem !== undefined) throw new DiffInputError(file, `line ${record.line} cannot be read as CSV: ${record.problem}`);
    if (!header) {
      header = record.cells;
      const at = new Map(header.map((name, i) => [name, i]));
      column = (name) => at.get(name) ?? -1;
      const absent = CSV_REQUIRED.filter((name) => column(name) < 0);
      if (absent.length) throw new DiffInputError(file, `is not a relief batch CSV output: its header has no ${absent.map((name) => `"${name}"`).join(', ')} column`);
      continue;
    }
    if (record.cells.length !== header.length) throw new DiffInputError(file, `line ${record.line} has ${record.cells.length} cells but the header has ${header.length}`);
    const cell = (name: string): string | null => {
      const i = column(name);
      return i < 0 || record.cells[i] === '' ? null : unguarded(record.cells[i]!);
    };
    const index = Number(cell('index'));
    const status = cell('status');
    if (!Number.isInteger(index) || (status !== 'screened' && status !== 'error')) {
      throw new DiffInputError(file, `line ${record.line} is not a batch row (its index must be a number and its status screened or error)`);
    }
    const programs = new Map<string, ProgramResults>();
    if (status === 'screened') {
      for (const [program, kind] of fields.kind) {
        const names = kind === 'eligibility' ? [['outcome', program]] : fields.classifications.get(program)!.map((field) => [field, `${program}.${field}`]);
        const results: ProgramResults = new Map();
        for (const [field, name] of names) {
          const value = cell(name!);
          if (value !== null) results.set(field!, value);
        }
        if (results.size) programs.set(program, results);
      }
    }
    const line = cell('line');
    clients.push({
      caseId: cell('caseId'),
      clientName: cell('clientName'),
      source: cell('source') ?? '',
      index,
      line: line === null ? null : Number(line),
      status,
      screeningDate: cell('screeningDate'),
      rulesVersion: cell('rulesVersion'),
      caseSha256: cell('caseSha256'),
      programs,
      report: null,
    });
  }
  if (!header) throw new DiffInputError(file, 'is empty: a batch CSV output starts with its header');
  return { file, format: 'csv', clients, packVersions: new Map() };
}

async function readReport(file: string, fields: ProgramFields): Promise<Side> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new DiffInputError(file, 'is neither a batch output (NDJSON, one record per line; or CSV) nor a JSON report of relief screen --format json (it is not JSON)');
  }
  if (!isObject(value) || value.tool !== 'relief-screen' || !Array.isArray(value.programs)) {
    throw new DiffInputError(file, 'is JSON but neither a batch output nor a report of relief screen --format json (it needs "tool": "relief-screen" and a "programs" list)');
  }
  const programs = new Map<string, ProgramResults>();
  const packVersions = new Map<string, string>();
  const details = new Map<string, ProgramDetail>();
  for (const program of value.programs) {
    if (!isObject(program) || typeof program.program !== 'string') throw new DiffInputError(file, 'has a program without its "program" id');
    const detail = programDetail(program);
    if (typeof detail === 'string') throw new DiffInputError(file, `program "${program.program}" ${detail}`);
    details.set(program.program, detail);
    const results: ProgramResults = new Map();
    if (typeof program.outcome === 'string') results.set('outcome', program.outcome);
    // A report holds a discretion program's classifications in its item's classifications mapping (the
    // pack names them); a report written before they were nested has them as keys of the item itself.
    const classified = isObject(program.classifications) ? program.classifications : program;
    for (const field of program.kind === 'discretion' ? (fields.classifications.get(program.program) ?? []) : []) results.set(field, classification(classified[field]));
    programs.set(program.program, results);
    if (typeof program.packVersion === 'string') packVersions.set(program.program, program.packVersion);
  }
  for (const [program, results] of notInForcePrograms(value, fields)) programs.set(program, results);
  const client: ClientResult = {
    caseId: text(value.caseId),
    clientName: null,
    source: text(value.source) ?? file,
    index: null,
    line: null,
    status: 'screened',
    screeningDate: text(value.screeningDate),
    rulesVersion: text(value.rulesVersion),
    caseSha256: stampedHash(value),
    programs,
    report: { whatIfs: Array.isArray(value.whatIfs) ? value.whatIfs.filter((change): change is string => typeof change === 'string') : [], programs: details },
  };
  return { file, format: 'report', clients: [client], packVersions };
}

/** A review point as one text: its code, reason and subject (the same reason about two convictions is two points). */
const reviewPoint = (point: Record<string, unknown>): string | null => {
  if (typeof point.reason !== 'string') return null;
  const code = typeof point.code === 'string' ? `${point.code}: ` : '';
  return `${code}${point.reason}${typeof point.subject === 'string' ? ` [${point.subject}]` : ''}`;
};

/** A report program's findings and review points, or what is wrong with them. */
function programDetail(program: Record<string, unknown>): ProgramDetail | string {
  const rules = new Map<string, RuleResult>();
  const findings = program.findings ?? [];
  if (!Array.isArray(findings)) return 'has "findings" that are not a list';
  for (const finding of findings) {
    if (!isObject(finding) || typeof finding.rule !== 'string' || typeof finding.status !== 'string') return 'has a finding without its "rule" and "status"';
    rules.set(finding.rule, { name: text(finding.name) ?? finding.rule, kind: text(finding.kind) ?? '', status: finding.status });
  }
  const reasons = program.reviewReasons ?? [];
  if (!Array.isArray(reasons)) return 'has "reviewReasons" that are not a list';
  const reviewPoints: string[] = [];
  for (const reason of reasons) {
    const point = isObject(reason) ? reviewPoint(reason) : null;
    if (point === null) return 'has a review reason without its "reason"';
    reviewPoints.push(point);
  }
  return { needsReview: typeof program.needsReview === 'boolean' ? program.needsReview : null, rules, reviewPoints };
}

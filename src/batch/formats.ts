/**
 * The batch's data output: NDJSON (one record per line) or CSV (one row per case). CSV columns
 * come from the loaded packs, so a new pack gets its column without a code change: an
 * eligibility program's outcome in a column named by its id, a discretion program's
 * classifications in "<program>.<classification>" columns (morton.priority, morton.level), each
 * followed by "<program>.reason", the one reason that decides it. `relief diff` reads the result
 * columns by these names through the packs, so a reason column is never taken for a result. A
 * text cell that a spreadsheet would run as a formula is written as text (see csvCell). The audit
 * stamp's rulesVersion and screeningDate are the columns of those names; the rest of it comes
 * after the other columns (toolVersion, caseSha256, producedAt), so the columns before keep their
 * places; staleResearch (the programs whose pack's research is old at the screening date) was added
 * last for the same reason.
 */
import { REASON_COLUMN, type LoadedPack } from '../packs/load.js';
import { describeIssue } from '../case/load.js';
import { inert } from '../text/inert.js';
import { firstBar, programsToConsider, type BatchRecord, type ProgramSummary } from './records.js';
import { notInForceReason } from './triage.js';

export type DataFormat = 'ndjson' | 'csv';

interface CsvColumn {
  name: string;
  read: (record: BatchRecord) => string | number | null;
}

/**
 * A classification the facts cannot settle (null in the report). "none" (Morton's level for a client
 * with no conviction) is a value of its own and is written as it is, as in the text and JSON reports.
 */
export const UNDETERMINED = 'undetermined';

/**
 * What the result columns of a program not screened on the case's screening date say (its rules
 * begin later: the record's notInForce); its reason column says from when, and the law.
 */
export const NOT_IN_FORCE = 'not_in_force';

function programColumns(loaded: LoadedPack): CsvColumn[] {
  const { pack } = loaded;
  const result = (record: BatchRecord) => (record.status === 'screened' ? record.programs.find((p) => p.program === pack.program) : undefined);
  const early = (record: BatchRecord) => (record.status === 'screened' ? record.notInForce.find((entry) => entry.program === pack.program) : undefined);
  const outcome = (record: BatchRecord, read: (program: ProgramSummary) => string | null) => {
    const program = result(record);
    return program ? read(program) : early(record) ? NOT_IN_FORCE : null;
  };
  const reason: CsvColumn = {
    name: `${pack.program}.${REASON_COLUMN}`,
    read: (record) => {
      const entry = early(record);
      return entry ? notInForceReason(entry) : (result(record)?.reason ?? null);
    },
  };
  if (pack.kind === 'eligibility') return [{ name: pack.program, read: (record) => outcome(record, (program) => program.outcome ?? null) }, reason];
  const classifications = Object.keys(pack.classifications ?? {}).map((field) => ({
    name: `${pack.program}.${field}`,
    read: (record: BatchRecord) => outcome(record, (program) => program.classifications?.[field] ?? UNDETERMINED),
  }));
  return [...classifications, reason];
}

function csvColumns(packs: readonly LoadedPack[]): CsvColumn[] {
  const screened = (read: (record: Extract<BatchRecord, { status: 'screened' }>) => string | null) => (record: BatchRecord) =>
    record.status === 'screened' ? read(record) : null;
  return [
    { name: 'index', read: (r) => r.index },
    { name: 'source', read: (r) => r.source },
    { name: 'line', read: (r) => r.line },
    { name: 'caseId', read: (r) => r.caseId },
    { name: 'clientName', read: (r) => r.clientName ?? null },
    { name: 'status', read: (r) => r.status },
    { name: 'triage', read: (r) => r.triage },
    { name: 'triageRank', read: (r) => r.triageRank },
    // From the stamp, so an error row shows them too when known.
    { name: 'screeningDate', read: (r) => r.audit.screeningDate },
    { name: 'rulesVersion', read: (r) => r.audit.rulesVersion },
    ...packs.flatMap(programColumns),
    { name: 'needsReview', read: screened((r) => (r.needsReview ? 'yes' : 'no')) },
    { name: 'reviewPrograms', read: screened((r) => r.programs.filter((p) => p.needsReview).map((p) => p.program).join(';')) },
    { name: 'nextQuestions', read: screened((r) => r.nextQuestions.join(';')) },
    { name: 'firstBar', read: screened(firstBar) },
    { name: 'errors', read: (r) => (r.status === 'error' ? r.errors.map(describeIssue).join('; ') : null) },
    { name: 'reportFile', read: (r) => r.reportFile ?? null },
    { name: 'toolVersion', read: (r) => r.audit.toolVersion },
    { name: 'caseSha256', read: (r) => r.audit.caseSha256 },
    { name: 'producedAt', read: (r) => r.audit.producedAt },
    // Added after the stamp's columns, so every column before it keeps its place.
    { name: 'staleResearch', read: screened((r) => r.staleResearch.join(';')) },
    { name: 'alsoConsider', read: screened((r) => programsToConsider(r).join(';')) },
  ];
}

/**
 * A text cell a spreadsheet would read as a formula (CSV injection): OWASP's list of first
 * characters (TAB and CR among them, though inert() below already writes those as escapes).
 * Such a cell gets a leading single quote, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Numbers are the tool's own (index, line: never negative) and are written as they are. Every text
 * cell, the input's or the packs', is made inert (CSV is read on terminals as much as in
 * spreadsheets: a case id must not retitle a terminal), then neutralised if a spreadsheet would
 * evaluate it.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = inert(value);
  const formula = FORMULA_START.test(safe);
  const text = formula ? `'${safe}` : safe;
  return formula || /[",]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of cells, each written as csvCell writes it (also `relief diff --format csv`). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}

export interface DataWriter {
  header: string;
  line: (record: BatchRecord) => string;
}

export function dataWriter(format: DataFormat, packs: readonly LoadedPack[]): DataWriter {
  if (format === 'ndjson') return { header: '', line: (record) => `${JSON.stringify(record)}\n` };
  const columns = csvColumns(packs);
  return { header: csvLine(columns.map((c) => c.name)), line: (record) => csvLine(columns.map((c) => c.read(record))) };
}

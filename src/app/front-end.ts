/**
 * The screening front end, the same for every caller: a case as read -> validated (after any
 * "what if" changes) -> its screening date chosen -> checked against that date -> screened ->
 * stamped. `relief screen`, flips, quiz, the interview, the batch, the fixture test and the bench
 * differ only in how the case arrives and what they ask of it, which they give as inputs here; the
 * steps, and so the error paragraphs and the audit stamp, are one.
 */
import type { EpochDay } from '../case/dates.js';
import { caseFromValue, checkScreeningDate, parseCaseText, readCaseInput, readCaseTextNow, screeningDayFor, type CaseChanges } from '../case/load.js';
import type { CaseFile } from '../case/schema.js';
import { stampReport } from './audit.js';
import type { Report, Screener } from './screen.js';

/** How a case arrives. */
export type CaseArrival =
  /** A case file named on the command line: a path, or "-" for standard input (read from `stdin`; absent: an empty one). */
  | { path: string; stdin?: () => AsyncIterable<Uint8Array> }
  /** A file by its path, "-" included (a saved case the interview reopens). */
  | { file: string }
  /** The text of one case (a batch's case file or NDJSON line): JSON when `format` says so, else told by the name (parseCaseText). */
  | { text: string; name: string; sha256: string; format?: 'json' }
  /** A case already parsed, not yet validated (a roster row, a fixture). */
  | { value: unknown; name: string; sha256: string }
  /** A case already validated (the one the interview built), with the hash of the file it was saved as. */
  | { caseFile: CaseFile; name: string; sha256: string };

/** A case read: parsed (or validated already), with the names it goes by and the hash of its bytes. */
export interface ReadCase {
  /** The case as parsed, not yet validated: what a batch error record takes its case id from. */
  raw: unknown;
  /** Set when the case arrived validated: nothing validates it again. */
  validated?: CaseFile;
  /** How an error paragraph names it: the path, "standard input", "roster.csv:3". */
  name: string;
  /** How the report names it (Report.source): the name, or "(standard input)". */
  source: string;
  /** SHA-256 of the case's bytes as read: the audit stamp's caseSha256. */
  sha256: string;
}

/** What decides the screening date, and the changes made to the case first. */
export interface CaseDating {
  /** --as-of: overrides the case's own screeningDate. */
  asOf?: string;
  /** The screening date of a case that gives none, when asOf is not set. */
  today: EpochDay;
  /**
   * "What if" changes to make before validating (relief screen's --what-if and --scenario). A
   * scenario may move the screening date: `asOf()` is then read once the changes are made, and
   * replaces asOf.
   */
  changes?: { made: CaseChanges; asOf: () => string | undefined };
}

/** A case valid and consistent with its screening date: ready to screen. */
export interface CheckedCase {
  caseFile: CaseFile;
  screeningDay: EpochDay;
  read: ReadCase;
}

/** What the screening is asked for. */
export interface ScreenRequest {
  /** Only these programs (--program). */
  programs?: string[];
  /** The labels of the "what if" changes made, for the report's header; read after the case was checked. */
  whatIfs?: () => string[];
  /** When the result is produced: the audit stamp's producedAt. */
  producedAt: Date;
}

/** Reads a case as it arrives; a file that cannot be read, or text that does not parse, is an InputError. */
export async function readCase(arrival: CaseArrival): Promise<ReadCase> {
  if ('path' in arrival) {
    const input = await readCaseInput(arrival.path, arrival.stdin);
    return { raw: parseCaseText(input.text, input.name), name: input.name, source: input.source, sha256: input.sha256 };
  }
  if ('file' in arrival) {
    const { text, sha256 } = readCaseTextNow(arrival.file);
    return { raw: parseCaseText(text, arrival.file), name: arrival.file, source: arrival.file, sha256 };
  }
  const { name, sha256 } = arrival;
  if ('text' in arrival) return { raw: parseCaseText(arrival.text, name, arrival.format), name, source: name, sha256 };
  if ('value' in arrival) return { raw: arrival.value, name, source: name, sha256 };
  return { raw: arrival.caseFile, validated: arrival.caseFile, name, source: name, sha256 };
}

/**
 * Validates a case read (after the changes), chooses its screening date (asOf, else the case's
 * screeningDate, else today) and checks the case against it: an InputError naming the case when
 * it is invalid or dates an event after the screening date.
 */
export function checkCase(read: ReadCase, dating: CaseDating): CheckedCase {
  const caseFile = read.validated ?? caseFromValue(read.raw, read.name, dating.changes?.made);
  const asOf = dating.changes ? dating.changes.asOf() : dating.asOf;
  const screeningDay = screeningDayFor(asOf, caseFile.screeningDate, dating.today);
  checkScreeningDate(caseFile, screeningDay, read.name);
  return { caseFile, screeningDay, read };
}

/** Screens a checked case and stamps the report with the case's hash. */
export async function screenChecked(screener: Screener, checked: CheckedCase, request: ScreenRequest): Promise<Report> {
  const { caseFile, screeningDay, read } = checked;
  const screening = await screener.screen(caseFile, {
    screeningDay,
    source: read.source,
    ...(request.whatIfs ? { whatIfs: request.whatIfs() } : {}),
    ...(request.programs ? { programs: request.programs } : {}),
  });
  return stampReport(screening, { caseSha256: read.sha256, producedAt: request.producedAt });
}

/** The whole front end: a case as it arrives (or as read already) to its stamped report. */
export async function screenCase(screener: Screener, arrival: CaseArrival | ReadCase, dating: CaseDating, request: ScreenRequest): Promise<{ report: Report; checked: CheckedCase }> {
  const read = 'raw' in arrival ? arrival : await readCase(arrival);
  const checked = checkCase(read, dating);
  return { report: await screenChecked(screener, checked, request), checked };
}

/**
 * One batch record per input case: the compact answer a paralegal sorts by (the triage group and
 * rank, outcome or classification per program with its one deciding reason, review flag, the bars
 * that apply, the next questions to ask), or the error that kept the case from being screened.
 * The full report goes to --reports; these records are the NDJSON/CSV output.
 */
import type { AuditStamp } from '../app/audit.js';
import type { Report } from '../app/screen.js';
import type { CaseIssue } from '../case/load.js';
import type { NotInForce } from '../packs/dated-parameters.js';
import { programReason, type Triage } from './triage.js';
import { elementsNotMet, uncuredBars } from '../findings/deciding.js';

export interface ProgramSummary {
  program: string;
  kind: 'eligibility' | 'discretion';
  /** Eligibility programs. */
  outcome?: string;
  /** Discretion programs: e.g. Morton's priority and level ("none" with no conviction); null only where the facts do not settle it. */
  classifications?: Record<string, string | null>;
  needsReview: boolean;
  /** Review codes raised by this case: the legal questions its facts raise. */
  review: string[];
  /** Caution codes: points true of every client in this position, which never set needsReview. */
  cautions: string[];
  /** Bars that apply and that no applying waiver cures, in the pack's order. */
  bars: string[];
  /** Bars that apply but a waiver that applies cures, as "rule (cured by waiver)". */
  waived: string[];
  /** Required elements the known facts fail: the program is not eligible, and its bars are not what to act on. */
  notMet: string[];
  /**
   * With a result open (an outcome, a classification): how many of the case's decisive questions
   * could settle or narrow it; 0 when no case fact could (a question of law). Absent when nothing is open.
   */
  decisiveQuestions?: number;
  /** The one reason that decides the result, at most REASON_MAX characters (triage.ts); null when eligible or nothing decides it. */
  reason: string | null;
  /** The programs this program's facts point at (the report's alsoConsider), by id. */
  alsoConsider: string[];
}

interface RecordBase extends Triage {
  /** Position in the input, from 1: the output keeps this order. */
  index: number;
  source: string;
  line: number | null;
  caseId: string | null;
  /** person.name (a roster's clientName column), when given: in the data outputs, never in the summary on stderr. */
  clientName?: string;
  /** The --reports report written for this case. */
  reportFile?: string;
}

/**
 * An error record's stamp: what is known of a case that was not screened. The case's hash when its
 * bytes were read (not for a file that could not be read or a line too long to hold); the screening
 * date only when --as-of set it (a case's own screeningDate is not trusted from an invalid case).
 */
export interface ErrorStamp extends Omit<AuditStamp, 'caseSha256' | 'screeningDate'> {
  caseSha256: string | null;
  screeningDate: string | null;
}

export interface ScreenedRecord extends RecordBase {
  status: 'screened';
  /** The same stamp as the case's report (app/audit.ts): it repeats screeningDate and rulesVersion. */
  audit: AuditStamp;
  screeningDate: string;
  rulesVersion: string;
  needsReview: boolean;
  /** The case's decisive questions as fields, the nearest result's first, at most NEXT_QUESTIONS_MAX (triage.ts). */
  nextQuestions: string[];
  /** The programs whose rule pack's research is old at the screening date (the report's staleResearch, by program id). */
  staleResearch: string[];
  /** The programs asked for that were not screened on the screening date because their rules begin later (the report's notInForce); absent from `programs`. */
  notInForce: NotInForce[];
  programs: ProgramSummary[];
}

export interface ErrorRecord extends RecordBase {
  status: 'error';
  audit: ErrorStamp;
  errors: CaseIssue[];
}

export type BatchRecord = ScreenedRecord | ErrorRecord;

/** A program's summary; `decisive`: the decisive questions naming it, when it has a result open (triage.ts). */
export function summarizeProgram(program: Report['programs'][number], decisive: readonly unknown[] | undefined): ProgramSummary {
  const waived = program.findings
    .filter((finding) => finding.kind === 'bar' && finding.status === 'applies' && finding.defeatedBy)
    .map((finding) => `${finding.rule} (cured by ${finding.defeatedBy!.join(', ')})`);
  return {
    program: program.program,
    kind: program.kind,
    ...(program.outcome ? { outcome: program.outcome } : {}),
    ...(program.classifications ? { classifications: program.classifications } : {}),
    needsReview: program.needsReview,
    review: [...new Set(program.reviewReasons.map((reason) => reason.code))],
    cautions: program.cautions.map((caution) => caution.code),
    bars: uncuredBars(program),
    waived,
    notMet: elementsNotMet(program),
    ...(decisive ? { decisiveQuestions: decisive.length } : {}),
    reason: programReason(program),
    alsoConsider: program.alsoConsider.map((item) => item.program),
  };
}

/**
 * The bars that count, in the programs' order: those of programs whose required elements are all
 * met (or open). A bar of a program whose elements already fail (the T visa's entry ground for a
 * client never trafficked) is not what to act on.
 */
export function barsThatCount(record: ScreenedRecord): { program: string; bar: string }[] {
  return record.programs.filter((p) => p.notMet.length === 0).flatMap((p) => p.bars.map((bar) => ({ program: p.program, bar })));
}

/** Every program some program of the case points at (alsoConsider), each once, in the order first named: the CSV column. */
export function programsToConsider(record: ScreenedRecord): string[] {
  return [...new Set(record.programs.flatMap((program) => program.alsoConsider))];
}

/** The first bar that counts, as "program:rule", for sorting and the CSV column. */
export function firstBar(record: ScreenedRecord): string | null {
  const [first] = barsThatCount(record);
  return first ? `${first.program}:${first.bar}` : null;
}

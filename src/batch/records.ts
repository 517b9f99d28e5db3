/**
 * One batch record per input case: the compact answer a paralegal sorts by (outcome or
 * classification per program, review flag, the bars that apply), or the error that kept the case
 * from being screened. The full report goes to --reports; these records are the NDJSON/CSV output.
 */
import type { Report } from '../app/screen.js';
import type { CaseIssue } from '../case/load.js';

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
}

interface RecordBase {
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

export interface ScreenedRecord extends RecordBase {
  status: 'screened';
  screeningDate: string;
  rulesVersion: string;
  needsReview: boolean;
  programs: ProgramSummary[];
}

export interface ErrorRecord extends RecordBase {
  status: 'error';
  errors: CaseIssue[];
}

export type BatchRecord = ScreenedRecord | ErrorRecord;

export function summarizeProgram(program: Report['programs'][number]): ProgramSummary {
  const applying = program.findings.filter((finding) => finding.kind === 'bar' && finding.status === 'applies');
  const bars = applying.filter((finding) => !finding.defeatedBy).map((finding) => finding.rule);
  const waived = applying.filter((finding) => finding.defeatedBy).map((finding) => `${finding.rule} (cured by ${finding.defeatedBy!.join(', ')})`);
  return {
    program: program.program,
    kind: program.kind,
    ...(program.outcome ? { outcome: program.outcome } : {}),
    ...(program.classifications ? { classifications: program.classifications } : {}),
    needsReview: program.needsReview,
    review: [...new Set(program.reviewReasons.map((reason) => reason.code))],
    cautions: program.cautions.map((caution) => caution.code),
    bars,
    waived,
  };
}

/** The first bar that applies uncured, as "program:rule", for sorting and the CSV column. */
export function firstBar(record: ScreenedRecord): string | null {
  for (const program of record.programs) if (program.bars[0]) return `${program.program}:${program.bars[0]}`;
  return null;
}

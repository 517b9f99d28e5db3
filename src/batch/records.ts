/**
 * One batch record per input case: the compact answer a paralegal sorts by (outcome or
 * classification per program, review flag, the bars that apply), or the error that kept the case
 * from being screened. The full report goes to --out; these records are the NDJSON/CSV output.
 */
import type { Report } from '../app/screen.js';
import type { CaseIssue } from '../case/load.js';

export interface ProgramSummary {
  program: string;
  kind: 'eligibility' | 'discretion';
  /** Eligibility programs. */
  outcome?: string;
  /** Discretion programs: e.g. Morton's priority and level; null where the facts do not settle it. */
  classifications?: Record<string, string | null>;
  needsReview: boolean;
  /** Review codes raised by this case (the program-wide legal-status caution left out). */
  review: string[];
  /** Bars that apply, in the pack's order; a bar a waiver cures is listed as "rule (cured by waiver)". */
  bars: string[];
}

interface RecordBase {
  /** Position in the input, from 1: the output keeps this order. */
  index: number;
  source: string;
  line: number | null;
  caseId: string | null;
  /** The --out report written for this case. */
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
  const bars = program.findings
    .filter((finding) => finding.kind === 'bar' && finding.status === 'applies')
    .map((finding) => (finding.defeatedBy ? `${finding.rule} (cured by ${finding.defeatedBy.join(', ')})` : finding.rule));
  return {
    program: program.program,
    kind: program.kind,
    ...(program.outcome ? { outcome: program.outcome } : {}),
    ...(program.classifications ? { classifications: program.classifications } : {}),
    needsReview: program.needsReview,
    review: [...new Set(program.reviewReasons.map((reason) => reason.code).filter((code) => code !== 'legal-status'))],
    bars,
  };
}

/** The first bar that applies, as "program:rule", for sorting and the CSV column. */
export function firstBar(record: ScreenedRecord): string | null {
  for (const program of record.programs) if (program.bars[0]) return `${program.program}:${program.bars[0]}`;
  return null;
}

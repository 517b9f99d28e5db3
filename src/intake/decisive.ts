/**
 * The unknown facts worth asking after a screening: those whose answer could still change a
 * result. This is the only place the interview reads that from a report. Today it is worked out
 * from each program's `missing` list; once the report carries its own deduplicated, ranked
 * `questions` (issue 18, parts 1-2), the body becomes
 * `report.questions.filter((q) => q.decisive).map(({ field, question, programs }) => ({ field, question, programs }))`.
 */
import type { Report, Screener } from '../app/screen.js';
import type { EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import type { ProgramResult } from '../findings/program-result.js';
import type { OpenFacts } from './planner.js';

export interface DecisiveUnknown {
  field: string;
  question: string;
  /** The programs whose open result the answer could change. */
  programs: string[];
}

/**
 * Whether a program's result can no longer change: adding facts never flips a settled rule (the
 * soundness property), so an outcome of eligible or barred stays, and so do classifications none
 * of which is undetermined. (Eligible with a waiver can still become eligible: it stays open.)
 */
function settled(program: ProgramResult): boolean {
  if (program.kind === 'discretion') return (program.undetermined ?? []).length === 0;
  return program.outcome === 'eligible' || program.outcome === 'barred';
}

/** The decisive unknowns of a report, once each, those that could decide the most programs first. */
export function decisiveUnknowns(report: Report): DecisiveUnknown[] {
  const byField = new Map<string, DecisiveUnknown>();
  for (const program of report.programs) {
    if (settled(program)) continue;
    for (const missing of program.missing) {
      if (!missing.decisive) continue;
      const known = byField.get(missing.field) ?? { field: missing.field, question: missing.question, programs: [] };
      known.programs.push(program.program);
      byField.set(missing.field, known);
    }
  }
  return [...byField.values()].sort((a, b) => b.programs.length - a.programs.length);
}

/** The interview's view of a screening: each decisive unknown with the number of programs it could decide. */
export function openFactsBy(screener: Screener): (caseFile: CaseFile, screeningDay: EpochDay) => Promise<OpenFacts> {
  return async (caseFile, screeningDay) => {
    const report = await screener.screen(caseFile, { screeningDay, source: 'the interview' });
    return new Map(decisiveUnknowns(report).map((unknown) => [unknown.field, unknown.programs.length]));
  };
}

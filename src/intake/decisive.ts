/**
 * The unknown facts worth asking after a screening: the report's decisive questions, those some
 * answer to which could settle or narrow an open outcome, Morton priority or level (src/settle),
 * once each and ranked by how many results they could decide. This is the only place the
 * interview reads that from a report.
 */
import type { Screening, Screener } from '../app/screen.js';
import type { EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import type { Question } from '../settle/settle.js';
import type { OpenFacts } from './planner.js';

export function decisiveUnknowns(report: Screening): Question[] {
  return report.questions.filter((q) => q.decisive);
}

/** The interview's view of a screening: each decisive unknown with the number of programs it could decide. */
export function openFactsBy(screener: Screener): (caseFile: CaseFile, screeningDay: EpochDay) => Promise<OpenFacts> {
  return async (caseFile, screeningDay) => {
    const report = await screener.screen(caseFile, { screeningDay, source: 'the interview' });
    return new Map(decisiveUnknowns(report).map((unknown) => [unknown.field, unknown.programs.length]));
  };
}

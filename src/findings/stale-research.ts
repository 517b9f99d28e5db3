/**
 * Whether each rule pack's research is old at the screening date: a pack states the law as
 * researched on its researchedAsOf date, and a screening long after it may miss later changes.
 * Part of the screening's result (Screening.staleResearch), so the JSON report and the batch
 * records carry it as the text, Markdown and HTML reports show it.
 */
import { parseExactDate, type EpochDay } from '../case/dates.js';
import type { ProgramResult } from './program-result.js';

/**
 * Research older than this, in days before the screening date, is flagged. Not a rule of law: how
 * long the maintainers expect the law of these programs to hold without a fresh look.
 */
export const STALE_RESEARCH_DAYS = 180;

/** A program whose rule pack's research is older than STALE_RESEARCH_DAYS at the screening date. */
export interface StaleResearch {
  program: string;
  packVersion: string;
  researchedAsOf: string;
  /** Days from researchedAsOf to the screening date. */
  ageDays: number;
}

/** The programs screened whose research is old at the screening date, in the programs' order. */
export function staleResearch(programs: readonly ProgramResult[], screeningDay: EpochDay): StaleResearch[] {
  return programs.flatMap(({ program, packVersion, researchedAsOf }) => {
    const ageDays = screeningDay - parseExactDate(researchedAsOf);
    return ageDays > STALE_RESEARCH_DAYS ? [{ program, packVersion, researchedAsOf, ageDays }] : [];
  });
}

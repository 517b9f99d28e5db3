/**
 * After a screening: the facts still unknown, as the next questions, and a saved case reopened so
 * that the interview asks just those.
 */
import type { Report } from '../app/screen.js';
import { answersFromCase, plannedQuestions, type Answers } from './answers.js';
import { caseQuestions, type ObjectField } from './questions.js';

/** The missing facts of a report, once each, those that could change a result first. */
export function missingFacts(report: Report): { field: string; question: string }[] {
  const byField = new Map<string, { field: string; question: string; decisive: boolean }>();
  for (const program of report.programs) {
    for (const missing of program.missing) {
      const known = byField.get(missing.field);
      byField.set(missing.field, { field: missing.field, question: missing.question, decisive: missing.decisive || Boolean(known?.decisive) });
    }
  }
  return [...byField.values()].sort((a, b) => Number(b.decisive) - Number(a.decisive));
}

/**
 * The answers a saved case gives, with `open` fields left unanswered so the interview asks them;
 * `ruledOut` names the case's facts another answer makes irrelevant (the interview drops them).
 */
export function reopen(caseFile: unknown, open: readonly string[], tree: ObjectField = caseQuestions()): { answers: Answers; reopened: string[]; ruledOut: string[] } {
  const answers = answersFromCase(tree, caseFile);
  // A field reported missing but answered (a date known only as a span) keeps its answer: asking it
  // again would let "don't know" erase what is known.
  const reopened = open.filter((field) => answers[field] === null);
  for (const field of reopened) delete answers[field];
  const asked = new Set(plannedQuestions(tree.fields, answers).map((question) => question.path));
  return { answers, reopened, ruledOut: Object.keys(answers).filter((path) => answers[path] !== null && !asked.has(path)) };
}

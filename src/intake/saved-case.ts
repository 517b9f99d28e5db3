/**
 * A saved case file reopened for `relief intake --resume`: its answers, with the fields it lacks
 * left unanswered so the interview asks those whose answer could change a result, and the facts it
 * holds that another of its answers rules out (the interview drops them, and says so).
 */
import { answersFromCase, plannedQuestions, type Answers } from './answers.js';
import { caseQuestions, type ObjectField } from './questions.js';

export function reopen(caseFile: unknown, tree: ObjectField = caseQuestions()): { answers: Answers; ruledOut: string[] } {
  const answers = answersFromCase(tree, caseFile);
  const applies = new Set(plannedQuestions(tree.fields, answers).map((question) => question.path));
  return { answers, ruledOut: Object.keys(answers).filter((path) => !applies.has(path)) };
}

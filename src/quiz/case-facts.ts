/**
 * A case's facts as a student reads them before predicting: section by section in the interview's
 * order (the person and dates, entries, status, removal, convictions, family, abuse, trafficking,
 * security), each answered field as `path: value`, the way the interview's review lists answers.
 * The paths are the ones `relief screen --what-if` takes, so a student can try a change afterwards.
 */
import type { CaseFile } from '../case/schema.js';
import { answersFromCase, encodeAnswer } from '../intake/answers.js';
import { questionsInOrder } from '../intake/planner.js';
import { caseQuestions, sectionsOf } from '../intake/questions.js';
import { echo } from '../text/inert.js';

export interface FactSection {
  title: string;
  /** `path: value`, inert and bounded (a case file may come from anywhere). */
  lines: string[];
}

export function caseFacts(caseFile: CaseFile): FactSection[] {
  const tree = caseQuestions();
  const sections = sectionsOf(tree);
  const answers = answersFromCase(tree, caseFile);
  const planned = questionsInOrder(sections, answers).filter(({ question }) => answers[question.path] !== undefined);
  return sections
    .map((section, index) => ({
      title: section.title,
      lines: planned.filter((p) => p.section === index).map(({ question }) => `${question.path}: ${echo(encodeAnswer(question, answers[question.path]))}`),
    }))
    .filter((section) => section.lines.length > 0);
}

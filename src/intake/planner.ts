/**
 * Which question to ask next. The questions that apply (skip-rules.ts) come in the clinic's order
 * (clinic-order.ts): by section, a detail the schema says is asked in another section (one that
 * refers to abuse or trafficking) moved to that section. Of those, only the questions worth asking
 * are asked: those whose answer could change a result still open on the answers so far (the
 * screening of the partial case says which, and with every answer fewer stay open), a question
 * standing in for such a fact, a required field of a list item, and what identifies a new case.
 * Among an object's fields in no declared order, the one that could decide the most programs comes
 * first.
 */
import type { Answers, Question } from './answers.js';
import { plannedQuestions } from './answers.js';
import { FIELD_ORDER } from './clinic-order.js';
import type { Section } from './questions.js';
import { awaitedDecider, decidingPath, patternOf } from './skip-rules.js';

/** The open facts: each field whose answer could change a result, with the number of programs it could decide. */
export type OpenFacts = ReadonlyMap<string, number>;

export interface PlannedQuestion {
  question: Question;
  /** The index of the section it is asked in. */
  section: number;
}

/** Every question that applies, in the order the interview asks them. */
export function questionsInOrder(sections: readonly Section[], answers: Answers): PlannedQuestion[] {
  const indexOf = new Map(sections.map((section, index) => [section.title, index]));
  const planned = sections.flatMap((section, index) =>
    plannedQuestions(section.fields, answers).map((question) => {
      const movedTo = question.field.notes.askedInSection;
      const to = movedTo === undefined ? undefined : indexOf.get(movedTo);
      return { question, section: to ?? index, moved: to !== undefined };
    }),
  );
  // A stable sort: a section's own questions first, then those moved to it, each in the tree's order.
  return planned.sort((a, b) => a.section - b.section || Number(a.moved) - Number(b.moved)).map(({ question, section }) => ({ question, section }));
}

/**
 * Whether a question is worth asking on the open facts. While the answers so far do not make a
 * valid case (a list item lacks its required field, two answers contradict), nothing is open:
 * only the required field is asked, or the section's check takes an answer back.
 */
export function worthAsking(question: Question, open: OpenFacts, alwaysAsk: ReadonlySet<string>): boolean {
  const { field, path } = question;
  if (field.kind === 'value' && !field.optional) return true;
  const pattern = patternOf(path);
  if (alwaysAsk.has(pattern)) return true;
  const standsFor = question.field.notes.standsInFor;
  return rankOf(standsFor === undefined ? path : decidingPath(standsFor, path), open) !== undefined;
}

/**
 * How many programs a field could decide, or undefined when it is not open. A list the screening
 * reports open as a whole, naming no field of its items (a status period without dates leaves
 * "statusHistory" open), opens the fields of its items.
 */
function rankOf(path: string, open: OpenFacts): number | undefined {
  const own = open.get(path);
  if (own !== undefined) return own;
  for (let at = enclosing(path); at; at = enclosing(at)) {
    const rank = open.get(at);
    if (rank !== undefined) return [...open.keys()].some((field) => field.startsWith(`${at}[`)) ? undefined : rank;
  }
  return undefined;
}

/** The path one level up: `entries[0].date` -> `entries[0]` -> `entries` -> ''. */
function enclosing(path: string): string {
  return path.replace(/(\.[^.[]+|\[\d+\]|^[^.[]+)$/, '');
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('.');
  return at < 0 ? '' : path.slice(0, at);
}

/** Whether FIELD_ORDER places a field within its object. */
function hasDeclaredPlace(path: string): boolean {
  const parent = parentOf(path);
  return (FIELD_ORDER[patternOf(parent)] ?? []).includes(path.slice(parent ? parent.length + 1 : 0));
}

/**
 * The next question: the first unanswered one worth asking in sections up to `upTo` (when it has
 * no declared place, the one of its unordered siblings that could decide the most programs), or
 * the question it presupposes, when that is not answered yet.
 */
export function nextQuestion(planned: readonly PlannedQuestion[], answers: Answers, upTo: number, open: OpenFacts, alwaysAsk: ReadonlySet<string>): Question | undefined {
  const chosen = mostDecisive(planned.filter(({ question, section }) => section <= upTo && !(question.path in answers) && worthAsking(question, open, alwaysAsk)), open);
  if (!chosen) return undefined;
  const decider = awaitedDecider(chosen.path, answers);
  return planned.find(({ question }) => question.path === decider)?.question ?? chosen;
}

function mostDecisive(waiting: readonly PlannedQuestion[], open: OpenFacts): Question | undefined {
  const first = waiting[0];
  if (!first || hasDeclaredPlace(first.question.path)) return first?.question;
  const parent = parentOf(first.question.path);
  const rank = (candidate: PlannedQuestion) => rankOf(candidate.question.path, open) ?? 0;
  let best = first;
  for (const candidate of waiting) {
    const sibling = candidate.section === first.section && parentOf(candidate.question.path) === parent && !hasDeclaredPlace(candidate.question.path);
    if (sibling && rank(candidate) > rank(best)) best = candidate;
  }
  return best.question;
}

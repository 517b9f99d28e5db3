/**
 * Predict, then reveal: a case's facts are shown (with a teaching case's note: what it is about and
 * the question to think about), the student predicts each program's result and what decides it
 * (predictions.ts), and only then is the screening revealed, program by program, with its
 * reasoning and sources and the prediction scored (score.ts, reveal.ts), and the case's point
 * told. Every prediction is asked before anything is revealed, so no reveal gives away another
 * answer. The prompts, the output and the screening are parameters, so tests script the answers.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../app/screen.js';
import type { CaseFile } from '../case/schema.js';
import type { Prompts } from '../intake/prompts.js';
import { reportView } from '../render/view.js';
import { wrap } from '../render/wrap.js';
import { inertAll } from '../text/inert.js';
import { caseFacts } from './case-facts.js';
import type { Predictions, ProgramQuiz } from './predictions.js';
import { revealProgram, type RevealStyle } from './reveal.js';
import { scoreProgram, total, type ProgramScore } from './score.js';
import type { TeachingNote } from './teaching-cases.js';

export interface QuizOutput {
  prompts: Prompts;
  say: (text: string) => void;
  width: number;
  color: boolean;
}

export interface QuizCase {
  caseFile: CaseFile;
  /** The note of a teaching case; none for a case file of the student's own. */
  note?: TeachingNote;
  /** The programs to predict, in order. */
  quizzes: ProgramQuiz[];
  /** Screens the case (called once every prediction is in). */
  screen: () => Promise<Report>;
}

export interface QuizResult {
  scores: ProgramScore[];
  points: number;
  possible: number;
}

function paragraph(text: string, width: number, indent = 0): string {
  return `${wrap(text, width, indent).join('\n')}\n`;
}

function showCase(quizCase: QuizCase, out: QuizOutput, c: ChalkInstance): void {
  const { note, caseFile } = quizCase;
  if (note) {
    out.say(`\n${c.bold(paragraph(note.title, out.width).trimEnd())}\n`);
    out.say(paragraph(note.about, out.width));
  }
  out.say(`\n${c.bold('The facts')} (as the case file records them; the paths are the ones --what-if takes)\n`);
  for (const section of caseFacts(caseFile)) {
    out.say(`${section.title}\n`);
    for (const line of section.lines) out.say(`${wrap(line, out.width, 2, 4).join('\n')}\n`);
  }
  if (note) out.say(`\n${c.bold('Think about')}\n${paragraph(note.question, out.width, 2)}`);
}

async function predict(quizzes: readonly ProgramQuiz[], out: QuizOutput): Promise<Predictions> {
  const predictions: Predictions = {};
  for (const quiz of quizzes) {
    out.say(`\n== ${quiz.shortTitle} ==\n`);
    const answers: Record<string, string> = {};
    for (const part of quiz.parts) {
      answers[part.key] = await out.prompts.select({ field: `${quiz.program}.${part.key}`, message: `${quiz.shortTitle}: ${part.message} (${quiz.program}.${part.key})`, choices: part.choices });
    }
    predictions[quiz.program] = answers;
  }
  return predictions;
}

/** Runs the quiz for one case: facts, predictions, then the reveal and the score. */
export async function runQuiz(quizCase: QuizCase, out: QuizOutput): Promise<QuizResult> {
  const c = new Chalk({ level: out.color ? 1 : 0 });
  showCase(quizCase, out, c);
  out.say(`\nPredict each program's result; nothing is revealed until every prediction is in.\n`);
  const predictions = await predict(quizCase.quizzes, out);

  const view = reportView(inertAll(await quizCase.screen()));
  const style: RevealStyle = { c, width: out.width };
  out.say(`\n${c.bold('== The screening ==')}\n`);
  const scores: ProgramScore[] = [];
  for (const quiz of quizCase.quizzes) {
    const programView = view.programs.find((p) => p.program.program === quiz.program);
    if (!programView) {
      // Not screened on the case's date (its rules begin later): said, and not scored.
      const early = view.notInForce.find((line) => line.program === quiz.program);
      if (early) out.say(`\n${c.bold(early.shortTitle)}: ${early.result}: ${early.reason}\n`);
      continue;
    }
    const score = scoreProgram(quiz, predictions[quiz.program] ?? {}, programView);
    scores.push(score);
    out.say(`\n${revealProgram(programView, score, style).join('\n')}\n`);
  }
  const { points, possible } = total(scores);
  out.say(`\n${c.bold(`Your score: ${points} of ${possible}`)} (${scores.map((s) => `${s.program} ${s.points}/${s.possible}`).join(', ')})\n`);
  if (quizCase.note) out.say(`\n${c.bold('The point')}\n${paragraph(quizCase.note.point, out.width, 2)}`);
  out.say(`\n${paragraph(view.report.disclaimer, out.width)}`);
  return { scores, points, possible };
}

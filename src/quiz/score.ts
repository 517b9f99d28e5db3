/**
 * Scoring a prediction against the screening, one point per part. The outcome and each
 * classification must match exactly. The deciding rule is right when it is among the findings the
 * report shows as deciding the result (render/view.ts: the element not met; else the bars that
 * apply, the bars a waiver cures and the waivers that cure them; or what is left open): naming the
 * bar a waiver cures, or the waiver, both show the student saw the issue. "Nothing stands in the
 * way" is right only for an eligible result with nothing to show. A result decided only by
 * settling by cases names no rule: that part is not scored, and the reveal says why.
 */
import type { ProgramView } from '../render/view.js';
import { OUTCOME_LABEL } from '../render/view.js';
import { NOTHING_DECIDES, UNDETERMINED, classificationWords, type ProgramQuiz, type QuizPart } from './predictions.js';

export interface PartVerdict {
  key: string;
  /** The student's answer, in words. */
  predicted: string;
  /** The tool's answer, in words. */
  actual: string;
  /** null: not scored (no rule can be named for a result settled by cases). */
  right: boolean | null;
}

export interface ProgramScore {
  program: string;
  verdicts: PartVerdict[];
  points: number;
  /** The points there were to win (the scored parts). */
  possible: number;
}

const NOTHING_WORDS = 'nothing: every requirement is met and no bar applies';

function chosenName(part: QuizPart, value: string): string {
  return part.choices.find((choice) => choice.value === value)?.name ?? value;
}

/** The rules the report shows as deciding the program's result. */
export function decidingRules(view: ProgramView): { rule: string; name: string }[] {
  return view.deciding.flatMap((group) => group.findings.map((finding) => ({ rule: finding.rule, name: finding.name })));
}

function verdict(part: QuizPart, predicted: string, view: ProgramView): PartVerdict {
  const { program } = view;
  const said = chosenName(part, predicted);
  if (part.key === 'outcome') {
    const actual = program.outcome ?? '';
    return { key: part.key, predicted: said, actual: OUTCOME_LABEL[actual]?.toLowerCase() ?? actual, right: predicted === actual };
  }
  if (part.key === 'rule') {
    const deciding = decidingRules(view);
    if (deciding.length === 0) {
      const eligible = program.outcome === 'eligible';
      return { key: part.key, predicted: said, actual: eligible ? NOTHING_WORDS : `no rule: ${view.line.reason ?? 'settled by cases'}`, right: eligible ? predicted === NOTHING_DECIDES : null };
    }
    return { key: part.key, predicted: said, actual: deciding.map((d) => d.name).join('; '), right: deciding.some((d) => d.rule === predicted) };
  }
  const value = program.classifications?.[part.key] ?? null;
  return { key: part.key, predicted: said, actual: `${part.key} ${classificationWords(value)}`, right: predicted === (value ?? UNDETERMINED) };
}

export function scoreProgram(quiz: ProgramQuiz, predictions: Record<string, string>, view: ProgramView): ProgramScore {
  const verdicts = quiz.parts.map((part) => verdict(part, predictions[part.key] ?? '', view));
  const scored = verdicts.filter((v) => v.right !== null);
  return { program: quiz.program, verdicts, points: scored.filter((v) => v.right).length, possible: scored.length };
}

export function total(scores: readonly ProgramScore[]): { points: number; possible: number } {
  return { points: scores.reduce((sum, s) => sum + s.points, 0), possible: scores.reduce((sum, s) => sum + s.possible, 0) };
}

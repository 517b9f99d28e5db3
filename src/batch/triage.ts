/**
 * What to do next with a screened client, from its report: a per-program `reason` short enough for
 * a spreadsheet cell, the case's decisive questions ranked (`nextQuestions`), and the client's
 * triage group and rank, which the batch summary and a sorted CSV share.
 *
 * The groups, in the order a clinic acts on them (triageRank sorts them so):
 *   1 eligible   some eligibility program is eligible, on no waiver and no review point (ready to file)
 *   2 eligible   some eligibility program is eligible or eligible with a waiver, with a review point or a waiver to prepare
 *   3 questions  no program eligible; one decisive question away from a result (see questionsAway)
 *   4 questions  the same, two questions away
 *   5 barred     no program eligible and no result open: every eligibility program barred or its
 *                required elements not met, every Morton classification settled
 *   6 open       results open, each more than two questions away, or open on what no case fact
 *                settles (a question of law, a list of unknown length)
 *   7 error      the input could not be screened
 */
import type { ProgramResult } from '../findings/program-result.js';
import type { Question } from '../settle/settle.js';
import type { NotInForce } from '../packs/dated-parameters.js';
import { byRuleId, decidingReason, isOpen } from '../findings/deciding.js';

export type TriageGroup = 'eligible' | 'questions' | 'barred' | 'open' | 'error';

export interface Triage {
  triage: TriageGroup;
  /** 1 to 7, as in the table above: sorting by it lists the clients in the summary's order. */
  triageRank: number;
}

export const ERROR_TRIAGE: Triage = { triage: 'error', triageRank: 7 };

/** Questions named in a record: enough for the next interview, few enough for one spreadsheet cell. */
export const NEXT_QUESTIONS_MAX = 5;
/** Characters of a program's reason: one spreadsheet cell a paralegal reads at a glance. */
export const REASON_MAX = 100;
/** "One or two questions away": the most decisive questions an open result may have to count as near. */
const NEAR = 2;

const ELIGIBLE = new Set(['eligible', 'eligible_with_waiver']);

function shortened(text: string): string {
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 1)}…`;
}

/** The program's deciding reason (findings/deciding.ts) with rule ids, as a spreadsheet cell. */
export function programReason(program: ProgramResult): string | null {
  const reason = decidingReason(program, byRuleId);
  return reason === null ? null : shortened(reason);
}

/** The reason cell of a program not screened on the screening date (NotInForce): the first date of its rules, and why. */
export function notInForceReason(entry: NotInForce): string {
  return shortened(`not in force: its rules begin on ${entry.inForceFrom} (${entry.parameter}: ${entry.citation})`);
}

/** The decisive questions naming each open program, by program (a program with nothing open is absent). */
export function decisiveByOpenProgram(programs: readonly ProgramResult[], questions: readonly Question[]): Map<string, Question[]> {
  const byProgram = new Map<string, Question[]>();
  for (const program of programs) {
    if (!isOpen(program)) continue;
    byProgram.set(program.program, questions.filter((q) => q.decisive && q.programs.includes(program.program)));
  }
  return byProgram;
}

/**
 * How many questions the client is from a result: the fewest decisive questions naming one of its
 * open results (those are the only case facts that could, each on its own, settle or narrow that
 * result; answering them settles it, or opens a follow-up question). Null when nothing is open, or
 * when no case fact could settle what is open (a question of law, a list of unknown length).
 */
function questionsAway(byProgram: ReadonlyMap<string, Question[]>): number | null {
  const counts = [...byProgram.values()].map((list) => list.length).filter((n) => n > 0);
  return counts.length ? Math.min(...counts) : null;
}

/**
 * The case's decisive questions as fields, ranked: those of the open result fewest questions away
 * first, all of them together (so a client one or two questions away has exactly those first),
 * then those of the next open result, each group in the report's rank (by the number of open
 * results each could settle). At most NEXT_QUESTIONS_MAX.
 */
export function nextQuestions(questions: readonly Question[], byProgram: ReadonlyMap<string, Question[]>): string[] {
  const order = [...byProgram.keys()].filter((p) => byProgram.get(p)!.length > 0).sort((a, b) => byProgram.get(a)!.length - byProgram.get(b)!.length);
  // A question goes with the nearest open result it could settle; one that names none (settled with a waiver that an answer may still change) goes last.
  const nearest = (q: Question) => {
    const at = order.findIndex((p) => q.programs.includes(p));
    return at < 0 ? order.length : at;
  };
  return questions
    .filter((q) => q.decisive)
    .map((q, i) => ({ q, i, near: nearest(q) }))
    .sort((a, b) => a.near - b.near || a.i - b.i)
    .slice(0, NEXT_QUESTIONS_MAX)
    .map(({ q }) => q.field);
}

/** `byProgram`: the decisive questions naming each open program (decisiveByOpenProgram). */
export function triageOf(programs: readonly ProgramResult[], byProgram: ReadonlyMap<string, Question[]>): Triage {
  const eligible = programs.filter((p) => p.kind === 'eligibility' && ELIGIBLE.has(p.outcome!));
  if (eligible.length) {
    const ready = eligible.some((p) => p.outcome === 'eligible' && !p.needsReview);
    return { triage: 'eligible', triageRank: ready ? 1 : 2 };
  }
  const away = questionsAway(byProgram);
  if (away !== null && away <= NEAR) return { triage: 'questions', triageRank: 2 + away };
  if (byProgram.size === 0) return { triage: 'barred', triageRank: 5 };
  return { triage: 'open', triageRank: 6 };
}

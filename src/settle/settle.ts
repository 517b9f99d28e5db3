/**
 * Settling a screened case by cases, and the questions that could still change it. Runs after the
 * Kleene screening (src/app/screen.ts) on its program results:
 * 1. every result Kleene logic left open (an outcome, a Morton priority or level) is searched by
 *    cases (search.ts); a settled one takes its value, says so in words ("whichever way … is
 *    answered") and drops the review point that only said it was undetermined; an outcome whose
 *    completions are all eligible or eligible with a waiver becomes eligible with a waiver, with
 *    the review point "a waiver may be needed"; an open one keeps a witness pair when found;
 * 2. for each result still open, each case field it reaches is tried value by value (the other
 *    fields still unknown): a field some value of which settles the result, or narrows the values
 *    it can take, is decisive for it. The case's questions are those fields, once each, ranked by
 *    the number of open results they are decisive for, then the fields that only unknown factors
 *    read ("worth asking"). Each program's `missing` list is cut to the same questions.
 */
import { questionFor } from '../case/fields.js';
import type { ByCases, ProgramResult, MissingFact } from '../findings/program-result.js';
import type { CaseCompletions } from './completions.js';
import { OUTCOME, type Assignment } from './completions.js';
import { representatives } from './representatives.js';
import { SETTLE_BUDGET, UNDETERMINED, findWitness, search, type Budget, type Completion, type SearchContext, type Target, type Verdict } from './search.js';
import type { Thresholds } from './thresholds.js';

export interface Question {
  field: string;
  question: string;
  /** The programs whose open results (or, when not decisive, factors) it could change. */
  programs: string[];
  /** Whether some answer could settle or narrow an outcome, priority or level; false: a factor only. */
  decisive: boolean;
}

/** Per open result the search left without a witness: completions the witness descent may screen. */
const WITNESS_SCREENING_CAP = 96;
/** Per open result: how much of the decisiveness check one value may cost. */
const DECISIVE_BUDGET: Budget = { maxDepth: 2, maxScreened: 16 };
/** Per case: completions the decisiveness checks may screen in all; past it a reached field is kept as a question. */
const QUESTION_SCREENING_CAP = 120;
/** The "worth asking" part is short: factors only, the first ones read. */
const WORTH_ASKING_MAX = 8;

function describeValue(result: string, value: string): string {
  if (value === UNDETERMINED) return 'a result the law leaves open (see the review points)';
  return result === OUTCOME ? value.replaceAll('_', ' ') : `${result} ${value}`;
}

function shownAssignment(a: Assignment): string {
  const interval = a.upTo !== undefined ? (a.upTo === Infinity ? ` or more` : a.upTo !== a.value ? ` to ${a.upTo}` : '') : '';
  return `${a.path} = ${JSON.stringify(a.value)}${interval}`;
}

function witnessOf(completion: Completion): NonNullable<ByCases['witness']>[number] {
  return { set: Object.fromEntries(completion.assignments.map((a) => [a.path, a.value])), value: completion.value };
}

function explain(target: Target, verdict: Verdict): string {
  const fields = verdict.splitOn.join(' and ');
  if (verdict.value !== null) {
    const mixed = target.result === OUTCOME && verdict.values.length > 1;
    const how = mixed ? `eligible, or eligible with a waiver (${verdict.values.map((v) => describeValue(target.result, v)).join(' in some cases, ')} in others)` : describeValue(target.result, verdict.value);
    return `whichever way ${fields} ${verdict.splitOn.length > 1 ? 'are' : 'is'} answered: ${how}`;
  }
  if (!verdict.witness && verdict.complete && verdict.values.length === 1 && verdict.values[0] === UNDETERMINED) {
    return `open: whichever way ${fields} ${verdict.splitOn.length > 1 ? 'are' : 'is'} answered, it is a result the law leaves open (see the review points)`;
  }
  if (verdict.witness) {
    const [a, b] = verdict.witness;
    return `open: ${a.assignments.map(shownAssignment).join(', ')} gives ${describeValue(target.result, a.value)}; ${b.assignments.map(shownAssignment).join(', ')} gives ${describeValue(target.result, b.value)}`;
  }
  if (verdict.blocked) return `open: split on ${fields}, it still turns on facts that cannot be split (a list of unknown length, a date not given)`;
  return verdict.splitOn.length
    ? `open: split on ${fields} within the bounds of the search without settling it`
    : 'open: no unknown case fact that can be split (a list of unknown length, a date not given, or a question of law) decides it';
}

function applyVerdict(program: ProgramResult, target: Target, verdict: Verdict): void {
  if (verdict.value === null) return;
  const reasons = program.reviewReasons;
  if (target.result === OUTCOME) {
    program.outcome = verdict.value as ProgramResult['outcome'];
    program.outcomeReasons = [...verdict.splitOn.map((field) => `BY-CASES:${field}`), ...verdict.reasons];
    if (verdict.value === 'eligible_with_waiver') {
      reasons.push({
        code: 'by-cases:waiver-may-be-needed',
        reason: `A waiver may be needed: ${explain(target, verdict)}. Which waiver, if any, depends on the answer.`,
        citation: 'Settled by cases over the unknown case facts (relief-screen); the waivers cited in the findings',
      });
    }
  } else {
    program.classifications![target.result] = verdict.value;
    program.undetermined = program.undetermined?.filter((field) => field !== target.result);
    const at = reasons.findIndex((r) => r.code === `undetermined:${target.result}`);
    if (at >= 0) reasons.splice(at, 1);
  }
  program.needsReview = reasons.length > 0;
}

/** The results of a program that Kleene logic left open. */
function openTargets(program: ProgramResult): Target[] {
  const targets: Target[] = [];
  if (program.outcome === 'not_enough_information') targets.push({ program: program.program, result: OUTCOME });
  for (const field of program.undetermined ?? []) targets.push({ program: program.program, result: field });
  return targets;
}

export interface SettleOptions {
  /**
   * Look for two completions that disagree for each result left open, past the search (the witness
   * descent): it explains why a result is open, and costs about as much as the search itself. The
   * results and the questions are the same without it.
   */
  witnesses: boolean;
  /**
   * Work out the case's questions (false: none, and no witnesses either). They are worked out after
   * every result is settled, so the results are the same without them: relief flips, which
   * screens a case many times for its results alone, leaves them out.
   */
  questions?: boolean;
}

export function settleByCases(programs: ProgramResult[], completions: CaseCompletions, thresholds: Thresholds, options: SettleOptions): Question[] {
  const targets = programs.flatMap(openTargets);
  // Nothing open: nothing to settle or split, and the factors' fields are in the programs' own missing lists.
  if (targets.length === 0) return withMissing(programs, worthAsking(programs, new Set(), factorFieldsOf));
  const reachOf = (target: Target, assignments: readonly Assignment[] = []) => completions.state(assignments, target.program)?.reach.get(target.result) ?? [];
  // Rank the fields by the number of open results that reach them.
  const rank = new Map<string, number>();
  for (const target of targets) for (const field of reachOf(target)) rank.set(field, (rank.get(field) ?? 0) + 1);
  const context: SearchContext = { completions, thresholds, rank };

  const stillOpen: Target[] = [];
  // The results that reach the fewest fields first: the likeliest to settle, before the case's cap is spent.
  const byReach = targets.map((target) => ({ target, fields: reachOf(target).length })).sort((a, b) => a.fields - b.fields);
  const unexplained: { target: Target; verdict: Verdict; byCases: ByCases }[] = [];
  for (const { target } of byReach) {
    const program = programs.find((p) => p.program === target.program)!;
    const verdict = search(context, target, [], SETTLE_BUDGET, true);
    if (verdict.splitOn.length === 0 && verdict.value === null) {
      stillOpen.push(target);
      continue;
    }
    const byCases = byCasesOf(target, verdict);
    (program.byCases ??= []).push(byCases);
    if (verdict.value === null && !verdict.witness) unexplained.push({ target, verdict, byCases });
    applyVerdict(program, target, verdict);
    // Settled to "eligible with a waiver" by cases that differ (eligible in some): an answer still
    // changes the outcome (whether the waiver is needed), so its fields are still asked.
    if (verdict.value === null || verdict.values.length > 1) stillOpen.push(target);
  }
  if (options.questions === false) return [];
  const questions = questionsFor(programs, stillOpen, context, reachOf);
  // Last, so that the completions it screens count against no bound of the searches above: the
  // results and the questions are the same with witnesses or without.
  if (options.witnesses) {
    for (const { target, verdict, byCases } of unexplained) {
      const found = findWitness(context, target, verdict.found, WITNESS_SCREENING_CAP);
      if (found.witness) verdict.witness = found.witness;
      verdict.blocked ||= found.blocked;
      Object.assign(byCases, byCasesOf(target, verdict));
    }
  }
  return questions;
}

function byCasesOf(target: Target, verdict: Verdict): ByCases {
  return {
    result: target.result,
    settled: verdict.value !== null,
    value: verdict.value,
    splitOn: verdict.splitOn,
    explanation: explain(target, verdict),
    ...(verdict.witness ? { witness: verdict.witness.map(witnessOf) } : {}),
  };
}

/**
 * Whether some value of `field` could settle `target` or narrow the values it can take. A field
 * is dropped only when shown not to: the search before and after each of its values complete,
 * every value leaving the same values possible. A bound hit keeps it (asking too much, never too little).
 */
function decisiveFor(context: SearchContext, target: Target, field: string, reps: NonNullable<ReturnType<typeof representatives>>, before: Verdict): boolean {
  if (!before.complete) return true;
  const possible = new Set(before.values);
  for (const rep of reps) {
    const after = search(context, target, [{ path: field, value: rep.value, ...(rep.upTo !== undefined ? { upTo: rep.upTo } : {}) }], DECISIVE_BUDGET, false);
    if (!after.complete || after.values.length !== possible.size || after.values.some((value) => !possible.has(value))) return true;
  }
  return false;
}

function questionsFor(programs: ProgramResult[], open: readonly Target[], context: SearchContext, reachOf: (t: Target) => string[]): Question[] {
  const { completions, thresholds } = context;
  const decisive = new Map<string, Set<string>>(); // field -> programs
  const count = new Map<string, number>(); // field -> open results it is decisive for
  const screenedBefore = completions.screened;
  for (const target of open) {
    const fields = reachOf(target);
    const before = search(context, target, [], DECISIVE_BUDGET, false);
    const found: string[] = [];
    for (const field of fields) {
      const reps = representatives(field, completions.caseFile, completions.screeningDay, thresholds);
      // A field that cannot be split, or one the cap leaves untried, may still decide it: kept.
      if (!reps || completions.screened - screenedBefore >= QUESTION_SCREENING_CAP || decisiveFor(context, target, field, reps, before)) found.push(field);
    }
    // Nothing shown decisive on its own (fields that decide only together): ask them all.
    for (const field of found.length ? found : fields) {
      decisive.set(field, (decisive.get(field) ?? new Set()).add(target.program));
      count.set(field, (count.get(field) ?? 0) + 1);
    }
  }
  const ranked = [...decisive.keys()].map((field, i) => ({ field, i })).sort((a, b) => count.get(b.field)! - count.get(a.field)! || a.i - b.i);
  const questions: Question[] = ranked.map(({ field }) => ({ field, question: questionFor(field), programs: [...decisive.get(field)!], decisive: true }));

  const worth = worthAsking(programs, new Set(decisive.keys()), (program) => completions.state([], program.program)?.factorFields ?? []);
  return withMissing(programs, [...questions, ...worth]);
}

/** The fields unknown factors read that are not decisive questions ("worth asking"), at most WORTH_ASKING_MAX. */
function worthAsking(programs: readonly ProgramResult[], decisive: ReadonlySet<string>, factorFields: (program: ProgramResult) => readonly string[]): Question[] {
  const worth = new Map<string, Set<string>>();
  for (const program of programs) {
    for (const field of factorFields(program)) {
      if (decisive.has(field)) continue;
      worth.set(field, (worth.get(field) ?? new Set()).add(program.program));
    }
  }
  return [...worth].slice(0, WORTH_ASKING_MAX).map(([field, progs]) => ({ field, question: questionFor(field), programs: [...progs], decisive: false }));
}

/** The case's questions, each program's `missing` list cut to those that name it. */
function withMissing(programs: ProgramResult[], questions: Question[]): Question[] {
  for (const program of programs) program.missing = missingFor(program, questions);
  return questions;
}

/** The fields a program's unknown factors read, from its own missing list (each names the rules that read it). */
function factorFieldsOf(program: ProgramResult): string[] {
  const factors = new Set(program.findings.filter((f) => f.kind === 'helping_factor' || f.kind === 'harmful_factor').map((f) => f.name));
  return program.missing.filter((m) => m.neededFor.some((name) => factors.has(name))).map((m) => m.field);
}

/** A program's own missing facts: the case's questions that name it, with the rules that read each. */
function missingFor(program: ProgramResult, questions: readonly Question[]): MissingFact[] {
  const earlier = new Map(program.missing.map((m) => [m.field, m]));
  return questions
    .filter((q) => q.programs.includes(program.program))
    .map((q) => ({ field: q.field, question: q.question, neededFor: earlier.get(q.field)?.neededFor ?? [], decisive: q.decisive }));
}

/** Without settling (--no-settle): the programs' missing facts once each, the decisive ones first. */
export function questionsFromMissing(programs: readonly ProgramResult[]): Question[] {
  const byField = new Map<string, Question>();
  for (const program of programs) {
    for (const missing of program.missing) {
      const q = byField.get(missing.field) ?? { field: missing.field, question: missing.question, programs: [], decisive: false };
      if (!q.programs.includes(program.program)) q.programs.push(program.program);
      q.decisive ||= missing.decisive;
      byField.set(missing.field, q);
    }
  }
  return [...byField.values()].sort((a, b) => Number(b.decisive) - Number(a.decisive));
}

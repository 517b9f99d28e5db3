/**
 * Which questions an earlier answer rules out, as the case-file schema declares them with each
 * field (`askedWhen`, src/case/field-notes.ts): a field, or a group of them, is asked only when a
 * field that decides it has one of the given answers. An unanswered deciding field keeps the group
 * pending, and "don't know" keeps it asked (it might matter); a deciding field that is itself
 * ruled out rules out its group too. These hold only what the screening cannot tell: a question
 * no answer to which could change a result still open is left out by the planner (planner.ts),
 * whatever they say.
 */
import { conditionsOf, conditionTest, covers, fieldNotes, type FieldNotes } from '../case/field-notes.js';
import type { Answers } from './answers.js';

export interface AskOnlyWhen {
  /** The field pattern (and everything under it) asked only when the condition holds. */
  ask: string;
  /** Patterns under `ask` that the condition does not govern (their `askedRegardlessOf`). */
  except: readonly string[];
  /** The deciding field's pattern. */
  when: string;
  /** Whether a known deciding answer lets the group be asked. */
  allows: (answer: unknown) => boolean;
}

/** The schema's `askedWhen` notes as rules, one per field and condition. */
export function skipRulesOf(notes: ReadonlyMap<string, FieldNotes>): AskOnlyWhen[] {
  const exempt = [...notes].flatMap(([pattern, declared]) => (declared.askedRegardlessOf ?? []).map((when) => ({ pattern, when })));
  return [...notes].flatMap(([ask, declared]) =>
    conditionsOf(declared).map((condition) => ({
      ask,
      except: exempt.filter(({ pattern, when }) => when === condition.field && covers(ask, pattern)).map(({ pattern }) => pattern),
      when: condition.field,
      allows: conditionTest(condition),
    })),
  );
}

/**
 * Answers another answer gives: the question is not asked, and the implied answer is recorded (a
 * skip would leave the fact unknown, and a result that depends on it open).
 */
export interface Implied {
  field: string;
  value: unknown;
  when: string;
  /** Whether a known deciding answer implies the value. */
  implies: (answer: unknown) => boolean;
}

/** The schema's `impliedWhen` notes. */
export function impliedAnswersOf(notes: ReadonlyMap<string, FieldNotes>): Implied[] {
  return [...notes].flatMap(([field, { impliedWhen }]) => (impliedWhen ? [{ field, value: impliedWhen.value, when: impliedWhen.field, implies: conditionTest(impliedWhen) }] : []));
}

const CASE_FILE_RULES = skipRulesOf(fieldNotes());
export const IMPLIED: readonly Implied[] = impliedAnswersOf(fieldNotes());

/** The pattern of a path: its list indices left out. */
export function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** Whether a rule decides whether a question is asked; the deciding field, and the objects holding it, are always asked. */
function governs(rule: AskOnlyWhen, pattern: string): boolean {
  if (covers(pattern, rule.when) || !covers(rule.ask, pattern)) return false;
  return !rule.except.some((group) => covers(group, pattern));
}

/** A pattern's path for `path` (a deciding field's): its `[]` take the indices of `path`'s own lists. */
export function decidingPath(when: string, path: string): string {
  const indices = [...path.matchAll(/\[(\d+)\]/g)].map((match) => match[1]);
  let i = 0;
  return when.replace(/\[\]/g, () => `[${indices[i++] ?? 0}]`);
}

/** Whether a question is skipped because a deciding answer rules it out. */
export function isSkipped(path: string, answers: Answers, rules: readonly AskOnlyWhen[] = CASE_FILE_RULES): boolean {
  const pattern = patternOf(path);
  return rules.some((rule) => {
    if (!governs(rule, pattern)) return false;
    const deciding = decidingPath(rule.when, path);
    const decided = answers[deciding];
    if (decided === undefined) return isSkipped(deciding, answers, rules);
    return decided !== null && !rule.allows(decided);
  });
}

/**
 * The deciding field a question waits on: one whose answer could rule the question out, or imply
 * its answer, and is not given yet. The planner asks it first (the question presupposes it: no "did the client fail to
 * depart after a final order?" before "is there a final order?").
 */
export function awaitedDecider(path: string, answers: Answers, rules: readonly AskOnlyWhen[] = CASE_FILE_RULES, implied: readonly Implied[] = IMPLIED): string | undefined {
  const pattern = patternOf(path);
  const implying = implied.find((rule) => rule.field === pattern && !(rule.when in answers));
  if (implying) return implying.when;
  for (const rule of rules) {
    if (!governs(rule, pattern)) continue;
    const deciding = decidingPath(rule.when, path);
    if (!(deciding in answers)) return awaitedDecider(deciding, answers, rules, implied) ?? deciding;
  }
  return undefined;
}

/**
 * Reading a rule's condition tree (json-rules-engine's format) without zod: shared by the pack
 * linter, both evaluators and the findings, so all name what a leaf reads the same way.
 */
import type { Condition, LeafCondition, RuleStatus } from './schema.js';

/** What a leaf reads, as traces and findings name it: the fact, or "record.hasFelony" for a key of a record fact. */
export function leafFact(fact: string, path: string | undefined): string {
  return path ? `${fact}.${path.slice(2)}` : fact;
}

/** The leaves of a condition tree, in the order they are read. */
export function* leaves(condition: Condition): Generator<LeafCondition> {
  if ('fact' in condition) yield condition;
  else if ('all' in condition) for (const c of condition.all) yield* leaves(c);
  else if ('any' in condition) for (const c of condition.any) yield* leaves(c);
  else yield* leaves(condition.not);
}

/** "record.hasFelony" -> "record": the derived fact a leaf reads. */
export function derivedFactOf(leafFact: string): string {
  const dot = leafFact.indexOf('.');
  return dot < 0 ? leafFact : leafFact.slice(0, dot);
}

/** A status read through NOT. */
export const OPPOSITE: Record<RuleStatus, RuleStatus> = { applies: 'does_not_apply', does_not_apply: 'applies', unknown: 'unknown' };

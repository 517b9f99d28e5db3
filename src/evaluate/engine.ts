/**
 * What evaluating a rule pack yields, whichever engine does it: each rule's three-valued status and
 * the trace of its condition tree that the findings and the report's "why" are built from. Two
 * engines give the same results: the compiled evaluator (compiled.ts, the default) and
 * json-rules-engine read in Kleene logic (reference.ts), kept as the reference it is tested against.
 */
import type { LoadedPack, RulePacks } from '../packs/load.js';
import type { Rule, RuleStatus } from '../packs/schema.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { FactValue } from '../facts/calculator.js';

/** One node of a rule's condition tree, as evaluated: what the report's "why" is made of. */
export interface ConditionTrace {
  label: string;
  status: RuleStatus;
  combinator?: 'all' | 'any' | 'not';
  fact?: string;
  operator?: string;
  expected?: unknown;
  actual?: FactValue;
  children?: ConditionTrace[];
}

export interface RuleEvaluation {
  rule: Rule;
  status: RuleStatus;
  trace: ConditionTrace;
}

export const ENGINES = ['compiled', 'reference'] as const;
export type EngineChoice = (typeof ENGINES)[number];

/** Evaluates one pack's rules over a case's derived facts, in the pack's rule order. */
export interface PackEvaluator {
  readonly loaded: LoadedPack;
  /** The compiled evaluator answers at once; json-rules-engine only through a promise. */
  evaluate(facts: DerivedFacts): RuleEvaluation[] | Promise<RuleEvaluation[]>;
}

/**
 * The reference engine for every pack. Imported only when asked for: loading json-rules-engine
 * costs start-up time that the compiled path does not need.
 */
export async function referenceEvaluators(rulePacks: RulePacks): Promise<PackEvaluator[]> {
  const { PackEngine } = await import('./reference.js');
  return rulePacks.packs.map((loaded) => new PackEngine(loaded));
}

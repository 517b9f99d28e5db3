/**
 * The compiled evaluator, the default engine. Each rule's condition JSON (json-rules-engine's
 * format, as the pack holds it) is turned once, when the Screener is built, into a tree of
 * closures that computes the rule's three-valued status and its trace in one synchronous pass per
 * case: no per-run copy of the conditions, no promises. Its answers are the reference engine's
 * (reference.ts), node for node, which test/evaluate/equivalence.test.ts checks:
 * - a leaf reads its fact, and on a record fact (a non-null object) the key its "$.key" path
 *   names; a value that is null or undefined is unknown, whatever the operator says;
 * - otherwise the leaf holds as json-rules-engine's operator says (operators.ts);
 * - all / any / not combine their children's statuses by Kleene's rules. Every child is evaluated,
 *   since every child's trace is reported.
 */
import type { LoadedPack } from '../packs/load.js';
import type { Condition, LeafCondition, Rule, RuleStatus } from '../packs/schema.js';
import { leafFact } from '../packs/conditions.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { FactValue } from '../facts/calculator.js';
import type { ConditionTrace, PackEvaluator, RuleEvaluation } from './engine.js';
import { operatorTest } from './operators.js';

export type Traced = (facts: DerivedFacts) => ConditionTrace;

/**
 * Kleene's `all` and `any` (tri.ts's triAnd and triOr, on statuses): the decisive status if any
 * child has it (false for `all`, true for `any`), else unknown if any child is, else the other.
 */
function combined(children: readonly ConditionTrace[], decisive: RuleStatus, otherwise: RuleStatus): RuleStatus {
  let unknown = false;
  for (const child of children) {
    if (child.status === decisive) return decisive;
    if (child.status === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : otherwise;
}

const NOT: Record<RuleStatus, RuleStatus> = { applies: 'does_not_apply', does_not_apply: 'applies', unknown: 'unknown' };

function compileLeaf(leaf: LeafCondition, label: string | undefined): Traced {
  const { fact: name, operator, value: expected } = leaf;
  const test = operatorTest(operator);
  // "$.hasFelony" -> ["hasFelony"]: the keys json-rules-engine's path resolver (readPath) walks.
  const keys = leaf.path ? leaf.path.replace(/^\$\.?/, '').split('.').filter(Boolean) : null;
  const fact = leafFact(name, leaf.path);
  const shown = label ?? leaf.name ?? `${fact} ${operator} ${JSON.stringify(expected)}`;
  return (facts) => {
    const derived = facts.get(name);
    if (!derived) throw new Error(`fact "${name}" was not derived`);
    let value: unknown = derived.value;
    // json-rules-engine resolves a path only on an object; any other value is compared as it is.
    if (keys && value !== null && typeof value === 'object') {
      for (const key of keys) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    // The operator runs even on an unknown value: json-rules-engine runs it, and `in` over a value that is not a list or text throws.
    const holds = test(value, expected);
    const actual = value === undefined ? null : (value as FactValue);
    const status: RuleStatus = actual === null ? 'unknown' : holds ? 'applies' : 'does_not_apply';
    return { label: shown, status, fact, operator, expected, actual };
  };
}

/** A condition tree compiled once: a rule's, or an also-consider entry's (findings/also-consider.ts). */
export function compileCondition(condition: Condition, label?: string): Traced {
  if ('fact' in condition) return compileLeaf(condition, label);
  if ('not' in condition) {
    const child = compileCondition(condition.not);
    const shown = label ?? condition.name ?? 'not';
    return (facts) => {
      const trace = child(facts);
      return { label: shown, status: NOT[trace.status], combinator: 'not', children: [trace] };
    };
  }
  const isAll = 'all' in condition;
  const children = (isAll ? condition.all : condition.any).map((child) => compileCondition(child));
  const shown = label ?? condition.name ?? (isAll ? 'all of' : 'any of');
  const combinator = isAll ? 'all' : 'any';
  const [decisive, otherwise]: [RuleStatus, RuleStatus] = isAll ? ['does_not_apply', 'applies'] : ['applies', 'does_not_apply'];
  return (facts) => {
    const traces = children.map((child) => child(facts));
    return { label: shown, status: combined(traces, decisive, otherwise), combinator, children: traces };
  };
}

/** One pack's rules, compiled. Keeps no state between cases, so it may serve any number at once. */
export class CompiledPack implements PackEvaluator {
  private readonly rules: { rule: Rule; run: Traced }[];

  constructor(readonly loaded: LoadedPack) {
    // A rule's root node is labelled with the rule's name, as in the reference engine.
    this.rules = loaded.pack.rules.map((rule) => ({ rule, run: compileCondition(rule.conditions, rule.name) }));
  }

  evaluate(facts: DerivedFacts): RuleEvaluation[] {
    return this.rules.map(({ rule, run }) => {
      const trace = run(facts);
      return { rule, status: trace.status, trace };
    });
  }
}

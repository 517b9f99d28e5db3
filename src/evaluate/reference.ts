/**
 * The reference engine: runs a rule pack's json-rules-engine rules over the derived facts and reads
 * each rule's result back in three-valued logic: a condition on an unknown fact is unknown, and
 * unknowns combine by Kleene's rules (an `all` with one false is false; with no false but one
 * unknown, unknown). json-rules-engine itself is two-valued, so its verdict is used only where every fact is known.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { LoadedPack } from '../packs/load.js';
import { readPath } from '../case/fields.js';
import type { Rule, RuleStatus } from '../packs/schema.js';
import { leafFact } from '../packs/conditions.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { FactValue } from '../facts/calculator.js';
import { triAnd, triNot, triOr, type Tri } from '../facts/tri.js';
import type { ConditionTrace, PackEvaluator, RuleEvaluation } from './engine.js';

function toStatus(value: Tri): RuleStatus {
  return value === null ? 'unknown' : value ? 'applies' : 'does_not_apply';
}

function toTri(status: RuleStatus): Tri {
  return status === 'unknown' ? null : status === 'applies';
}

/** Dotted paths only ("$.hasFelony"): cheaper than JSONPath and no expression surface. */
const dottedPath = (value: unknown, path: string): unknown => readPath(value, path.replace(/^\$\.?/, ''));

// json-rules-engine annotates its own copy of each condition with factResult and result.
interface EvaluatedCondition {
  name?: string;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}

function trace(node: EvaluatedCondition): ConditionTrace {
  if (node.all || node.any) {
    const children = (node.all ?? node.any)!.map(trace);
    const combine = node.all ? triAnd : triOr;
    const status = toStatus(combine(children.map((c) => toTri(c.status))));
    return { label: node.name ?? (node.all ? 'all of' : 'any of'), status, combinator: node.all ? 'all' : 'any', children };
  }
  if (node.not) {
    const child = trace(node.not);
    return { label: node.name ?? 'not', status: toStatus(triNot(toTri(child.status))), combinator: 'not', children: [child] };
  }
  const fact = leafFact(node.fact!, node.path);
  const actual = node.factResult === undefined ? null : (node.factResult as FactValue);
  const status: RuleStatus = actual === null ? 'unknown' : node.result ? 'applies' : 'does_not_apply';
  return { label: node.name ?? `${fact} ${node.operator} ${JSON.stringify(node.value)}`, status, fact, operator: node.operator, expected: node.value, actual };
}

/**
 * One engine per pack, built once. Cases must run through it one at a time: json-rules-engine keeps
 * a run's stop status on the Engine, and concurrent runs over rules of several priorities have
 * been seen to skip rules.
 */
export class PackEngine implements PackEvaluator {
  private readonly engine: Engine;
  private readonly rulesById: Map<string, Rule>;

  constructor(readonly loaded: LoadedPack) {
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: dottedPath });
    this.rulesById = new Map(loaded.pack.rules.map((rule) => [rule.id, rule]));
    for (const rule of loaded.pack.rules) {
      this.engine.addRule({ name: rule.id, conditions: rule.conditions as never, event: { type: rule.id } });
    }
  }

  async evaluate(facts: DerivedFacts): Promise<RuleEvaluation[]> {
    const values: Record<string, FactValue> = {};
    for (const [name, fact] of facts) values[name] = fact.value;
    const { results, failureResults } = await this.engine.run(values);
    const byId = new Map<string, RuleResult>([...results, ...failureResults].map((r) => [r.name as string, r]));
    // json-rules-engine returns results in completion order; report them in the pack's order.
    return this.loaded.pack.rules.map((rule) => {
      const result = byId.get(rule.id);
      if (!result) throw new Error(`rule ${rule.id} produced no result`);
      const root = trace(result.conditions as unknown as EvaluatedCondition);
      return { rule: this.rulesById.get(rule.id)!, status: root.status, trace: { ...root, label: rule.name } };
    });
  }
}

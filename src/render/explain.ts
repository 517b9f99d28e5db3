/**
 * A rule's condition tree read as the statute reads, for the explain view of the text report and
 * the same tree in the JSON report (README "Reading a rule"): groups are ALL OF, ANY OF or NOT, and
 * every leaf is a statement of a fact named positively, with its value.
 *
 * No double negatives. The packs name each leaf by what the rule needs ("no 212(a)(2) ground",
 * "15 or older on the screening date"), and a leaf that needs a fact to be false reads as a
 * negative. Rather than reword every pack, such a leaf is read as NOT of the positive statement:
 * for a whole fact, the pack's own description of the fact ("Younger than 15 on the screening
 * date"); for a key of a record fact, the leaf's name without its leading "no"/"not" ("212(a)(2)
 * ground"), or else the key in words. The statement then carries its own value (yes, no, not
 * known), and the NOT group says whether the rule's condition is met.
 */
import type { ConditionTrace } from '../evaluate/engine.js';
import type { FactSource } from '../findings/program-result.js';
import type { RuleKind, RuleStatus } from '../packs/schema.js';
import { OPPOSITE, derivedFactOf } from '../packs/conditions.js';

export const GROUP_NAMES = { all: 'ALL OF', any: 'ANY OF', not: 'NOT' } as const;
export type GroupName = (typeof GROUP_NAMES)[keyof typeof GROUP_NAMES];

/** A leaf read positively: the statement, whether the condition is that it be false, and the statement's own truth. */
export interface LeafReading {
  statement: string;
  negated: boolean;
  truth: RuleStatus;
}


/** "groundsConnectedToTrafficking" -> "grounds connected to trafficking". */
function keyInWords(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A fact description as a statement: "Younger than 15 on the screening date." -> "younger than 15 on the screening date". */
function asStatement(description: string): string {
  const text = description.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}

const NEGATION = /^(?:no|not)\s+/i;

export function readLeaf(node: ConditionTrace, sources: Readonly<Record<string, FactSource>>): LeafReading {
  const needsFalse = node.operator === 'equal' && node.expected === false;
  if (!needsFalse) return { statement: node.label, negated: false, truth: node.status };
  const fact = node.fact!;
  const dot = fact.indexOf('.');
  let statement: string;
  if (dot < 0 && sources[fact]) statement = asStatement(sources[fact].description);
  else if (NEGATION.test(node.label)) statement = node.label.replace(NEGATION, '');
  else statement = keyInWords(dot < 0 ? fact : fact.slice(dot + 1));
  return { statement, negated: true, truth: OPPOSITE[node.status] };
}

/** The status of a condition (a group, a requirement) in words. */
export function conditionWords(status: RuleStatus): string {
  return { applies: 'met', does_not_apply: 'not met', unknown: 'not settled' }[status];
}

/** The status of a rule in words: a requirement is met or not, a bar, waiver or factor applies or not. */
export function ruleWords(kind: RuleKind, status: RuleStatus): string {
  if (kind === 'requirement') return conditionWords(status);
  return { applies: 'applies', does_not_apply: 'does not apply', unknown: 'not settled' }[status];
}

/** The truth of a statement of fact in words. */
export function truthWords(status: RuleStatus): string {
  return { applies: 'yes', does_not_apply: 'no', unknown: 'not known' }[status];
}

/** A JSON node of the explain tree: the trace's own keys, then what the text shows (README "JSON output"). */
export interface ExplainedNode extends Omit<ConditionTrace, 'children'> {
  /** For a group: ALL OF, ANY OF or NOT. */
  group?: GroupName;
  /** For a leaf: the positive statement the text shows, and whether the rule needs it false (read as NOT). */
  statement?: string;
  negated?: boolean;
  /** For a leaf: "yes", "no" or "not known", the value of the statement. */
  truth?: string;
  /** For a leaf: the derived fact it reads (a key of `derivedFacts`), and the case fields that could settle it while unknown. */
  derivedFact?: string;
  caseFields?: string[];
  /** For a leaf reading a key computed by cited clauses (rules/ina): the clause behind it, traced in derivedFacts[derivedFact].clauses. */
  clause?: string;
  children?: ExplainedNode[];
}

/** The trace with the explain view's readings added (a copy: the trace itself is unchanged). */
export function explainTree(node: ConditionTrace, sources: Readonly<Record<string, FactSource>>): ExplainedNode {
  const { children, ...own } = node;
  if (node.combinator) return { ...own, group: GROUP_NAMES[node.combinator], children: (children ?? []).map((child) => explainTree(child, sources)) };
  if (!node.fact) return { ...own };
  const reading = readLeaf(node, sources);
  const derivedFact = derivedFactOf(node.fact);
  const fields = node.status === 'unknown' ? (sources[derivedFact]?.caseFields ?? []) : [];
  const dot = node.fact.indexOf('.');
  const roots = sources[derivedFact]?.clauses?.roots;
  const key = dot < 0 ? '$' : node.fact.slice(dot + 1);
  const clause = roots && Object.hasOwn(roots, key) ? { clause: roots[key]! } : {};
  return { ...own, statement: reading.statement, negated: reading.negated, truth: truthWords(reading.truth), derivedFact, caseFields: fields, ...clause };
}

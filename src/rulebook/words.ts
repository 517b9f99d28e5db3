/**
 * A rule's condition tree in words, for the rule book: ALL OF / ANY OF / NOT groups, each named when
 * the pack names it, and each leaf as the pack words it ("no lawful status on June 15, 2012") with
 * the fact it reads and the value that makes it hold ("holds when `lawfulStatusOnAnnouncement` is
 * false"). The value is stated, never negated again, so a negatively named condition reads once.
 *
 * The loaded pack has its parameter references replaced by their values; the raw pack file still
 * names them, so both trees are walked side by side and a compared value says which parameter it is.
 */
import { leafFact } from '../packs/conditions.js';
import { isParameterRef, type Condition, type LeafCondition } from '../packs/schema.js';
import { formatValue } from './values.js';

/** What a leaf tests: "holds when <fact> <comparison>", e.g. "record.hasFelony" "is true". */
export interface LeafTest {
  /** The fact as findings name it ("record.hasFelony"). */
  fact: string;
  /** The fact's name in the pack ("record"), whose declaration the rule book links to. */
  declared: string;
  comparison: string;
  /** The parameter the leaf compares with, when the pack names one instead of a value. */
  parameter?: string;
}

/** A group ("ALL OF (honorably discharged veteran)") with children, or a leaf (its name) with its test. */
export interface WordNode {
  label: string;
  test?: LeafTest;
  children?: WordNode[];
}

const COMPARISONS: Record<string, string> = {
  equal: 'is',
  notEqual: 'is other than',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  doesNotContain: 'does not contain',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
};

function comparison(leaf: LeafCondition): string {
  // A fact equal to null reads "is unknown": that is what null is for a derived fact.
  const value = leaf.value === null ? 'unknown' : formatValue(leaf.value);
  const words = COMPARISONS[leaf.operator] ?? `(${leaf.operator})`;
  return `${words} ${value}`;
}

function leafWords(leaf: LeafCondition, raw: unknown): WordNode {
  const fact = leafFact(leaf.fact, leaf.path);
  const rawValue = raw !== null && typeof raw === 'object' ? (raw as { value?: unknown }).value : undefined;
  const parameter = isParameterRef(rawValue) ? rawValue.parameter : undefined;
  const test: LeafTest = { fact, declared: leaf.fact, comparison: comparison(leaf), ...(parameter ? { parameter } : {}) };
  // An unnamed leaf is named by what it reads.
  return { label: leaf.name ?? fact, test };
}

const rawChild = (raw: unknown, key: 'all' | 'any' | 'not', index?: number): unknown => {
  const group = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return index === undefined ? group : Array.isArray(group) ? group[index] : undefined;
};

/**
 * The tree in words. An unnamed group of one condition is that condition: "ALL OF" over a single
 * leaf says nothing a reader needs.
 */
export function conditionWords(condition: Condition, raw: unknown): WordNode {
  if ('fact' in condition) return leafWords(condition, raw);
  if ('not' in condition) {
    const child = conditionWords(condition.not, rawChild(raw, 'not'));
    return { label: condition.name ? `NOT (${condition.name})` : 'NOT', children: [child] };
  }
  const key = 'all' in condition ? 'all' : 'any';
  const list = 'all' in condition ? condition.all : condition.any;
  const children = list.map((child, i) => conditionWords(child, rawChild(raw, key, i)));
  if (children.length === 1 && !condition.name) return children[0]!;
  const group = key === 'all' ? 'ALL OF' : 'ANY OF';
  return { label: condition.name ? `${group} (${condition.name})` : group, children };
}

/** Every leaf of a tree in words, in reading order. */
export function* wordLeaves(node: WordNode): Generator<WordNode> {
  if (!node.children) yield node;
  else for (const child of node.children) yield* wordLeaves(child);
}

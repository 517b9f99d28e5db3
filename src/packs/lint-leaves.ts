/**
 * The loader's check of what a condition tree's leaves read: a known operator, a declared fact, and
 * a record fact's key named by its path. Shared by a rule's conditions and an also-consider entry's
 * (also-consider.ts), so both read the pack's facts the same way.
 */
import { echo } from '../text/inert.js';
import type { DeclaredFact } from './load.js';
import { leaves } from './conditions.js';
import { OPERATORS, type Condition, type Pack } from './schema.js';

/** An own property of a pack's record, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

const quote = (name: string): string => `"${echo(name)}"`;

/** `at`: what the messages name ("rule "daca-felony"", "alsoConsider "…""). */
export function lintLeaves(at: string, condition: Condition, pack: Pack, facts: ReadonlyMap<string, DeclaredFact>, problems: string[]): void {
  for (const leaf of leaves(condition)) {
    if (!(OPERATORS as readonly string[]).includes(leaf.operator)) problems.push(`${at}: unknown operator ${quote(leaf.operator)}`);
    // json-rules-engine's in/notIn call value.indexOf: anything but a list or a text would fail on every case, not at load.
    const searchable = Array.isArray(leaf.value) || typeof leaf.value === 'string';
    if ((leaf.operator === 'in' || leaf.operator === 'notIn') && !searchable) problems.push(`${at}: operator "${leaf.operator}" needs a list (or a text) as its value`);
    const fact = facts.get(leaf.fact);
    if (!fact) {
      if (!own(pack.facts, leaf.fact)) problems.push(`${at}: unknown fact ${quote(leaf.fact)} (declare it under "facts")`);
      continue;
    }
    const keys = fact.calculator.outputKeys;
    if (keys && !leaf.path) problems.push(`${at}: fact "${leaf.fact}" is a record; name a key with "path" (one of ${keys.join(', ')})`);
    if (leaf.path && !keys) problems.push(`${at}: fact "${leaf.fact}" is a single value; "path" does not apply`);
    if (leaf.path && keys && !keys.includes(leaf.path.slice(2))) problems.push(`${at}: fact "${leaf.fact}" has no key "${leaf.path.slice(2)}" (keys: ${keys.join(', ')})`);
  }
}

/**
 * The case limits checked on a value, however it was made (parsed text, CSV cells, --what-if
 * changes, interview answers), before zod sees it: zod recurses, and a value from a hostile input
 * can be deep, wide or long. The walk is iterative so its result never depends on the stack size.
 */
import { echo } from '../text/inert.js';
import { formatPath, type CaseIssue } from './input-error.js';
import { CASE_LIMITS, type InputLimit } from './limits.js';
import { count } from '../text/numbers.js';

interface Visit {
  value: unknown;
  key: PropertyKey | undefined;
  parent: Visit | undefined;
  /** Lists and mappings enclosing the value. */
  depth: number;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

function breach(visit: Visit, what: string, limit: InputLimit): CaseIssue {
  return { field: formatPath(pathOf(visit)), problem: `${what}: ${limit.describe}` };
}

/** The first breach of a case limit in the value, depth first in document order, or undefined. */
export function valueLimitIssue(root: unknown): CaseIssue | undefined {
  const pending: Visit[] = [{ value: root, key: undefined, parent: undefined, depth: 0 }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.length > CASE_LIMITS.stringLength.value) return breach(visit, `too long (${count(value.length)} characters)`, CASE_LIMITS.stringLength);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const depth = visit.depth + 1;
    if (depth > CASE_LIMITS.depth.value) return breach(visit, 'nested too deep', CASE_LIMITS.depth);
    let entries: [PropertyKey, unknown][];
    if (Array.isArray(value)) {
      if (value.length > CASE_LIMITS.listLength.value) return breach(visit, `too many items (${count(value.length)})`, CASE_LIMITS.listLength);
      entries = value.map((item, index) => [index, item]);
    } else {
      const keys = Object.keys(value);
      if (keys.length > CASE_LIMITS.keys.value) return breach(visit, `too many keys (${count(keys.length)})`, CASE_LIMITS.keys);
      const long = keys.find((key) => key.length > CASE_LIMITS.stringLength.value);
      if (long !== undefined) return breach(visit, `a key is too long ("${echo(long)}")`, CASE_LIMITS.stringLength);
      entries = Object.entries(value);
    }
    for (let i = entries.length - 1; i >= 0; i -= 1) pending.push({ value: entries[i]![1], key: entries[i]![0], parent: visit, depth });
  }
  return undefined;
}

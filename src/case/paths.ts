/**
 * Field paths as keys, and reading a value by them: one reading of "a.b[0].c" for the what-if
 * changes, the rule packs' record paths (fields.ts) and settling by cases. Nothing here loads the
 * case-file schema, so `relief screen --help` can parse --what-if without it.
 */

/** The value at these keys, or undefined where the path leaves the value. */
export function readKeys(value: unknown, keys: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * The keys of a field path, a list item by its index written either way: "a.b[0].c" and "a.b.0.c"
 * both give a, b, 0, c (the index as a number).
 */
export function pathKeys(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

type Container = Record<string | number, unknown>;

/**
 * A copy of `root` with `value` at `path`, sharing everything off the path (copy on write): a deep
 * copy of the whole case for every completion cost more than screening it.
 */
export function withValue(root: unknown, keys: readonly (string | number)[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys as [string | number, ...(string | number)[]];
  const node = root !== null && typeof root === 'object' ? root : typeof key === 'number' ? [] : {};
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Container;
  copy[key] = withValue(copy[key], rest, value);
  return copy;
}

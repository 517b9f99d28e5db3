/**
 * "What if" changes to a case before it is validated: `path=value` pairs where the path is dotted
 * (list items by index: criminalHistory.convictions.0.maximumPenaltyDays) and the value is read as
 * YAML, so `180`, `true`, `reentry_felony` or `[dui]` all mean what they look like. A value of
 * `null` removes a field, making it unknown, or takes an item out of a list.
 */
import { parse as parseYaml } from 'yaml';

export interface WhatIf {
  path: string;
  value: unknown;
}

export function parseWhatIf(text: string): WhatIf | undefined {
  const split = text.indexOf('=');
  if (split <= 0) return undefined;
  const path = text.slice(0, split).trim();
  if (!/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/.test(path)) return undefined;
  try {
    return { path, value: parseYaml(text.slice(split + 1)) ?? null };
  } catch {
    return undefined; // not a YAML value
  }
}

/** Returns a changed copy of the raw case; the original is left alone. */
export function applyWhatIfs(raw: unknown, changes: readonly WhatIf[]): unknown {
  const copy = structuredClone(raw ?? {}) as Record<string, unknown>;
  for (const { path, value } of changes) {
    const keys = path.split('.');
    let node: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) {
      if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    // null removes: a field becomes unknown; a list item (convictions.0=null) is taken out of the list.
    if (value !== null) node[last] = value;
    else if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  }
  return copy;
}

/**
 * "What if" changes to a case before it is validated: `path=value` pairs where the path is dotted
 * (list items by index: criminalHistory.convictions.0.maximumPenaltyDays) and the value is read as
 * YAML, so `180`, `true`, `reentry_felony` or `[dui]` all mean what they look like. A value of
 * `null` removes the field, making it unknown.
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
  return { path, value: parseYaml(text.slice(split + 1)) ?? null };
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
    if (value === null) delete node[last];
    else node[last] = value;
  }
  return copy;
}

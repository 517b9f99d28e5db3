/**
 * Values as the rule book prints them, and a pack's parameter references resolved: a value is shown
 * as what it is (365, 2012-06-15, a list of offense types), never as `{ "parameter": "name" }`; the
 * parameter's name, description and citation are given beside it.
 */
import { isParameterRef } from '../packs/schema.js';

/** A value in words: a text as itself, a list as its items, a record as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.length ? value.map(formatValue).join(', ') : '(none)';
  if (value === undefined) return '(no value)';
  return JSON.stringify(value);
}

export interface ParameterInfo {
  name: string;
  value: unknown;
  description: string;
  citation: string;
  /** The file that sets it, as the packs show it ("rules/daca/parameters.json"). */
  file: string;
  shared: boolean;
  /** A dated parameter's values, each with the date it applies from and its citation (value and citation above are the latest); null when not dated. */
  dated: { from: string; value: unknown; citation: string }[] | null;
}

/** A parameter's value as the book states it: the value, or each dated value with the date from which it applies. */
export function parameterValueWords(parameter: ParameterInfo): string {
  if (!parameter.dated) return formatValue(parameter.value);
  return parameter.dated.map((dated) => `from ${dated.from}, ${formatValue(dated.value)} (${dated.citation})`).join('; ');
}

/** A pack's parameters by name: its own and the shared ones, as the loader sees them. */
export type ParameterCatalog = ReadonlyMap<string, ParameterInfo>;

/** A calculator's parameter value with every reference in it replaced, and the parameters it used. */
export interface Resolved {
  value: unknown;
  parameters: string[];
}

export function resolveParameters(value: unknown, catalog: ParameterCatalog): Resolved {
  const parameters: string[] = [];
  const visit = (node: unknown): unknown => {
    if (isParameterRef(node)) {
      parameters.push(node.parameter);
      // The loader refuses a pack naming an unknown parameter, so this is always found.
      return catalog.get(node.parameter)?.value;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item)]));
    return node;
  };
  return { value: visit(value), parameters };
}

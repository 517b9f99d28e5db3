/**
 * What kind of value a case-file field holds, read from the case-file schema itself (so a field
 * added to the schema is split the right way without a change here): yes/no, one of an
 * enumeration's values, a number, a date (text that may be a span), a list, or something else
 * (free text, a group of fields). Only the first four are ever split; see representatives.ts.
 */
import { CaseFile } from '../case/schema.js';

export type FieldKind =
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'number' }
  | { kind: 'text' }
  | { kind: 'list'; item: FieldKind }
  | { kind: 'other' };

interface Node {
  def?: { type?: string; innerType?: Node; element?: Node; options?: readonly Node[]; entries?: Record<string, string> };
  shape?: Record<string, Node>;
  options?: readonly string[];
}

function unwrap(node: Node): Node {
  let current = node;
  while ((current.def?.type === 'optional' || current.def?.type === 'default') && current.def.innerType) current = current.def.innerType;
  return current;
}

function kindOf(node: Node): FieldKind {
  const inner = unwrap(node);
  switch (inner.def?.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return { kind: 'number' };
    case 'enum':
      return { kind: 'enum', values: Object.values(inner.def.entries ?? {}) };
    case 'array':
      return { kind: 'list', item: inner.def.element ? kindOf(inner.def.element) : { kind: 'other' } };
    case 'string':
    case 'union': // "present" or a date: only a written date span is ever split
      return { kind: 'text' };
    default:
      return { kind: 'other' };
  }
}

/** Kinds by path without list indices: the schema is fixed, so each is looked up once. */
const kinds = new Map<string, FieldKind>();

/** The kind of "criminalHistory.convictions[0].maximumPenaltyDays"; `other` for a group or no such field. */
export function fieldKindOf(path: string): FieldKind {
  const field = path.replace(/\[\d+\]/g, '');
  let kind = kinds.get(field);
  if (!kind) {
    let node: Node | undefined = CaseFile as unknown as Node;
    // The case file is a refined object: its shape sits on the inner schema.
    for (const key of field.split('.')) {
      let inner: Node = unwrap(node!);
      if (inner.def?.type === 'pipe' || (!inner.shape && inner.def?.innerType)) inner = unwrap(inner.def!.innerType!);
      if (inner.def?.type === 'array' && inner.def.element) inner = unwrap(inner.def.element);
      node = inner.shape && Object.hasOwn(inner.shape, key) ? inner.shape[key] : undefined;
      if (!node) break;
    }
    kind = node ? kindOf(node) : { kind: 'other' };
    kinds.set(field, kind);
  }
  return kind;
}


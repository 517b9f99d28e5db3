/**
 * "What if" changes to a case before it is validated: `path=value` pairs where the path is dotted,
 * with list items by index written either way (criminalHistory.convictions.0.maximumPenaltyDays or
 * criminalHistory.convictions[0].maximumPenaltyDays, as the report prints it), and the value is
 * read as YAML, so `180`, `true`, `reentry_felony` or `[dui]` all mean what they look like. A value
 * of `null` removes a field, making it unknown (nothing to do if it is absent), or takes an item out
 * of a list. An index may name an item of the list or the place just after its end (to add one),
 * nothing further.
 */
import { echo } from '../text/inert.js';
import { pathKeys } from './paths.js';
import { readYaml } from './yaml-text.js';

export interface WhatIf {
  path: string;
  value: unknown;
}

/** A change that cannot be made to this case (an item past the end of a list, a key on a list): a usage error. */
export class WhatIfError extends Error {
  constructor(path: string, problem: string) {
    super(`--what-if ${echo(path)}: ${problem}`);
    this.name = 'WhatIfError';
  }
}

const PATH = /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+|\[\d+\])*$/;
const INDEX = /^\d+$/;

export function parseWhatIf(text: string): WhatIf | undefined {
  const split = text.indexOf('=');
  if (split <= 0) return undefined;
  const path = text.slice(0, split).trim();
  if (!PATH.test(path)) return undefined;
  const read = readYaml(text.slice(split + 1));
  return 'value' in read ? { path, value: read.value ?? null } : undefined;
}

type Container = Record<string, unknown> | unknown[];

/** The position a key names in a list: an item, or with `canAppend` the place just after the last. */
function indexIn(list: unknown[], key: string, canAppend: boolean, path: string, listPath: string): number {
  if (!INDEX.test(key)) throw new WhatIfError(path, `${listPath} is a list: name an item by its number, e.g. ${listPath}[0]`);
  const index = Number(key);
  const last = canAppend ? list.length : list.length - 1;
  if (index > last) {
    const has = `${listPath} has ${list.length} item${list.length === 1 ? '' : 's'}`;
    throw new WhatIfError(path, `item ${echo(key)} is past the end of the list: ${has}, numbered from 0${canAppend ? `; ${list.length} adds one` : ''}`);
  }
  return index;
}

const isContainer = (value: unknown): value is Container => value !== null && typeof value === 'object';

function apply(root: Container, { path, value }: WhatIf): void {
  const keys = pathKeys(path).map(String);
  let node = root;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = keys[i]!;
    const fresh = (): Container => (INDEX.test(keys[i + 1]!) ? [] : {});
    const here = keys.slice(0, i).join('.');
    const removing = value === null;
    if (Array.isArray(node)) {
      const index = indexIn(node, key, !removing, path, here);
      if (!isContainer(node[index])) node[index] = fresh();
      node = node[index] as Container;
    } else {
      // Removing a field under one that is absent changes nothing: the field is unknown already.
      if (removing && !(Object.hasOwn(node, key) && isContainer(node[key]))) return;
      if (!Object.hasOwn(node, key) || !isContainer(node[key])) node[key] = fresh();
      node = node[key] as Container;
    }
  }
  const last = keys[keys.length - 1]!;
  if (Array.isArray(node)) {
    // null takes an item out of the list; any other value sets the item, or adds one at the end.
    const index = indexIn(node, last, value !== null, path, keys.slice(0, -1).join('.'));
    if (value === null) node.splice(index, 1);
    else node[index] = value;
  } else if (value === null) delete node[last];
  else node[last] = value;
}

/** Returns a changed copy of the raw case; the original is left alone. */
export function applyWhatIfs(raw: unknown, changes: readonly WhatIf[]): unknown {
  const copy = structuredClone(raw ?? {}) as Record<string, unknown>;
  for (const change of changes) apply(copy, change);
  return copy;
}

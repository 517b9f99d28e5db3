/**
 * A derived fact left unknown names the case fields whose answers could settle it: the questions,
 * settling by cases (src/settle) and the explain view all read its `missing` list, and a fact
 * unknown with nothing in it is taken for one open on a point of law. Each calculator lists the
 * fields it waits on by hand, beside its logic; one it forgets (a 1326 conviction whose `expunged`
 * was not recorded, for DACA's felony bar) left the result open with no question to ask. So, for
 * every calculator alike, a fact left unknown with nothing listed is computed once more on a view
 * of the case file that records each field read and found absent, and each such field that is
 * yes/no, enumerated or a number is tried value by value: a field some value of which changes an
 * unknown part of the fact is added to `missing`. Absent dates, text and lists are not tried (they
 * have no finite set of values to try). A fact the case settles, or one whose calculator lists
 * fields, costs nothing more: trying every absent field of every unknown fact cost settling by
 * cases several times its time (bench/run.js).
 */
import { consistencyIssues, type CaseFile } from '../case/schema.js';
import { pathKeys, withValue } from '../case/paths.js';
import { fieldKindOf } from '../settle/field-kinds.js';
import type { Calculator, DeriveContext, Derived, FactValue } from './calculator.js';

export function hasUnknown(value: FactValue): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  for (const key in value) if (hasUnknown(value[key]!)) return true;
  return false;
}

/**
 * The case file as the calculator sees it, with every read of an absent field recorded by its
 * path ("criminalHistory.convictions[0].expunged"). A list item past the end is no field.
 */
function recordingView(caseFile: CaseFile, absent: Set<string>): CaseFile {
  const views = new WeakMap<object, object>();
  const view = (target: object, path: string): object => {
    let proxy = views.get(target);
    if (!proxy) {
      const list = Array.isArray(target);
      proxy = new Proxy(target, {
        get(object, key) {
          const value = Reflect.get(object, key) as unknown;
          if (typeof key !== 'string') return value;
          const at = list ? `${path}[${key}]` : path ? `${path}.${key}` : key;
          if (value === undefined && !list) absent.add(at);
          if (value === null || typeof value !== 'object') return value;
          // A frozen property must be returned as it is (a proxy's invariant).
          const own = Reflect.getOwnPropertyDescriptor(object, key);
          return own && !own.configurable && !own.writable ? value : view(value, at);
        },
      });
      views.set(target, proxy);
    }
    return proxy;
  };
  return view(caseFile, '') as CaseFile;
}

/** The numbers in a calculator's parameters (its thresholds), each with the next one up. */
function parameterNumbers(params: unknown, out: Set<number>): Set<number> {
  if (typeof params === 'number' && Number.isFinite(params)) out.add(params).add(params + 1);
  else if (Array.isArray(params)) for (const item of params) parameterNumbers(item, out);
  else if (params !== null && typeof params === 'object') for (const item of Object.values(params)) parameterNumbers(item, out);
  return out;
}

/** The values to try for an absent field, or null when it is not tried. */
function trialValues(path: string, params: unknown): readonly unknown[] | null {
  const kind = fieldKindOf(path);
  if (kind.kind === 'boolean') return [true, false];
  if (kind.kind === 'enum') return kind.values;
  if (kind.kind === 'number') return [0, ...parameterNumbers(params, new Set())];
  return null;
}

/**
 * The parts of `value` at the places `original` leaves unknown, as text to compare: a field that
 * only overrides a known part (the attorney's own classification of an offense the categories
 * already settle) settles nothing, and settling takes known parts as they are.
 */
function unknownParts(value: FactValue, original: FactValue): string {
  if (original === null || typeof original !== 'object' || value === null || typeof value !== 'object') return JSON.stringify(value);
  return Object.keys(original)
    .filter((key) => hasUnknown(original[key]!))
    .map((key) => unknownParts(value[key] ?? null, original[key]!))
    .join('\0');
}

/** `derived`, when unknown with no field listed, with the absent fields that could settle an unknown part of it (see the top). */
export function withSettlingFields<P>(calculator: Calculator, context: DeriveContext, params: P, derived: Derived): Derived {
  if (derived.missing.length || !hasUnknown(derived.value)) return derived;
  const absent = new Set<string>();
  calculator.compute({ ...context, caseFile: recordingView(context.caseFile, absent) }, params as never);
  const shown = unknownParts(derived.value, derived.value);
  const added: string[] = [];
  for (const path of absent) {
    const values = trialValues(path, params);
    if (!values) continue;
    const keys = pathKeys(path);
    const changes = values.some((value) => {
      const caseFile = withValue(context.caseFile, keys, value) as CaseFile;
      if (consistencyIssues(caseFile).length) return false;
      return unknownParts(calculator.compute({ ...context, caseFile }, params as never).value, derived.value) !== shown;
    });
    if (changes) added.push(path);
  }
  return added.length ? { ...derived, missing: added } : derived;
}

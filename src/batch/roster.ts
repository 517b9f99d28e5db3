/**
 * CSV rosters: one row per client, one column per case-file field. A column is named by the
 * field's dotted path (person.dateOfBirth); list items are numbered (criminalHistory.convictions.0.statute,
 * entries.1.date). A cell is read by the type of its field: numbers, booleans (true/false, yes/no),
 * text; a list of values is written in one cell separated by ";" (offenseTypes: dui;burglary).
 * An empty cell is unknown, never "no"; "[]" is an empty list (departures: [] = never left).
 * The zod schema validates the result exactly as it does a case file.
 */
import { cellKind, type CellKind } from '../case/fields.js';
import type { CaseIssue } from '../case/load.js';
import { echo } from '../text/inert.js';

export interface RosterColumn {
  name: string;
  /** The path split at the dots, list indices as numbers. */
  path: (string | number)[];
  kind: CellKind | undefined;
}

const LIST_SEPARATOR = ';';
const EMPTY_LIST = '[]';

const INDEX = /^\d+$/;

export function rosterColumns(header: readonly string[]): RosterColumn[] {
  return header.map((raw) => {
    const name = raw.trim();
    const path = name.split('.').map((part) => (INDEX.test(part) ? Number(part) : part));
    const fieldPath = path.filter((part) => typeof part === 'string').join('.');
    return { name, path, kind: name ? cellKind(fieldPath) : undefined };
  });
}

/** A column's name as an error shows it: the header is the roster's own text, so inert and bounded. */
const shownName = (column: RosterColumn): string => echo(column.name) || '(an unnamed column)';

/** Problems with the header itself; each row of the roster reports them, so none is dropped unseen. */
export function headerIssues(columns: readonly RosterColumn[]): CaseIssue[] {
  const issues: CaseIssue[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!column.kind) issues.push({ field: shownName(column), problem: 'is not a case-file field (run "relief schema" for the field list)' });
    if (seen.has(column.name)) issues.push({ field: shownName(column), problem: 'appears twice in the header' });
    seen.add(column.name);
  }
  return issues;
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, false: false, no: false };
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

function readCell(text: string, item: CellKind['item']): { value: unknown } | { problem: string } {
  if (item === 'number') return NUMBER.test(text) ? { value: Number(text) } : { problem: `"${echo(text)}" is not a number` };
  if (item === 'boolean') {
    const value = BOOLEAN_WORDS[text.toLowerCase()];
    return value === undefined ? { problem: `"${echo(text)}" is not true/false or yes/no` } : { value };
  }
  return { value: text };
}

function readColumn(text: string, kind: CellKind, name: string): { value: unknown } | { problem: string } {
  if (kind.list && text === EMPTY_LIST) return { value: [] };
  if (kind.item === 'group') return { problem: `holds a group of fields: give each field its own column (e.g. ${name}${kind.list ? '.0' : ''}.<field>)${kind.list ? `, or "${EMPTY_LIST}" for an empty list` : ''}` };
  if (!kind.list) return readCell(text, kind.item);
  const values: unknown[] = [];
  for (const part of text.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean)) {
    const cell = readCell(part, kind.item);
    if ('problem' in cell) return cell;
    values.push(cell.value);
  }
  return { value: values };
}

type Container = Record<string | number, unknown>;

/**
 * Sets a value at a path, making objects and lists on the way; false if the path runs through a
 * value or through a list the row says is empty.
 */
function setPath(root: Container, path: readonly (string | number)[], value: unknown, saidEmpty: WeakSet<object>): boolean {
  let node: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key] ?? (typeof path[i + 1] === 'number' ? [] : {});
    if (next === null || typeof next !== 'object' || saidEmpty.has(next)) return false;
    node[key] = next;
    node = next as Container;
  }
  const last = path[path.length - 1]!;
  if (node[last] !== undefined) return false;
  node[last] = value;
  return true;
}

/** Numbered list items need not be contiguous in a roster (conviction 0 and 2 given, 1 empty). */
function closeGaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(closeGaps);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, closeGaps(item)]));
  }
  return value;
}

/** One roster row as a raw case value (to be validated), or what is wrong with its cells. */
export function rowToCase(columns: readonly RosterColumn[], cells: readonly string[]): { value: unknown } | { issues: CaseIssue[] } {
  if (cells.every((cell) => cell.trim() === '')) return { issues: [{ field: null, problem: 'the row has no values (every cell is empty)' }] };
  if (cells.length !== columns.length) {
    return { issues: [{ field: null, problem: `the row has ${cells.length} cells but the header has ${columns.length} columns` }] };
  }
  const issues: CaseIssue[] = [];
  const root: Container = {};
  const saidEmpty = new WeakSet<object>();
  columns.forEach((column, i) => {
    const text = cells[i]!.trim();
    if (text === '' || !column.kind) return;
    const cell = readColumn(text, column.kind, column.name);
    if ('value' in cell && Array.isArray(cell.value) && cell.value.length === 0) saidEmpty.add(cell.value);
    if ('problem' in cell) issues.push({ field: shownName(column), problem: cell.problem });
    else if (!setPath(root, column.path, cell.value, saidEmpty)) issues.push({ field: shownName(column), problem: 'conflicts with another column of this row' });
  });
  return issues.length ? { issues } : { value: closeGaps(root) };
}

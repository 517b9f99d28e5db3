/**
 * CSV rosters: one row per client, one column per case-file field. A column is named by the
 * field's dotted path (person.dateOfBirth); list items are numbered (criminalHistory.convictions.0.statute,
 * entries.1.date). A cell is read by the type of its field: numbers, booleans (yes/no, y/n,
 * true/false, 1/0 in any case, as case-management exports write them), dates, text; a list of
 * values is written in one cell separated by ";" (offenseTypes: dui;burglary).
 * An empty cell is unknown, never "no"; "[]" is an empty list (departures: [] = never left).
 * Dates are YYYY-MM-DD (or YYYY-MM, YYYY, a span); MM/DD/YYYY only when the roster is declared
 * month/day/year (--date-order mdy), because 03/04/2010 reads two ways and is never guessed.
 * `clientName` is the column name clinics use for person.name.
 * The zod schema validates the result exactly as it does a case file.
 */
import { cellKind, type CellKind } from '../case/fields.js';
import type { CaseIssue } from '../case/load.js';
import { parseDateSpec } from '../case/dates.js';
import { echo } from '../text/inert.js';
import type { DateOrder } from './date-order.js';


export interface RosterColumn {
  name: string;
  /** The path split at the dots, list indices as numbers. */
  path: (string | number)[];
  kind: CellKind | undefined;
}

const LIST_SEPARATOR = ';';
const EMPTY_LIST = '[]';

const INDEX = /^\d+$/;

/** Column names clinics' systems use, and the case-file field each fills. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = { clientName: 'person.name' };

/** The case-file field a roster column fills: its own name, or the field an alias stands for. */
export const fieldOfColumn = (name: string): string => (Object.hasOwn(COLUMN_ALIASES, name) ? COLUMN_ALIASES[name]! : name);

export function rosterColumns(header: readonly string[]): RosterColumn[] {
  return header.map((raw) => {
    const name = raw.trim();
    const field = fieldOfColumn(name);
    const path = field.split('.').map((part) => (INDEX.test(part) ? Number(part) : part));
    const fieldPath = path.filter((part) => typeof part === 'string').join('.');
    return { name, path, kind: name ? cellKind(fieldPath) : undefined };
  });
}

/** A column's name as an error shows it: the header is the roster's own text, so inert and bounded. */
const shownName = (column: RosterColumn): string => echo(column.name) || '(an unnamed column)';

/** Problems with the header itself; each row of the roster reports them, so none is dropped unseen. */
export function headerIssues(columns: readonly RosterColumn[]): CaseIssue[] {
  const issues: CaseIssue[] = [];
  // By the field filled, so clientName and person.name side by side are caught too.
  const seen = new Map<string, string>();
  for (const column of columns) {
    if (!column.kind) issues.push({ field: shownName(column), problem: 'is not a case-file field (run "relief schema" for the field list)' });
    const field = column.path.join('.');
    const earlier = seen.get(field);
    if (earlier === column.name) issues.push({ field: shownName(column), problem: 'appears twice in the header' });
    else if (earlier !== undefined) issues.push({ field: shownName(column), problem: `fills the same field as the column "${echo(earlier)}"` });
    else seen.set(field, column.name);
  }
  return issues;
}

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, yes: true, y: true, 1: true, false: false, no: false, n: false, 0: false };
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A date written with slashes, month and day first in some order: 3/4/2010, 03/04/10, 03/2010. */
const SLASHED_DATE = /^(\d{1,2})\/(?:(\d{1,2})\/)?(\d{2}|\d{4})$/;

type Cell = { value: unknown } | { problem: string };

/**
 * A date cell. The case file's own forms pass through (zod checks them); a slashed date is read
 * only in a roster declared month/day/year, and then only with a four-digit year.
 */
function readDate(text: string, order: DateOrder): Cell {
  const slashed = SLASHED_DATE.exec(text);
  if (!slashed) return { value: text };
  const shown = `"${echo(text)}"`;
  if (order !== 'mdy') {
    return { problem: `${shown} is not written YYYY-MM-DD: a date with slashes can be month/day/year or day/month/year, and the order is never guessed (write YYYY-MM-DD, or run relief batch with --date-order mdy if every date in the roster is month/day/year)` };
  }
  const [, month, day, year] = slashed;
  if (year!.length !== 4) return { problem: `${shown} has a two-digit year: write the year in full (the century is never guessed)` };
  const iso = `${year}-${month!.padStart(2, '0')}${day === undefined ? '' : `-${day.padStart(2, '0')}`}`;
  return parseDateSpec(iso) ? { value: iso } : { problem: `${shown} is not a real calendar date read as month/day/year` };
}

function readCell(text: string, item: CellKind['item'], order: DateOrder): Cell {
  if (item === 'number') return NUMBER.test(text) ? { value: Number(text) } : { problem: `"${echo(text)}" is not a number` };
  if (item === 'boolean') {
    const value = Object.hasOwn(BOOLEAN_WORDS, text.toLowerCase()) ? BOOLEAN_WORDS[text.toLowerCase()] : undefined;
    return value === undefined ? { problem: `"${echo(text)}" is not yes/no (yes/no, y/n, true/false or 1/0)` } : { value };
  }
  if (item === 'date') return readDate(text, order);
  return { value: text };
}

function readColumn(text: string, kind: CellKind, name: string, order: DateOrder): Cell {
  if (kind.list && text === EMPTY_LIST) return { value: [] };
  if (kind.item === 'group') return { problem: `holds a group of fields: give each field its own column (e.g. ${name}${kind.list ? '.0' : ''}.<field>)${kind.list ? `, or "${EMPTY_LIST}" for an empty list` : ''}` };
  if (!kind.list) return readCell(text, kind.item, order);
  const values: unknown[] = [];
  for (const part of text.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean)) {
    const cell = readCell(part, kind.item, order);
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
export function rowToCase(columns: readonly RosterColumn[], cells: readonly string[], order: DateOrder = 'ymd'): { value: unknown } | { issues: CaseIssue[] } {
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
    const cell = readColumn(text, column.kind, column.name, order);
    if ('value' in cell && Array.isArray(cell.value) && cell.value.length === 0) saidEmpty.add(cell.value);
    if ('problem' in cell) issues.push({ field: shownName(column), problem: cell.problem });
    else if (!setPath(root, column.path, cell.value, saidEmpty)) issues.push({ field: shownName(column), problem: 'conflicts with another column of this row' });
  });
  return issues.length ? { issues } : { value: closeGaps(root) };
}

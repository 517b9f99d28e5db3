/**
 * The finite set of values an unknown case-file field is split into. Each set must cover every
 * value the field could take, up to what the calculators can tell apart, or settling would not be
 * sound:
 * - yes/no: true and false; an enumeration: each of its values;
 * - a number: one value in each interval cut by the packs' thresholds of its unit (thresholds.ts),
 *   both sides of each line (a test "more than t" turns between t and t+1, "at least t" between
 *   t-1 and t), and the same lines shifted by the other numbers known on the same record that
 *   a calculator adds or subtracts (a custody of imposed less suspended days, a detainer's days
 *   out of the custody: t + k, t - k, k - t) and by the totals on the other records (of the same
 *   field: sentences added up; of the days held less detainer days: confinement added up). The
 *   interval's lowest value stands for it;
 * - a date given as a span: the span cut at the packs' fixed dates, at the anniversaries (by the
 *   packs' numbers of years) of the screening date and of the case's other dates, and at those
 *   dates themselves, into spans that together are exactly the original, so nothing is left out
 *   whatever a calculator compares the date with. With no such date inside, the span is halved.
 * Anything else (a list of unknown length, free text, an absent date, which may stand for an event
 * that never happened) is not split: a result that turns on it stays open.
 */
import { anniversary, parseDateSpec, toIsoDate, type EpochDay } from '../case/dates.js';
import { pathKeys, readKeys } from '../case/paths.js';
import { fieldKindOf } from './field-kinds.js';
import type { Thresholds } from './thresholds.js';

/** A value a case field can be given (a list only when trying values for a witness). */
export type FieldValue = boolean | string | number | string[];

/** A value for a field, standing for itself or, for a number, for an interval. */
export interface Representative {
  value: FieldValue;
  /** For a number: the interval the value stands for, inclusive (Infinity when open-ended). */
  upTo?: number;
}

/** The record a field belongs to (a conviction), and the list it is in, when it is in a list. */
function recordOf(root: unknown, path: string): { record: Record<string, unknown>; list: unknown[] | null; field: string } | null {
  const keys = pathKeys(path);
  const field = keys.pop();
  const record = readKeys(root, keys);
  if (typeof field !== 'string' || record === null || typeof record !== 'object') return null;
  const last = keys[keys.length - 1];
  const list = typeof last === 'number' ? (readKeys(root, keys.slice(0, -1)) as unknown[]) : null;
  return { record: record as Record<string, unknown>, list, field };
}

/**
 * Lower bounds the law puts on a number given the rest of its record: a court cannot impose a
 * sentence above the statutory maximum, so the maximum penalty is at least the sentence imposed
 * or to be served (U.S. Const. amend. VI, Apprendi v. New Jersey, 530 U.S. 466 (2000); 18 U.S.C.
 * 3581(b) for federal terms). The example: a sentence of more than a year proves the
 * maximum is more than a year.
 */
function floorOf(field: string, record: Record<string, unknown>): number {
  if (field !== 'maximumPenaltyDays') return 0;
  const sentences = [record.sentenceImposedDays, record.sentenceToCustodyDays].filter((n): n is number => typeof n === 'number');
  return Math.max(0, ...sentences);
}

/**
 * The numbers of days a calculator adds to or subtracts from one another on one conviction (custody
 * is the sentence imposed less the days suspended, or the days held less those held only on a
 * detainer: src/facts/record/common.ts, penalty-and-custody.ts). A line on one of them is a line on
 * the others shifted by their known values; the maximum penalty is never combined with them (it
 * only bounds them, see floorOf), so shifting by it would only add cuts that decide nothing.
 */
const SENTENCE_ARITHMETIC = new Set(['sentenceImposedDays', 'sentenceSuspendedDays', 'sentenceToCustodyDays', 'daysInCustody', 'daysHeldOnImmigrationDetainer']);

function numberRepresentatives(path: string, root: unknown, thresholds: Thresholds): Representative[] {
  const at = recordOf(root, path);
  const field = at?.field ?? path;
  const base = /Days$/.test(field) ? thresholds.days : /age/i.test(field) ? thresholds.years : thresholds.other;
  const lines = new Set<number>(base);
  if (at) {
    const siblings = SENTENCE_ARITHMETIC.has(field) ? Object.entries(at.record).filter(([key, v]) => key !== field && SENTENCE_ARITHMETIC.has(key) && typeof v === 'number').map(([, v]) => v as number) : [];
    const others = (at.list ?? []).filter((item): item is Record<string, unknown> => item !== at.record && item !== null && typeof item === 'object');
    const total = (read: (item: Record<string, unknown>) => number) => others.reduce((sum, item) => sum + read(item), 0);
    const number = (value: unknown) => (typeof value === 'number' ? value : 0);
    // Totals over the records: of the same field (sentences added up), and of the days held less
    // those held only on a detainer (confinement added up).
    const othersTotals = [total((item) => number(item[field])), total((item) => number(item.daysInCustody) - number(item.daysHeldOnImmigrationDetainer))].filter((n) => n !== 0);
    for (const t of base) {
      // A line t on a difference with a known k (custody = imposed - suspended): t + k, t - k and k - t.
      for (const k of siblings) lines.add(t + k).add(t - k).add(k - t);
      for (const sum of othersTotals) lines.add(t - sum);
    }
  }
  const cuts = new Set<number>([0]);
  for (const t of lines) if (t >= 0) cuts.add(t).add(t + 1);
  const starts = [...cuts].sort((a, b) => a - b);
  const floor = at ? floorOf(field, at.record) : 0;
  const out: Representative[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : Infinity;
    // An interval wholly below what the law allows is no completion at all.
    if (end < floor) return;
    out.push({ value: Math.max(start, floor), upTo: end });
  });
  return out;
}

/**
 * Days that may matter to a date inside a span: the packs' cutoffs and anniversaries (see the top).
 * A day here is the first of a new stretch: a comparison may turn between it and the day before.
 * relief flips moves a known date across the ones nearest to it.
 */
export function dateCuts(root: unknown, self: string, screeningDay: EpochDay, thresholds: Thresholds): EpochDay[] {
  const anchors: EpochDay[] = [screeningDay];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string' && path !== self) {
      const range = /^\d{4}/.test(value) ? parseDateSpec(value) : undefined;
      if (range) anchors.push(range.earliest, range.latest + 1);
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(root, '');
  const cuts = [...thresholds.dates, ...anchors];
  for (const anchor of anchors) for (const years of thresholds.years) if (years > 0) cuts.push(anniversary(anchor, years), anniversary(anchor, -years));
  return cuts;
}

function spanText(from: EpochDay, to: EpochDay): string {
  return from === to ? toIsoDate(from) : `${toIsoDate(from)}/${toIsoDate(to)}`;
}

/** At most this many cuts of one span at a time (the middle ones): a deeper split may cut again. */
const MAX_DATE_CUTS = 3;

function dateRepresentatives(path: string, text: string, root: unknown, screeningDay: EpochDay, thresholds: Thresholds): Representative[] | null {
  const range = parseDateSpec(text);
  if (!range || range.earliest === range.latest) return null;
  let inside = [...new Set(dateCuts(root, path, screeningDay, thresholds))].filter((day) => day > range.earliest && day <= range.latest).sort((a, b) => a - b);
  if (inside.length === 0) inside = [range.earliest + Math.ceil((range.latest - range.earliest) / 2)];
  if (inside.length > MAX_DATE_CUTS) {
    const step = inside.length / (MAX_DATE_CUTS + 1);
    inside = Array.from({ length: MAX_DATE_CUTS }, (_, i) => inside[Math.round(step * (i + 1))]!);
    inside = [...new Set(inside)];
  }
  const bounds = [range.earliest, ...inside, range.latest + 1];
  return bounds.slice(0, -1).map((from, i) => ({ value: spanText(from, bounds[i + 1]! - 1) }));
}

/**
 * Values to try, not to split on, when looking for a witness pair (search.ts, findWitness): a list
 * of an enumeration's values as none, each one alone, or all; an absent date as a few days back
 * from the screening date. They need not cover anything: a witness is checked by screening it.
 */
function trialValues(path: string, screeningDay: EpochDay): Representative[] | null {
  const kind = fieldKindOf(path);
  if (kind.kind === 'list' && kind.item.kind === 'enum') {
    const values = kind.item.values;
    return [{ value: [] }, ...values.map((v) => ({ value: [v] })), { value: [...values] }];
  }
  if (kind.kind === 'text') return [0, 1, 4, 11, 25].map((years) => ({ value: toIsoDate(anniversary(screeningDay, -years)) }));
  return null;
}

/**
 * The values `path` is split into on this (partial) case, or null when it is not split. With
 * `trial`, fields that are never split get values to try for a witness (see trialValues).
 */
export function representatives(path: string, root: unknown, screeningDay: EpochDay, thresholds: Thresholds, trial = false): Representative[] | null {
  const current = readKeys(root, pathKeys(path));
  const kind = fieldKindOf(path);
  if (current === undefined && trial) {
    const tried = trialValues(path, screeningDay);
    if (tried) return tried;
  }
  if (current === undefined) {
    if (kind.kind === 'boolean') return [{ value: true }, { value: false }];
    if (kind.kind === 'enum') return kind.values.map((value) => ({ value }));
    if (kind.kind === 'number') return numberRepresentatives(path, root, thresholds);
    return null;
  }
  if (kind.kind === 'text' && typeof current === 'string') return dateRepresentatives(path, current, root, screeningDay, thresholds);
  return null;
}

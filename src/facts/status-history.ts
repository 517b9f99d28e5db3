/**
 * What the status history shows about the client's use of a visa: Morton's Priority 2 reaches
 * those who "recently violated immigration controls ... through the knowing abuse of the visa and
 * visa waiver programs". Whether an overstay or another violation was "knowing abuse", and recent,
 * is the attorney's determination (it always wins when recorded); the dates settle only that a
 * client who never held a visa or visa-waiver status, and was never admitted, abused none (a case
 * file whose determination says otherwise is refused: src/case/family-consistency.ts), and they
 * show the attorney an overstay (a nonimmigrant status that ended, followed by a period without
 * status) that began within the look-back.
 */
import { z } from 'zod';
import { toIsoDate } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { readPath } from '../case/fields.js';
import { defineCalculator, derived, type ReviewNote } from './calculator.js';
import { DayCount, FieldPath } from './params.js';
import { rangeOf } from './timeline.js';


type Period = NonNullable<CaseFile['statusHistory']>[number];

function describeVisa(period: Period): string {
  return `${period.visaClass ?? 'nonimmigrant'} status${period.from ? ` from ${period.from}` : ''} until ${period.to ?? 'an unknown date'}`;
}

/** The first day of an overstay of `period`: its status ended on a date and the next period, from that day or the day after, is one without status. */
function overstayStart(period: Period, history: Period[]): number | undefined {
  if (period.to === undefined || period.to === 'present') return undefined;
  const end = rangeOf(period.to);
  const followed = history.some((other) => {
    if (other.status !== 'none') return false;
    const from = rangeOf(other.from);
    return from.earliest >= end.earliest && from.latest <= end.latest + 1;
  });
  // The status holds through its last day: the overstay begins the day after.
  return followed ? end.earliest + 1 : undefined;
}

export const recentVisaOverstay = defineCalculator({
  description:
    "Recently violated immigration controls through the knowing abuse of the visa or visa waiver programs: the attorney's determination when recorded; else false for a client the status history shows never held a nonimmigrant status and the entries show was never admitted; else unknown, with an overstay that began within the look-back raised for the attorney's determination.",
  params: z.strictObject({ determination: FieldPath, overstayReviewWithinDays: DayCount }),
  reviewCodes: ['visaOverstay'],
  caseFields: { determination: ['value'] },
  compute({ caseFile, screeningDay }, params) {
    const told = readPath(caseFile, params.determination);
    if (typeof told === 'boolean') return derived(told, `${params.determination} = ${told} (the attorney's determination)`);
    const history = caseFile.statusHistory;
    if (!history) return derived(null, 'the status history is not recorded', ['statusHistory', params.determination]);
    const visas = history.filter((period) => period.status === 'nonimmigrant');
    if (visas.length === 0) return neverHeldAVisa(caseFile, params.determination);
    const notes: ReviewNote[] = [];
    for (const period of visas) {
      const start = overstayStart(period, history);
      if (start !== undefined && screeningDay - start <= params.overstayReviewWithinDays) {
        notes.push({ code: 'visaOverstay', subject: `${describeVisa(period)}, then no status from ${toIsoDate(start)}` });
      }
    }
    const shown = notes.length ? `overstay: ${notes.map((n) => n.subject).join('; ')}` : visas.map(describeVisa).join('; ');
    return derived(null, `${shown}; whether the client knowingly abused a visa is the attorney's determination`, [params.determination], notes);
  },
});

/** No visa in the status history: none to abuse, unless an entry recorded as an admission (or of unknown manner) may have been on one. */
function neverHeldAVisa(caseFile: CaseFile, determination: string) {
  const entries = caseFile.entries;
  if (!entries) return derived(null, 'no nonimmigrant status in the status history, but the entries are not recorded', ['entries', determination]);
  const open = entries.flatMap((entry, i) => (entry.manner === 'admitted' || entry.manner === undefined ? [i] : []));
  if (open.length > 0) {
    const missing = open.flatMap((i) => (entries[i]!.manner === undefined ? [`entries[${i}].manner`] : []));
    return derived(null, 'no nonimmigrant status in the status history, but an entry may have been an admission on a visa', [...missing, 'statusHistory', determination]);
  }
  return derived(false, 'no nonimmigrant (visa or visa-waiver) status in the status history and no admission: no visa to abuse');
}

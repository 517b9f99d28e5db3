/**
 * Facts of one entry or one period of status that bar a program on their own, as a pack names them:
 * an entry of a kind on or after a date (cancellation's 240A(c)(1): entered as a crewman after
 * June 30, 1964), a nonimmigrant period of a visa class whose field holds a value (240A(c)(2)-(3):
 * an exchange visitor admitted for graduate medical training, or subject to the two-year home
 * residence requirement and not having met or been excused from it).
 */
import { z } from 'zod';
import { rangeOfField } from '../case/dates.js';
import { EntryManner, VisaClass } from '../case/schema.js';
import { defineCalculator, derived } from './calculator.js';
import { DateParam, describeDay, resolveDay } from './params.js';
import { onOrAfter, triAnd, triOr, type Tri } from './tri.js';

export const entryOfKindOnOrAfter = defineCalculator({
  description:
    'Some entry on or after a date was of the kind a yes/no field of the entry names (asCrewman: entered as a crewman); an entry made in one of the manners listed as excluded (without inspection, for a crewman landing under a permit) is not of the kind.',
  params: z.strictObject({ kind: z.enum(['asCrewman']), onOrAfter: DateParam, excludedManners: z.array(EntryManner).default([]) }),
  reviewCodes: [],
  compute(context, params) {
    const entries = context.caseFile.entries;
    if (!entries) return derived(null, 'the entries are not recorded', ['entries']);
    const start = resolveDay(params.onOrAfter, context);
    const missing: string[] = [];
    const value = triOr(
      entries.map((entry, i): Tri => {
        const after = onOrAfter(rangeOfField(entry.date), start);
        const kind: Tri = entry.manner !== undefined && params.excludedManners.includes(entry.manner) ? false : (entry[params.kind] ?? null);
        const both = triAnd([after, kind]);
        if (both === null) missing.push(...(after === null ? [`entries[${i}].date`] : []), ...(kind === null ? [`entries[${i}].${params.kind}`] : []));
        return both;
      }),
    );
    return derived(value, `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}; ${params.kind} on or after ${describeDay(params.onOrAfter)}: ${value === null ? 'not settled' : value ? 'yes' : 'none'}`, value === null ? missing : []);
  },
});

const PeriodField = z.enum(['graduateMedicalTraining', 'homeResidenceRequirement']);

export const visaClassPeriodWith = defineCalculator({
  description:
    'Some nonimmigrant period of status under one of the given visa classes (either side of a "B-1/B-2" pair; a period whose class is not recorded is read by the field, which is asked of those classes only) has a field holding one of the given values.',
  params: z.strictObject({ visaClasses: z.array(VisaClass).min(1), field: PeriodField, values: z.array(z.union([z.boolean(), z.string()])).min(1) }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const periods = caseFile.statusHistory;
    if (!periods) return derived(null, 'the status history is not recorded', ['statusHistory']);
    const missing: string[] = [];
    const value = triOr(
      periods.map((period, i): Tri => {
        if (period.status !== 'nonimmigrant') return false;
        // The field is asked of an exchange visitor only, so a period whose class is not recorded is read by the field.
        if (period.visaClass !== undefined && !period.visaClass.split('/').some((visaClass) => params.visaClasses.includes(visaClass))) return false;
        const held = period[params.field];
        if (held === undefined) {
          missing.push(`statusHistory[${i}].${params.field}`);
          return null;
        }
        return params.values.includes(held);
      }),
    );
    return derived(value, `${params.visaClasses.join(', ')} periods with ${params.field} in [${params.values.join(', ')}]: ${value === null ? 'not settled' : value ? 'yes' : 'none'}`, value === null ? missing : []);
  },
});

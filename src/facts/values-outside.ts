/**
 * A value outside a list the law gives: a crime the statute does not name, where the law also
 * reaches "any similar activity". The pack asks whether such a value qualifies; this says only
 * that one is there, so that the question arises for this client and no other.
 */
import { z } from 'zod';
import { readPath } from '../case/fields.js';
import { defineCalculator, derived } from './calculator.js';
import { FieldPath } from './params.js';

export const fieldHasValueOutside = defineCalculator({
  description: 'A field of the case file holds a value that is not among the listed values (for a list field, some item is not; an empty list holds none).',
  params: z.strictObject({ path: FieldPath, values: z.array(z.string()).min(1) }),
  reviewCodes: [],
  caseFields: { path: ['value', 'list'] },
  compute({ caseFile }, params) {
    const value = readPath(caseFile, params.path);
    if (value === undefined) return derived(null, `${params.path} is not recorded`, [params.path]);
    const outside = (Array.isArray(value) ? value : [value]).map(String).filter((v) => !params.values.includes(v));
    return derived(outside.length > 0, outside.length ? `${params.path}: ${outside.join(', ')} not listed` : `${params.path}: every value listed`);
  },
});

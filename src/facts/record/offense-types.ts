/**
 * Whether some conviction is of one of the listed offense types (e.g. trafficking others). A quick
 * category label settles only "none"; any other label leaves the answer open, with review.
 */
import { z } from 'zod';
import { OffenseType } from '../../case/schema.js';
import { defineCalculator, derived } from '../calculator.js';
import { triOr } from '../tri.js';
import { convictionName, convictionPath, hasType } from './common.js';

export const convictionOfType = defineCalculator({
  description: 'Some recorded conviction is of one of the listed offense types.',
  params: z.strictObject({ offenseTypes: z.array(OffenseType).min(1) }),
  reviewCodes: ['bareLabel'],
  compute({ caseFile }, params) {
    const history = caseFile.criminalHistory;
    const convictions = history?.convictions;
    if (!convictions) {
      if (history?.category === 'none') return derived(false, 'the category "none" is recorded');
      const notes = history?.category ? [{ code: 'bareLabel', subject: history.category }] : [];
      return derived(null, history?.category ? `only the category "${history.category.replaceAll('_', ' ')}" is recorded` : 'the conviction history is not recorded', ['criminalHistory.convictions'], notes);
    }
    const verdicts = convictions.map((c) => hasType(c, params.offenseTypes));
    const value = triOr(verdicts);
    const hits = convictions.flatMap((c, i) => (verdicts[i] === true ? [convictionName(c, i)] : []));
    const missing = value === null ? convictions.flatMap((c, i) => (c.offenseTypes === undefined ? [convictionPath(i, 'offenseTypes')] : [])) : [];
    return derived(value, hits.length ? `of a listed type: ${hits.join(', ')}` : `${convictions.length} conviction(s), none known to be of ${params.offenseTypes.join(', ')}`, missing);
  },
});

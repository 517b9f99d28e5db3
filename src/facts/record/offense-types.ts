/**
 * Whether some conviction is of one of the listed offense types (e.g. trafficking others), or, with
 * `atLeast` and `convictedWithinYears`, whether that many were entered within that many years
 * before the screening date (e.g. two DUI convictions in the good-moral-character period). A quick
 * category label settles only "none"; any other label leaves the answer open, with review.
 */
import { z } from 'zod';
import { anniversary, rangeOfField } from '../../case/dates.js';
import { OffenseType, type Conviction } from '../../case/schema.js';
import { defineCalculator, derived } from '../calculator.js';
import { Years } from '../params.js';
import { triAnd, type Tri } from '../tri.js';
import { convictionName, convictionPath, hasType } from './common.js';

const Params = z.strictObject({ offenseTypes: z.array(OffenseType).min(1), atLeast: z.number().int().min(1).optional(), convictedWithinYears: Years.optional() });

/** Entered on or after `since` (a day), as far as the conviction date tells. */
function convictedSince(conviction: Conviction, since: number | undefined): Tri {
  if (since === undefined) return true;
  const convicted = rangeOfField(conviction.convictionDate);
  if (!convicted) return null;
  return convicted.earliest >= since ? true : convicted.latest < since ? false : null;
}

export const convictionOfType = defineCalculator({
  description:
    'Some recorded conviction is of one of the listed offense types; optionally at least a number of them, optionally entered within a number of years before the screening date.',
  params: Params,
  reviewCodes: ['bareLabel'],
  compute({ caseFile, screeningDay }, params) {
    const history = caseFile.criminalHistory;
    const convictions = history?.convictions;
    if (!convictions) {
      if (history?.category === 'none') return derived(false, 'the category "none" is recorded');
      const notes = history?.category ? [{ code: 'bareLabel', subject: history.category }] : [];
      return derived(null, history?.category ? `only the category "${history.category.replaceAll('_', ' ')}" is recorded` : 'the conviction history is not recorded', ['criminalHistory.convictions'], notes);
    }
    const since = params.convictedWithinYears === undefined ? undefined : anniversary(screeningDay, -params.convictedWithinYears);
    const verdicts = convictions.map((c) => triAnd([hasType(c, params.offenseTypes), convictedSince(c, since)]));
    const surely = verdicts.filter((v) => v === true).length;
    const possibly = verdicts.filter((v) => v !== false).length;
    const atLeast = params.atLeast ?? 1;
    const value: Tri = surely >= atLeast ? true : possibly < atLeast ? false : null;
    const hits = convictions.flatMap((c, i) => (verdicts[i] === true ? [convictionName(c, i)] : []));
    const missing =
      value === null
        ? convictions.flatMap((c, i) => (verdicts[i] !== null ? [] : c.offenseTypes === undefined ? [convictionPath(i, 'offenseTypes')] : [convictionPath(i, 'convictionDate')]))
        : [];
    const within = since === undefined ? '' : ` entered in the ${params.convictedWithinYears} years before the screening date`;
    return derived(value, hits.length ? `of a listed type${within}: ${hits.join(', ')}` : `${convictions.length} conviction(s), none known to be of ${params.offenseTypes.join(', ')}${within}`, missing);
  },
});

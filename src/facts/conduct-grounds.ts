/**
 * Grounds of inadmissibility that turn on conduct, not on a conviction: prostitution within 10
 * years (INA 212(a)(2)(D)) and unlawful voting (212(a)(10)(D), 237(a)(6)). The conduct is read
 * wherever the case file shows it: the client's own answer, any record of an offense of the type
 * (a juvenile adjudication or an expunged conviction still shows what was done), and, for
 * prostitution, the commercial sex acts of a sex-trafficking victim, kept apart because whether
 * compelled acts are "prostitution" at all is contested and the packs treat them differently.
 */
import { z } from 'zod';
import { anniversary, rangeOfField as range, toIsoDate, type EpochDay } from '../case/dates.js';
import { OffenseType, type CaseFile } from '../case/schema.js';
import { defineCalculator, derived } from './calculator.js';
import { Years } from './params.js';
import { onOrAfter, triOr, type Tri } from './tri.js';
import { offenseDays } from './record/common.js';

interface RecordReading {
  value: Tri;
  missing: string[];
}

/**
 * Some listed record (conviction or adjudication) is of one of the types, with its offense in the
 * window when `start` is given. An offense without a date but with a conviction date happened on or
 * before that. An unknown list, or a record whose types are not told, leaves the answer open.
 */
function recordShows(caseFile: CaseFile, types: readonly string[], start?: EpochDay): RecordReading {
  const records = caseFile.criminalHistory?.convictions;
  if (!records) {
    const none = caseFile.criminalHistory?.category === 'none';
    return { value: none ? false : null, missing: none ? [] : ['criminalHistory.convictions'] };
  }
  const missing: string[] = [];
  const verdicts = records.map((record, i): Tri => {
    const at = `criminalHistory.convictions[${i}]`;
    if (record.offenseTypes === undefined) {
      missing.push(`${at}.offenseTypes`);
      return null;
    }
    if (!record.offenseTypes.some((t) => types.includes(t))) return false;
    if (start === undefined) return true;
    const within = onOrAfter(offenseDays(record), start);
    if (within === null) missing.push(`${at}.offenseDate`);
    return within;
  });
  return { value: triOr(verdicts), missing };
}

/**
 * The client's own answer combined with the records: a record showing the conduct settles it, even
 * against an answer of "no" (so "no" settles nothing while the records are unknown); with no
 * answer, a clean record proves nothing, since the ground needs no conviction.
 */
function withAnswer(answer: Tri, records: RecordReading, answerPath: string): { value: Tri; missing: string[] } {
  if (records.value === true || answer === true) return { value: true, missing: [] };
  if (answer === false) return records.value === false ? { value: false, missing: [] } : { value: null, missing: records.missing };
  return { value: null, missing: [answerPath, ...records.missing] };
}

export const prostitutionConduct = defineCalculator({
  description:
    'Engaged in prostitution within a number of years before the screening date (INA 212(a)(2)(D)(i), conduct, no conviction needed): shown by the client\'s answer or by any record of a prostitution offense in the window; and, apart, the commercial sex acts of a sex-trafficking victim in the window.',
  params: z.strictObject({
    lookbackYears: Years,
    prostitutionOffenseTypes: z.array(OffenseType).min(1),
    commercialSexTraffickingTypes: z.array(z.enum(['sex', 'labor', 'both'])).min(1),
  }),
  reviewCodes: [],
  outputKeys: ['shownWithinLookback', 'compelledWithinLookback', 'withinLookback'],
  compute({ caseFile, screeningDay }, params) {
    const start = anniversary(screeningDay, -params.lookbackYears);
    const told = caseFile.security?.prostitution;
    const answer: Tri =
      told?.engaged === undefined ? null : told.engaged === false ? false : onOrAfter(range(told.lastDate), start);
    const answerPath = told?.engaged === true ? 'security.prostitution.lastDate' : 'security.prostitution.engaged';
    const shown = withAnswer(answer, recordShows(caseFile, params.prostitutionOffenseTypes, start), answerPath);
    const compelled = compelledActs(caseFile, start, params.commercialSexTraffickingTypes);
    const withinLookback = triOr([shown.value, compelled.value]);
    const missing = withinLookback === null ? [...new Set([...(shown.value === null ? shown.missing : []), ...(compelled.value === null ? compelled.missing : [])])] : [];
    const say = (v: Tri) => (v === null ? 'not settled' : v ? 'yes' : 'no');
    const detail = `prostitution on or after ${toIsoDate(start)}: shown by the client or a record, ${say(shown.value)}; commercial sex acts of sex trafficking, ${say(compelled.value)}`;
    return derived({ shownWithinLookback: shown.value, compelledWithinLookback: compelled.value, withinLookback }, detail, missing);
  },
});

/** The commercial sex acts of sex trafficking, by the last act's date. */
function compelledActs(caseFile: CaseFile, start: EpochDay, sexTypes: readonly string[]): { value: Tri; missing: string[] } {
  const trafficking = caseFile.trafficking;
  if (trafficking?.occurred === false) return { value: false, missing: [] };
  const sex: Tri = trafficking?.type === undefined ? null : sexTypes.includes(trafficking.type);
  if (sex === false) return { value: false, missing: [] };
  const within = onOrAfter(range(trafficking?.lastActDate), start);
  if (within === false) return { value: false, missing: [] };
  const occurred: Tri = trafficking?.occurred ?? null;
  const value: Tri = occurred === true && sex === true && within === true ? true : null;
  const missing = [
    ...(occurred === null ? ['trafficking.occurred'] : []),
    ...(sex === null ? ['trafficking.type'] : []),
    ...(within === null ? ['trafficking.lastActDate'] : []),
  ];
  return { value, missing: value === null ? missing : [] };
}

export const unlawfulVotingConduct = defineCalculator({
  description:
    'Has voted in violation of a federal, state or local law (INA 212(a)(10)(D)(i), 237(a)(6)(A): conduct, no conviction needed): shown by the client\'s answer or by any record of an unlawful-voting offense.',
  params: z.strictObject({ unlawfulVotingOffenseTypes: z.array(OffenseType).min(1) }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const answer: Tri = caseFile.security?.unlawfulVoting ?? null;
    const { value, missing } = withAnswer(answer, recordShows(caseFile, params.unlawfulVotingOffenseTypes), 'security.unlawfulVoting');
    const detail = answer === null ? 'the client was not asked about unlawful voting' : `the client says ${answer ? 'yes' : 'no'}`;
    return derived(value, `${detail}; records of an unlawful-voting offense: ${value === true && answer !== true ? 'yes' : 'none shown'}`, value === null ? [...new Set(missing)] : []);
  },
});

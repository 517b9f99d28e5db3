/**
 * Days confined as a result of conviction during a period ending on the screening date, added up
 * over every conviction (the good-moral-character bar of INA 101(f)(7)). The days actually held
 * count, less days held only on an immigration detainer. The case file does not date the custody
 * itself: custody for an offense committed inside the period is inside it; custody that ended
 * before the period began (by the release date) is outside it; anything else may be either.
 */
import { z } from 'zod';
import type { Conviction } from '../../case/schema.js';
import { anniversary, rangeOfField as range } from '../../case/dates.js';
import { defineCalculator, derived } from '../calculator.js';
import { DayCount, Years } from '../params.js';
import { convictionPath } from './common.js';


/** Days held for the conviction, as an interval (detainer days unknown: at least none of them count for sure). */
function daysConfined(conviction: Conviction): { low: number; high: number } {
  const held = conviction.daysInCustody;
  if (held === undefined) return { low: 0, high: Infinity };
  return { low: held - (conviction.daysHeldOnImmigrationDetainer ?? held), high: held - (conviction.daysHeldOnImmigrationDetainer ?? 0) };
}

export const confinementDuringPeriod = defineCalculator({
  description: 'Confined as a result of conviction for an aggregate of at least a number of days during the given number of years before the screening date.',
  params: z.strictObject({ periodYears: Years, atLeastDays: DayCount }),
  reviewCodes: [],
  compute({ caseFile, screeningDay }, params) {
    const history = caseFile.criminalHistory;
    const convictions = history?.convictions ?? (history?.category === 'none' ? [] : undefined);
    if (!convictions) return derived(null, 'the convictions are not recorded', ['criminalHistory.convictions']);
    const start = anniversary(screeningDay, -params.periodYears);
    const missing: string[] = [];
    let low = 0;
    let high = 0;
    convictions.forEach((conviction, i) => {
      const days = daysConfined(conviction);
      if (days.high === 0) return;
      const offense = range(conviction.offenseDate);
      const released = range(conviction.releasedFromConfinementDate);
      if (released && released.latest < start) return;
      if (offense && offense.earliest >= start) low += days.low;
      else missing.push(convictionPath(i, offense ? 'releasedFromConfinementDate' : 'offenseDate'));
      high += days.high;
      if (days.low !== days.high) missing.push(convictionPath(i, conviction.daysInCustody === undefined ? 'daysInCustody' : 'daysHeldOnImmigrationDetainer'));
    });
    const value = low >= params.atLeastDays ? true : high < params.atLeastDays ? false : null;
    const tally = low === high ? `${low}` : `${low} to ${Number.isFinite(high) ? high : 'an unknown number of'}`;
    return derived(value, `${tally} days confined on conviction in the ${params.periodYears} years before the screening date`, value === null ? [...new Set(missing)] : []);
  },
});

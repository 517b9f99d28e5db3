/**
 * How the summary names one item of a list a question is about ("your court case for “Shoplifting”
 * (2019)", "your trip out of the U.S. in 2011"): from the client's own description and the year
 * when the case file has them, else by number. The wording is the catalog's; which fields give the
 * description and the year is the same in every language, so it is here.
 */
import { pathKeys, readKeys } from '../../case/paths.js';
import type { CaseFile } from '../../case/schema.js';
import type { ItemLabelWords } from './catalog.js';
import { clientText, fill } from './client-text.js';
import { COLLECTIONS, DESCRIBED_COLLECTIONS, type Collection } from './topics.js';

/** The date fields that place an item in time, first found first used. */
const DATED_BY: Record<Collection, readonly string[]> = {
  entries: ['date'],
  departures: ['date'],
  statusHistory: ['from'],
  priorRemovals: ['date'],
  convictions: ['convictionDate', 'offenseDate'],
  dismissedCharges: ['date'],
  children: ['dateOfBirth'],
};

/** The year of a case-file date ("2010-05-01" -> 2010), or the years of a span ("1993/1997" -> 1993–1997). */
export function yearOf(date: string): string | undefined {
  const years = [...date.matchAll(/(?:^|\/)(\d{4})/g)].map((match) => match[1]!);
  if (years.length === 0) return undefined;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? first : `${first}–${last}`;
}

export function itemLabel(words: ItemLabelWords, collection: Collection, index: number, caseFile: CaseFile | undefined): string {
  const item = readKeys(caseFile, [...pathKeys(COLLECTIONS[collection]), index]) as Record<string, unknown> | undefined;
  const dated = DATED_BY[collection].map((field) => item?.[field]).find((value): value is string => typeof value === 'string');
  const year = dated === undefined ? undefined : yearOf(dated);
  const text = DESCRIBED_COLLECTIONS.includes(collection) ? item?.description : undefined;
  const description = typeof text === 'string' && text.trim() ? clientText(text) : undefined;
  if (description !== undefined && year !== undefined && words.describedDated) return fill(words.describedDated, { description, year });
  if (description !== undefined && words.described) return fill(words.described, { description });
  if (year !== undefined) return fill(words.dated, { year });
  return fill(words.numbered, { number: String(index + 1) });
}

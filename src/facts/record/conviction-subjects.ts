/**
 * What every clause file's raw facts share: the convictions of a case, each named as the reports
 * name it, and the client's birth (whether a judgment was a juvenile's turns on it). Each file's
 * raw facts (ina-, custody-, level-, label-raw-facts.ts) add the facts its clauses read.
 */
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { DayRange } from '../../case/dates.js';
import type { Grouping, Subjects } from '../../law/clause-evaluator.js';
import { birthRange } from '../person.js';
import { convictionName } from './common.js';

export abstract class ConvictionSubjects implements Subjects {
  readonly count: number;
  readonly birth: DayRange | undefined;
  abstract readonly facts: Subjects['facts'];
  readonly groupings?: Readonly<Record<string, Grouping>>;

  constructor(
    readonly convictions: readonly Conviction[],
    caseFile: CaseFile,
  ) {
    this.count = convictions.length;
    this.birth = birthRange(caseFile);
  }

  name(i: number): string {
    return convictionName(this.convictions[i]!, i);
  }

  abstract fields(fact: string, i: number): readonly string[];
}

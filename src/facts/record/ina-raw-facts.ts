/**
 * The raw facts of each conviction that the INA clauses (rules/ina/clauses.json) read. Only facts
 * of one judgment are worked out here: whether it is a conviction under 101(a)(48)(A) (a question
 * of the judgment's own history), its dates as ranges, the sentence counted under 101(a)(48)(B),
 * the maximum penalty, the attorney's determinations (CIMT; aggravated felony, read from the
 * parameter-driven categories of aggravated-felony.ts), the listed offense types, youth at the
 * offense, whether it came after an admission, and the facts of its connection to abuse or
 * trafficking. How they combine into grounds is the clauses' business.
 */
import { rangeOfField as range, type DayRange } from '../../case/dates.js';
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { ReviewNote } from '../calculator.js';
import type { Tri } from '../tri.js';
import type { RawFactKind } from '../../law/clause-lint.js';
import {
  convictionName,
  convictionPath,
  firstOffenderRuleMayApply,
  inaConviction,
  inaConvictionQuestions,
  juvenileAdjudication,
  maximumPenaltyRange,
  offenseDays,
  sentenceImposedRange,
  wasJuvenile,
  type DaysRange,
  type FirstOffenderExpungement,
  type JuvenileLaw,
  type StatutoryMaxima,
} from './common.js';
import { Admissions } from './prior-events.js';
import { AggravatedFelonyReading, type AggravatedFelonyInputs } from './aggravated-felony.js';
import { ConvictionSubjects } from './conviction-subjects.js';

/** The raw facts the clauses may name, with how each is read (checked when the clauses load). */
export const INA_RAW_FACTS = {
  isConviction: 'boolean',
  crimeInvolvingMoralTurpitude: 'boolean',
  aggravatedFelony: 'boolean',
  offenseTypes: 'list',
  sentenceImposedDays: 'days',
  maximumPenaltyDays: 'days',
  offenseDate: 'date',
  releasedFromConfinementDate: 'date',
  juvenileAtOffense: 'boolean',
  convictedAfterAdmission: 'boolean',
  committedWithinYearsAfterAdmission: 'booleanWithYears',
  connectedToAbuse: 'boolean',
  connectedToTrafficking: 'boolean',
  primaryPerpetrator: 'boolean',
  seriousBodilyInjury: 'boolean',
} as const satisfies Record<string, RawFactKind>;

type RawFact = keyof typeof INA_RAW_FACTS;

/** The parameters the raw facts need (the rest are the clauses'). */
export interface RawFactLaw extends JuvenileLaw, AggravatedFelonyInputs {
  firstOffenderExpungement: FirstOffenderExpungement;
  statutoryMaximumDaysByOffenseType: StatutoryMaxima;
}

/** When the conviction was entered: its date, else on or after the offense. */
function convictionDays(conviction: Conviction): DayRange | undefined {
  const convicted = range(conviction.convictionDate);
  if (convicted) return convicted;
  const offense = range(conviction.offenseDate);
  return offense ? { earliest: offense.earliest, latest: Infinity } : undefined;
}

/** One conviction's facts, worked out once per case. */
interface Row {
  isConviction: Tri;
  isConvictionFields: string[];
  aggravatedFelony: Tri;
  aggravatedFelonyFields: string[];
  sentence: DaysRange;
  maximum: DaysRange;
  offense: DayRange | undefined;
  juvenile: Tri;
  afterAdmission: Tri;
}

/** Whether the judgment counts, with the review points of its standing: a juvenile court, a foreign court's adult conviction of a minor, a set-aside. */
function standingNotes(conviction: Conviction, name: string, birth: DayRange | undefined, law: RawFactLaw): ReviewNote[] {
  const notes: ReviewNote[] = [];
  const juvenile = juvenileAdjudication(conviction, birth, law);
  if (juvenile === true) notes.push({ code: 'juvenileAdjudication', subject: name });
  // A foreign court's adult conviction of a minor: whether it would be delinquency under the FJDA.
  if (conviction.jurisdiction === 'foreign' && juvenile === false && wasJuvenile(conviction, birth, law) !== false) notes.push({ code: 'foreignJuvenileConviction', subject: name });
  if (conviction.expunged) notes.push({ code: firstOffenderRuleMayApply(conviction, law.firstOffenderExpungement) ? 'firstOffenderExpungement' : 'setAsideConviction', subject: name });
  return notes;
}

/** The convictions of a case as the clause evaluator reads them. */
export class ConvictionFacts extends ConvictionSubjects {
  readonly facts: Readonly<Record<RawFact, (i: number, years?: number) => unknown>>;
  /** Per conviction, the review points of whether it is a conviction at all. */
  readonly standingNotes: ReviewNote[][];
  private readonly rows: Row[];

  constructor(
    convictions: readonly Conviction[],
    caseFile: CaseFile,
    law: RawFactLaw,
  ) {
    super(convictions, caseFile);
    const { birth } = this;
    const admissions = new Admissions(caseFile);
    const afMissing: string[] = [];
    const aggravated = new AggravatedFelonyReading(caseFile, law, afMissing);
    this.standingNotes = convictions.map((c, i) => standingNotes(c, convictionName(c, i), birth, law));
    this.rows = convictions.map((c, i): Row => {
      const isConviction = inaConviction(c, birth, law, law.firstOffenderExpungement);
      const before = afMissing.length;
      const aggravatedFelony = aggravated.of(c, i);
      return {
        isConviction,
        isConvictionFields: isConviction === null ? inaConvictionQuestions(c, i, birth, law) : [],
        aggravatedFelony,
        aggravatedFelonyFields: afMissing.slice(before),
        sentence: sentenceImposedRange(c),
        maximum: maximumPenaltyRange(c, law.statutoryMaximumDaysByOffenseType),
        offense: offenseDays(c),
        juvenile: wasJuvenile(c, birth, law),
        afterAdmission: admissions.before(convictionDays(c)),
      };
    });
    const rows = this.rows;
    const own = (pick: (c: Conviction) => boolean | undefined) => (i: number): Tri => pick(convictions[i]!) ?? null;
    this.facts = {
      isConviction: (i) => rows[i]!.isConviction,
      crimeInvolvingMoralTurpitude: own((c) => c.crimeInvolvingMoralTurpitude),
      aggravatedFelony: (i) => rows[i]!.aggravatedFelony,
      offenseTypes: (i) => convictions[i]!.offenseTypes,
      sentenceImposedDays: (i) => rows[i]!.sentence,
      maximumPenaltyDays: (i) => rows[i]!.maximum,
      offenseDate: (i) => rows[i]!.offense,
      releasedFromConfinementDate: (i) => range(convictions[i]!.releasedFromConfinementDate),
      juvenileAtOffense: (i) => rows[i]!.juvenile,
      convictedAfterAdmission: (i) => rows[i]!.afterAdmission,
      committedWithinYearsAfterAdmission: (i, years) => admissions.before(rows[i]!.offense, years),
      connectedToAbuse: own((c) => c.connectedToAbuse),
      connectedToTrafficking: own((c) => c.connectedToTrafficking),
      // Being the primary perpetrator is a fact of the relationship: the conviction's answer, else the abuse section's.
      primaryPerpetrator: own((c) => c.primaryPerpetrator ?? caseFile.abuse?.clientPrimaryPerpetrator),
      seriousBodilyInjury: own((c) => c.seriousBodilyInjury),
    };
  }

  /** The case fields whose answers could settle a raw fact of conviction `i`. */
  fields(fact: string, i: number): readonly string[] {
    const row = this.rows[i]!;
    switch (fact as RawFact) {
      case 'isConviction':
        return row.isConvictionFields;
      case 'aggravatedFelony':
        return row.aggravatedFelonyFields;
      case 'juvenileAtOffense':
        return [convictionPath(i, 'juvenile')];
      // Whether an admission came before is a question of the entries and status history, not of the conviction.
      case 'convictedAfterAdmission':
      case 'committedWithinYearsAfterAdmission':
        return [];
      default:
        return [convictionPath(i, fact as keyof Conviction)];
    }
  }
}

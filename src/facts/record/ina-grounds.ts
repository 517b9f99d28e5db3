/**
 * A record classified under the INA's criminal inadmissibility and deportability grounds, the
 * way VAWA, the T visa and S.744 read it. Unlike DACA, a sentence counts whether or not it was
 * suspended (INA 101(a)(48)(B)). Only convictions under 101(a)(48)(A) count: a juvenile delinquency
 * adjudication (Matter of Devison) or a conviction vacated on the merits (Matter of Pickering) gives
 * rise to no conviction-based ground. Whether an offense is a crime involving moral turpitude is the
 * attorney's determination (categorical approach); an aggravated felony is too, except where the
 * categories of 101(a)(43) settle it from the offense types and their gates (aggravated-felony.ts).
 *
 * Deportability under 237(a)(2) needs an admission: each ground reaches only a conviction after an
 * admission (for a CIMT under (A)(i), an offense committed within five years after it). Admissions
 * are the entries recorded as admitted and the start of a permanent-resident status.
 */
import { z } from 'zod';
import { OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { anniversary, rangeOfField as range, type DayRange, type EpochDay } from '../../case/dates.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../derived.js';
import { DayCount, Years } from '../params.js';
import { onOrAfter, triAnd, triNot, triOr, type Tri } from '../tri.js';
import { birthRange } from '../person.js';
import {
  CategoryConclusions,
  FirstOffenderExpungement,
  StatutoryMaxima,
  atLeast,
  classifyRecord,
  convictionName,
  convictionPath,
  countTri,
  firstOffenderRuleMayApply,
  hasType,
  inaConviction,
  inaConvictionQuestions,
  juvenileAdjudication,
  maximumPenaltyRange,
  offenseDays,
  rangeTest,
  sentenceImposedRange,
  wasJuvenile,
  JuvenileCourts,
} from './common.js';
import { Admissions } from './prior-events.js';
import { AggravatedFelonyParams, AggravatedFelonyReading } from './aggravated-felony.js';

const KEYS = [
  'aggravatedFelony',
  'cimtInadmissible',
  'cimtPettyOffenseException',
  'controlledSubstanceInadmissible',
  'multipleConvictionsInadmissible',
  'prostitutionInadmissible',
  'criminalInadmissible',
  'domesticViolenceDeportable',
  'domesticViolenceWaivable',
  'otherCriminalDeportable',
  'criminalDeportable',
  'groundsConnectedToAbuse',
  'groundsConnectedToTrafficking',
  'convictionsConnectedToAbuse',
] as const;

// The keys each review point bears on, so a pack that never reads them is not asked to review it.
const GROUND_CONNECTION_KEYS = ['groundsConnectedToAbuse', 'groundsConnectedToTrafficking'];
const DEPORTABILITY_KEYS = ['criminalDeportable', 'otherCriminalDeportable', 'domesticViolenceDeportable', 'domesticViolenceWaivable'];
const CIMT_KEYS = ['cimtInadmissible', 'cimtPettyOffenseException', 'criminalInadmissible', ...DEPORTABILITY_KEYS, ...GROUND_CONNECTION_KEYS];
const AGGRAVATED_FELONY_KEYS = ['aggravatedFelony', ...DEPORTABILITY_KEYS, ...GROUND_CONNECTION_KEYS];

const OffenseTypes = z.array(OffenseType);

const Params = z.strictObject({
  pettyOffenseMaximumDays: DayCount,
  pettyOffenseSentenceDays: DayCount,
  juvenileUnderAge: Years,
  juvenileCourts: JuvenileCourts,
  juvenileExceptionYears: Years,
  multipleConvictionsAggregateDays: DayCount,
  prostitutionLookbackYears: Years,
  /** 237(a)(2)(A)(i): a CIMT committed within this many years after admission ... */
  cimtDeportableWithinYearsOfAdmission: Years,
  /** ... for which a sentence of this many days or longer may be imposed. */
  cimtDeportableMaximumDays: DayCount,
  controlledSubstanceOffenseTypes: OffenseTypes,
  domesticViolenceOffenseTypes: OffenseTypes,
  firearmOffenseTypes: OffenseTypes,
  prostitutionOffenseTypes: OffenseTypes,
  ...AggravatedFelonyParams,
  firstOffenderExpungement: FirstOffenderExpungement,
  statutoryMaximumDaysByOffenseType: StatutoryMaxima,
  categoryConclusions: CategoryConclusions,
});
type Params = z.infer<typeof Params>;


/** When the conviction was entered: its date, else on or after the offense. */
function convictionDays(conviction: Conviction): DayRange | undefined {
  const convicted = range(conviction.convictionDate);
  if (convicted) return convicted;
  const offense = range(conviction.offenseDate);
  return offense ? { earliest: offense.earliest, latest: Infinity } : undefined;
}

interface Classified {
  cimt: Tri;
  /** Within the petty-offense exception, taken alone (the "only one crime" part is the record's). */
  petty: Tri;
  /** Within the juvenile exception, taken alone. */
  juvenile: Tri;
  cimtDeportableAlone: Tri;
  aggravatedFelony: Tri;
  controlledSubstance: Tri;
  prostitution: Tri;
  prostitutionType: Tri;
  domesticViolence: Tri;
  firearm: Tri;
  afterAdmission: Tri;
  dvWaivable: Tri;
}

interface Context {
  caseFile: CaseFile;
  screeningDay: EpochDay;
  params: Params;
  birth: DayRange | undefined;
  missing: string[];
  notes: ReviewNote[];
  aggravatedFelony: AggravatedFelonyReading;
}

function context(caseFile: CaseFile, screeningDay: EpochDay, params: Params): Context {
  const missing: string[] = [];
  return { caseFile, screeningDay, params, birth: birthRange(caseFile), missing, notes: [], aggravatedFelony: new AggravatedFelonyReading(caseFile, params, missing) };
}

function pettyOffense(conviction: Conviction, index: number, ctx: Context): Tri {
  const maxWithin = rangeTest(maximumPenaltyRange(conviction, ctx.params.statutoryMaximumDaysByOffenseType), (days) => days <= ctx.params.pettyOffenseMaximumDays);
  const sentence = sentenceImposedRange(conviction);
  const limit = ctx.params.pettyOffenseSentenceDays;
  const sentenceWithin: Tri = sentence.high <= limit ? true : sentence.low > limit ? false : null;
  const result = triAnd([maxWithin, sentenceWithin]);
  if (result === null) {
    if (maxWithin === null) ctx.missing.push(convictionPath(index, 'maximumPenaltyDays'));
    if (sentenceWithin === null) ctx.missing.push(convictionPath(index, 'sentenceImposedDays'));
  }
  return result;
}

/**
 * 212(a)(2)(A)(ii)(I): committed under 18, and both the offense and the release from any
 * confinement imposed for it more than the exception's years before the screening date.
 */
function juvenileException(conviction: Conviction, index: number, ctx: Context): Tri {
  const juvenile = wasJuvenile(conviction, ctx.birth, ctx.params);
  if (juvenile === false) return false;
  const cutoff = anniversary(ctx.screeningDay, -ctx.params.juvenileExceptionYears);
  const before = (days: DayRange | undefined): Tri => (!days ? null : days.latest < cutoff ? true : days.earliest >= cutoff ? false : null);
  const offenseLongAgo = before(offenseDays(conviction));
  const confined = sentenceImposedRange(conviction).high > 0;
  const releaseLongAgo: Tri = confined ? before(range(conviction.releasedFromConfinementDate)) : true;
  const result = triAnd([juvenile, offenseLongAgo, releaseLongAgo]);
  if (result === null) {
    if (juvenile === null) ctx.missing.push(convictionPath(index, 'juvenile'));
    if (offenseLongAgo === null) ctx.missing.push(convictionPath(index, 'offenseDate'));
    if (releaseLongAgo === null) ctx.missing.push(convictionPath(index, 'releasedFromConfinementDate'));
  }
  return result;
}

/** 212(a)(2)(D)(i): engaged in prostitution within the look-back; a prostitution conviction shows the conduct. */
function recentProstitution(conviction: Conviction, index: number, ctx: Context): Tri {
  const typed = hasType(conviction, ctx.params.prostitutionOffenseTypes);
  if (typed !== true) return typed;
  const cutoff = anniversary(ctx.screeningDay, -ctx.params.prostitutionLookbackYears);
  const offense = offenseDays(conviction);
  const recent = onOrAfter(offense, cutoff);
  if (recent === null) ctx.missing.push(convictionPath(index, 'offenseDate'));
  return recent;
}

/**
 * 237(a)(7)(A): the DV ground is waivable for a battered person who is not and was not the
 * primary perpetrator, if the crime did not result in serious bodily injury and was connected to
 * the battering (self-defense and violating an order protecting oneself are not recorded). Being the
 * primary perpetrator is a fact of the relationship: the conviction's answer, else the abuse section's.
 */
function domesticViolenceWaivable(conviction: Conviction, caseFile: CaseFile): Tri {
  const primaryPerpetrator = conviction.primaryPerpetrator ?? caseFile.abuse?.clientPrimaryPerpetrator ?? null;
  return triAnd([triNot(primaryPerpetrator), triNot(conviction.seriousBodilyInjury ?? null), conviction.connectedToAbuse ?? null]);
}

const NO_CONVICTION: Classified = {
  cimt: false,
  petty: false,
  juvenile: false,
  cimtDeportableAlone: false,
  aggravatedFelony: false,
  controlledSubstance: false,
  prostitution: false,
  prostitutionType: false,
  domesticViolence: false,
  firearm: false,
  afterAdmission: false,
  dvWaivable: true,
};

/** Whether the judgment is a conviction under 101(a)(48)(A), with its review points; the questions when that is open. */
function standing(conviction: Conviction, index: number, ctx: Context): Tri {
  const name = convictionName(conviction, index);
  const { params } = ctx;
  const juvenile = juvenileAdjudication(conviction, ctx.birth, params);
  if (juvenile === true) ctx.notes.push({ code: 'juvenileAdjudication', subject: name });
  // A foreign court's adult conviction of a minor: whether it would be delinquency under the FJDA.
  if (conviction.jurisdiction === 'foreign' && juvenile === false && wasJuvenile(conviction, ctx.birth, params) !== false) {
    ctx.notes.push({ code: 'foreignJuvenileConviction', subject: name });
  }
  if (conviction.expunged) {
    ctx.notes.push({ code: firstOffenderRuleMayApply(conviction, params.firstOffenderExpungement) ? 'firstOffenderExpungement' : 'setAsideConviction', subject: name });
  }
  const value = inaConviction(conviction, ctx.birth, params, params.firstOffenderExpungement);
  if (value === null) ctx.missing.push(...inaConvictionQuestions(conviction, index, ctx.birth, params));
  return value;
}

/** A judgment's classes; each open while it is open whether the judgment is a conviction at all. */
function classify(conviction: Conviction, index: number, counts: Tri, admitted: Admissions, ctx: Context): Classified {
  if (counts === false) return NO_CONVICTION;
  const classified = classifyConviction(conviction, index, admitted, ctx);
  if (counts === true) return classified;
  const open = Object.fromEntries(Object.entries(classified).map(([key, value]) => [key, triAnd([counts, value as Tri])])) as unknown as Classified;
  return { ...open, dvWaivable: classified.dvWaivable };
}

function classifyConviction(conviction: Conviction, index: number, admitted: Admissions, ctx: Context): Classified {
  const name = convictionName(conviction, index);
  const { params } = ctx;
  const cimt: Tri = conviction.crimeInvolvingMoralTurpitude ?? null;
  if (cimt !== false) ctx.notes.push({ code: 'cimtDetermination', subject: name, keys: CIMT_KEYS });
  if (cimt === null) ctx.missing.push(convictionPath(index, 'crimeInvolvingMoralTurpitude'));
  const aggravatedFelony = ctx.aggravatedFelony.of(conviction, index);
  if (aggravatedFelony !== false) ctx.notes.push({ code: 'aggravatedFelonyDetermination', subject: name, keys: AGGRAVATED_FELONY_KEYS });
  if (conviction.offenseTypes === undefined) ctx.missing.push(convictionPath(index, 'offenseTypes'));
  const max = maximumPenaltyRange(conviction, params.statutoryMaximumDaysByOffenseType);
  const domesticViolence = hasType(conviction, params.domesticViolenceOffenseTypes);
  return {
    cimt,
    petty: cimt === false ? false : pettyOffense(conviction, index, ctx),
    juvenile: cimt === false ? false : juvenileException(conviction, index, ctx),
    cimtDeportableAlone: triAnd([
      cimt,
      rangeTest(max, (days) => days >= params.cimtDeportableMaximumDays),
      admitted.before(offenseDays(conviction), params.cimtDeportableWithinYearsOfAdmission),
    ]),
    aggravatedFelony,
    controlledSubstance: hasType(conviction, params.controlledSubstanceOffenseTypes),
    prostitution: recentProstitution(conviction, index, ctx),
    prostitutionType: hasType(conviction, params.prostitutionOffenseTypes),
    domesticViolence,
    firearm: hasType(conviction, params.firearmOffenseTypes),
    afterAdmission: admitted.before(convictionDays(conviction)),
    dvWaivable: domesticViolence === false ? true : domesticViolenceWaivable(conviction, ctx.caseFile),
  };
}

/** The sum of the sentences imposed reaches `days`, for two or more convictions (212(a)(2)(B)); `counts` says which judgments are convictions. */
function aggregateSentenceReaches(convictions: Conviction[], counts: readonly Tri[], days: number): Tri {
  const sure = convictions.filter((_, i) => counts[i] === true).map(sentenceImposedRange);
  const possible = convictions.filter((_, i) => counts[i] !== false).map(sentenceImposedRange);
  if (possible.length < 2) return false;
  const low = sure.length < 2 ? 0 : sure.reduce((sum, s) => sum + s.low, 0);
  const high = possible.reduce((sum, s) => sum + s.high, 0);
  return sure.length >= 2 && low >= days ? true : high < days ? false : null;
}

/** Every conviction that gives rise to a ground is connected (true when none does). */
function everyGroundConnected(grounds: Tri[], connected: (Tri | undefined)[]): Tri {
  return triAnd(grounds.map((ground, i) => triOr([triNot(ground), connected[i] ?? null])));
}

interface Analysis {
  classes: Classified[];
  /** Per conviction: gives rise to a criminal ground of inadmissibility or deportability. */
  grounds: Tri[];
  /** Per conviction: makes the person a member of a 212(a)(2)(A), (B) or (D) class, "whether inadmissible or not" (101(f)(3)). */
  classMembers: Tri[];
  /** A CIMT that may fall within an exception leaves its 101(f)(3) class membership open. */
  exceptedCimt: boolean;
  value: Record<(typeof KEYS)[number], Tri>;
}

function analyse(convictions: Conviction[], ctx: Context): Analysis {
  const admitted = new Admissions(ctx.caseFile);
  const counts = convictions.map((c, i) => standing(c, i, ctx));
  const classes = convictions.map((c, i) => classify(c, i, counts[i]!, admitted, ctx));
  const cimts = countTri(classes.map((c) => c.cimt));
  const anyCimt = atLeast(cimts, 1);
  const onlyOneCimt = triAnd([anyCimt, triNot(atLeast(cimts, 2))]);
  const everyCimt = (pick: (c: Classified) => Tri) => triAnd(classes.map((c) => triOr([triNot(c.cimt), pick(c)])));
  const pettyException = triAnd([onlyOneCimt, everyCimt((c) => c.petty)]);
  const juvenileExceptionApplies = triAnd([onlyOneCimt, everyCimt((c) => c.juvenile)]);
  const excepted = triOr([pettyException, juvenileExceptionApplies]);
  const cimtInadmissible = triAnd([anyCimt, triNot(excepted)]);
  if (pettyException === true) ctx.notes.push({ code: 'pettyOffenseException', keys: CIMT_KEYS });

  const multipleConvictionsInadmissible = aggregateSentenceReaches(convictions, counts, ctx.params.multipleConvictionsAggregateDays);
  const controlledSubstanceInadmissible = triOr(classes.map((c) => c.controlledSubstance));
  const prostitutionInadmissible = triOr(classes.map((c) => c.prostitution));
  const criminalInadmissible = triOr([cimtInadmissible, controlledSubstanceInadmissible, multipleConvictionsInadmissible, prostitutionInadmissible]);

  // 237(a)(2)(A)(ii): two CIMTs convicted after admission (a single scheme is not told apart here: see the review code).
  const twoCimtsAfterAdmission = atLeast(countTri(classes.map((c) => triAnd([c.cimt, c.afterAdmission]))), 2);
  if (twoCimtsAfterAdmission !== false && atLeast(cimts, 2) !== false) ctx.notes.push({ code: 'singleSchemeOfMisconduct', keys: DEPORTABILITY_KEYS });
  const cimtDeportable = triOr([...classes.map((c) => c.cimtDeportableAlone), twoCimtsAfterAdmission]);
  const deportableFor = (pick: (c: Classified) => Tri) => triOr(classes.map((c) => triAnd([pick(c), c.afterAdmission])));
  const domesticViolenceDeportable = deportableFor((c) => c.domesticViolence);
  const otherCriminalDeportable = triOr([cimtDeportable, deportableFor((c) => c.aggravatedFelony), deportableFor((c) => c.controlledSubstance), deportableFor((c) => c.firearm)]);
  const aggravatedFelony = triOr(classes.map((c) => c.aggravatedFelony));
  convictions.forEach((conviction, i) => {
    const c = classes[i]!;
    const deportableClass = triOr([c.cimt, c.aggravatedFelony, c.controlledSubstance, c.domesticViolence, c.firearm]);
    if (deportableClass !== false && c.afterAdmission === false) ctx.notes.push({ code: 'notAdmitted', subject: convictionName(conviction, i), keys: DEPORTABILITY_KEYS });
  });

  const cimtGround = triOr([cimtInadmissible, cimtDeportable]);
  const grounds = classes.map((c, i) =>
    triOr([
      triAnd([c.cimt, cimtGround]),
      c.aggravatedFelony,
      c.controlledSubstance,
      c.prostitution,
      triAnd([c.domesticViolence, c.afterAdmission]),
      triAnd([c.firearm, c.afterAdmission]),
      triAnd([counts[i]!, multipleConvictionsInadmissible]),
    ]),
  );
  // Whether a CIMT within an exception still puts the person in the 212(a)(2)(A) class is unresolved.
  const cimtClass = (c: Classified): Tri => (c.cimt === false ? false : excepted === false ? c.cimt : null);
  const classMembers = classes.map((c, i) => triOr([cimtClass(c), c.controlledSubstance, c.prostitutionType, triAnd([counts[i]!, multipleConvictionsInadmissible])]));
  const connectedToAbuse = convictions.map((c) => c.connectedToAbuse);
  convictions.forEach((c, i) => {
    if (c.connectedToAbuse === undefined) ctx.missing.push(convictionPath(i, 'connectedToAbuse'));
    if (grounds[i] !== false && c.connectedToTrafficking === undefined) ctx.missing.push(convictionPath(i, 'connectedToTrafficking'));
  });
  const value = {
    aggravatedFelony,
    cimtInadmissible,
    cimtPettyOffenseException: triAnd([anyCimt, pettyException]),
    controlledSubstanceInadmissible,
    multipleConvictionsInadmissible,
    prostitutionInadmissible,
    criminalInadmissible,
    domesticViolenceDeportable,
    domesticViolenceWaivable: triAnd(classes.map((c) => c.dvWaivable)),
    otherCriminalDeportable,
    criminalDeportable: triOr([domesticViolenceDeportable, otherCriminalDeportable]),
    groundsConnectedToAbuse: everyGroundConnected(grounds, connectedToAbuse),
    groundsConnectedToTrafficking: everyGroundConnected(grounds, convictions.map((c) => c.connectedToTrafficking)),
    convictionsConnectedToAbuse: triAnd(connectedToAbuse.map((c) => c ?? null)),
  };
  return { classes, grounds, classMembers, exceptedCimt: excepted !== false && anyCimt !== false, value };
}

/**
 * A charge dismissed after a plea or finding of guilt and a penalty (deferred adjudication) is a
 * conviction under 101(a)(48)(A) (Matter of Roldan), and so belongs in the list of convictions,
 * which the values read: one recorded only as dismissed is raised for the attorney to move it.
 */
function dismissedAfterPlea(caseFile: CaseFile): ReviewNote[] {
  return (caseFile.criminalHistory?.dismissedCharges ?? []).flatMap((charge, i) =>
    charge.basis === 'after_plea_or_finding_with_penalty' ? [{ code: 'dismissedAfterPlea', subject: charge.description ?? `dismissed charge #${i + 1}` }] : [],
  );
}

function classifyConvictions(convictions: Conviction[], ctx: Context): Derived {
  const { classes, grounds, value } = analyse(convictions, ctx);
  ctx.notes.push(...dismissedAfterPlea(ctx.caseFile));
  const unsettled = Object.values(value).includes(null);
  const summary = convictions
    .map((c, i) => `${convictionName(c, i)}: ${summarise(classes[i]!, grounds[i]!)}`)
    .join('; ');
  return derived(value, `${convictions.length} conviction(s)${summary ? `: ${summary}` : ''}`, unsettled ? [...new Set(ctx.missing)] : [], dedupe(ctx.notes));
}

function summarise(c: Classified, ground: Tri): string {
  const labels = [
    c.cimt ? 'CIMT' : c.cimt === null ? 'CIMT undetermined' : '',
    c.aggravatedFelony ? 'aggravated felony' : '',
    c.controlledSubstance ? 'controlled substance' : '',
    c.prostitution ? 'prostitution within the look-back' : '',
    c.domesticViolence ? 'domestic violence' : '',
    c.firearm ? 'firearm' : '',
  ].filter(Boolean);
  const grounds = ground === true ? 'a criminal ground' : ground === false ? 'no criminal ground' : 'ground not settled';
  return `${labels.join(', ') || 'no listed class'} (${grounds})`;
}

function dedupe(notes: ReviewNote[]): ReviewNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.code}\0${n.subject ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const REVIEW_CODES = [
  'bareLabel',
  'cimtDetermination',
  'aggravatedFelonyDetermination',
  'pettyOffenseException',
  'singleSchemeOfMisconduct',
  'notAdmitted',
  'juvenileAdjudication',
  'foreignJuvenileConviction',
  'setAsideConviction',
  'firstOffenderExpungement',
  'dismissedAfterPlea',
];

export const inaCriminalRecord = defineCalculator({
  description:
    'Classifies the record under the INA criminal grounds (suspended sentences count): aggravated felony, CIMT after the petty-offense and juvenile exceptions, controlled substance, multiple convictions, prostitution, criminal inadmissibility, domestic-violence and criminal deportability (after an admission), the 237(a)(7) waiver, and whether the convictions behind the grounds are connected to abuse or trafficking.',
  params: Params,
  reviewCodes: REVIEW_CODES,
  outputKeys: KEYS,
  compute({ caseFile, screeningDay }, params) {
    const ctx = context(caseFile, screeningDay, params);
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, ctx));
  },
});

/**
 * The record as a list of convictions, or none when only "none" is recorded; undefined when the
 * record is unknown or only a label that says nothing about dates.
 */
function knownConvictions(caseFile: CaseFile): Conviction[] | undefined {
  const history = caseFile.criminalHistory;
  if (history?.convictions) return history.convictions;
  return history?.category === 'none' ? [] : undefined;
}

export interface GroundOffense {
  /** When the offense was committed, as far as the case file tells. */
  committed: DayRange | undefined;
  ground: Tri;
  path: string;
}

/**
 * The offenses that give rise to a criminal ground, each with when it was committed, for the
 * stop-time rule of 240A(d)(1)(B); undefined when the record is not known.
 */
export function groundOffenses(caseFile: CaseFile, screeningDay: EpochDay, params: Params): GroundOffense[] | undefined {
  const convictions = knownConvictions(caseFile);
  if (!convictions) return undefined;
  const { grounds } = analyse(convictions, context(caseFile, screeningDay, params));
  return convictions.map((c, i) => ({ committed: offenseDays(c), ground: grounds[i]!, path: convictionPath(i, 'offenseDate') }));
}

export const InaGroundsParams = Params;

export const inaClassOffenseDuringPeriod = defineCalculator({
  description:
    'Some conviction puts the person in a 212(a)(2)(A), (B) or (D) class (whether inadmissible or not) for an offense committed during the given number of years before the screening date (INA 101(f)(3)).',
  params: Params.extend({ periodYears: Years }),
  reviewCodes: ['bareLabel', 'cimtDetermination', 'exceptedCimtClass'],
  compute({ caseFile, screeningDay }, params) {
    const convictions = knownConvictions(caseFile);
    const category = caseFile.criminalHistory?.category;
    if (!convictions) {
      const notes = category ? [{ code: 'bareLabel', subject: category }] : [];
      return derived(null, category ? `only the category "${category.replaceAll('_', ' ')}" is recorded` : 'the conviction history is not recorded', ['criminalHistory.convictions'], notes);
    }
    const ctx = context(caseFile, screeningDay, params);
    const { classMembers, exceptedCimt } = analyse(convictions, ctx);
    const start = anniversary(screeningDay, -params.periodYears);
    const missing: string[] = [];
    const inPeriod = convictions.map((c, i): Tri => {
      const committed = offenseDays(c);
      const verdict = onOrAfter(committed, start);
      if (verdict === null && classMembers[i] !== false) missing.push(convictionPath(i, 'offenseDate'));
      return verdict;
    });
    const value = triOr(classMembers.map((member, i) => triAnd([member, inPeriod[i]!])));
    // A single value, not a record: the point bears on it whole.
    const notes: ReviewNote[] = ctx.notes.filter((n) => n.code === 'cimtDetermination').map(({ code, subject }) => ({ code, ...(subject ? { subject } : {}) }));
    if (exceptedCimt) notes.push({ code: 'exceptedCimtClass' });
    const detail = `${convictions.length} conviction(s); 212(a)(2) class offenses in the ${params.periodYears} years before the screening date: ${value === null ? 'not settled' : value ? 'yes' : 'none'}`;
    return derived(value, detail, value === null ? [...new Set([...ctx.missing, ...missing])] : [], dedupe(notes));
  },
});

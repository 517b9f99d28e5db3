/**
 * The case file: what the intake knows about one person, as raw facts.
 *
 * Every field is optional because absent means "unknown", never "no": a program that needs an
 * absent fact reports it as a question to ask the client instead of guessing. Lists follow the
 * same rule: an absent list is unknown, an empty list means "none". Objects are strict so a typo
 * in a key is an error, not a silently ignored fact. Each field carries the question an
 * interviewer would ask to fill it; the missing-facts report and the intake interview read them.
 * Next to it, the field's meta notes how it is asked: its section, when it is asked at all, its
 * client-summary topic (src/case/field-notes.ts), so a new field brings its interview with it.
 */
import { z } from 'zod';
import { UsState } from './us-states.js';
import { parseDateSpec, rangeOfField, EXACT_DATE_PATTERN, DATE_SPEC_PATTERN } from './dates.js';
import { familyAndStatusIssues, familyAndStatusEvents, CEREMONY_RELATIONSHIPS } from './family-consistency.js';

/** Attaches the field's description and the question that asks for it. */
function asks<T extends z.ZodType>(schema: T, question: string, description?: string): T {
  return schema.meta({ description: description ?? question, question });
}

export const DateSpec = z
  .string()
  .regex(DATE_SPEC_PATTERN, { error: 'must be a date written YYYY-MM-DD, or YYYY-MM or YYYY when only that is known, or a span START/END such as 1973-03/1974-03' })
  .refine((text) => parseDateSpec(text) !== undefined, { error: 'is not a real calendar date (or the span ends before it starts)' });

export const ExactDate = z
  .string()
  .regex(EXACT_DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD' })
  .refine((text) => parseDateSpec(text) !== undefined, { error: 'is not a real calendar date' });

const Days = z.number().int().min(0);

export const ImmigrationStatus = z.enum([
  'none',
  'lawful_permanent_resident',
  'refugee',
  'asylee',
  'nonimmigrant',
  'temporary_protected_status',
  'parole',
  'deferred_action',
  'us_citizen',
]);

export const RelativeStatus = z.enum(['us_citizen', 'lawful_permanent_resident', 'other']);

export const Jurisdiction = z.enum(['federal', 'state', 'municipal', 'foreign', 'juvenile_court']);

export const ConvictionCategory = z.enum([
  'none',
  'illegal_entry_misdemeanor',
  'reentry_felony',
  'crime_involving_moral_turpitude',
  'level_1',
  'level_2',
  'level_3',
]);
export type ConvictionCategory = z.infer<typeof ConvictionCategory>;

/**
 * Offense types as the intake records them. The list is complete for what the rules read: an empty
 * list on a conviction says none applies. The types after `unlawful_voting` name the INA
 * 101(a)(43) categories the others do not (rules/shared-parameters.json, aggravatedFelonyCategories),
 * so that "none of these" can settle that a conviction is no aggravated felony. An attempt or a
 * conspiracy (101(a)(43)(U)) takes the type of the offense attempted.
 */
export const OffenseType = z.enum([
  'dui',
  'domestic_violence',
  'stalking_or_protection_order_violation',
  'child_abuse_neglect_or_abandonment',
  'sexual_abuse_or_exploitation',
  'burglary',
  'firearm',
  'drug_distribution',
  'drug_possession',
  'prostitution',
  'theft_or_fraud',
  'minor_traffic',
  'state_immigration_status_offense',
  'illegal_entry_1325_first',
  'illegal_entry_1325_subsequent',
  'reentry_1326',
  'trafficking_others',
  'unlawful_voting',
  'murder',
  'rape',
  'sexual_abuse_of_a_minor',
  'crime_of_violence',
  'theft',
  'fraud',
  'tax_evasion',
  'money_laundering',
  'explosives',
  'ransom',
  'racketeering_or_gambling',
  'national_security_offense',
  'alien_smuggling',
  'document_fraud',
  'failure_to_appear',
  'forgery_counterfeiting_or_commercial_bribery',
  'obstruction_or_perjury',
]);
export type OffenseType = z.infer<typeof OffenseType>;

export const EntryManner = z.enum(['without_inspection', 'admitted', 'paroled']);

const Entry = z.strictObject({
  date: asks(DateSpec.optional(), 'On what date did the client enter the United States?'),
  ageAtEntry: asks(z.number().int().min(0).max(120).optional(), 'How old was the client when entering (if the date is not known)?').meta({ standsInFor: 'entries[].date' }),
  manner: asks(EntryManner.optional(), 'Did the client enter without inspection, admitted (e.g. on a visa), or paroled?'),
  place: z.string().optional().meta({ description: 'Port or border area of entry, as told.' }),
  afterRemoval: asks(z.boolean().optional(), 'Was this a return after being removed or deported (when the dates alone cannot tell)?'),
  apprehendedAtBorder: asks(
    z.boolean().optional(),
    'Was the client apprehended at the border or a port of entry on this crossing (an attempted entry, whether or not the client then got in)?',
  ).meta({ askedWhen: { field: 'entries[].manner', is: ['without_inspection', 'paroled'] } }),
  asCrewman: asks(z.boolean().optional(), 'Did the client enter as a crewman (a ship or airline crew member, e.g. on a D-1 or D-2 landing permit)?').meta({ askedWhen: { field: 'entries[].manner', is: ['admitted', 'paroled'] } }),
});

/**
 * How the authorities ended a stay without a removal order, for continuous physical presence: a
 * departure compelled under threat of proceedings breaks it whatever its length (Matter of
 * Romalez-Alcaide, 23 I&N Dec. 423 (BIA 2002); Matter of Avilez-Nava, 23 I&N Dec. 799 (BIA 2005):
 * not an informal turn-back). Which of them break presence is the pack's parameter, not this list's.
 */
export const DepartureEnforcement = z.enum(['none', 'voluntary_return', 'expedited_removal', 'withdrawal_of_application', 'informal_turn_back']);

const Departure = z.strictObject({
  date: asks(DateSpec.optional(), 'On what date did the client leave the United States?'),
  reason: z.string().optional().meta({ description: 'Why the client left, as told.' }),
  underOrder: asks(
    z.enum(['none', 'removal', 'deportation', 'exclusion', 'voluntary_departure']).optional(),
    'Did the client leave under a removal, deportation, exclusion or voluntary-departure order?',
  ),
  advanceParole: asks(z.boolean().optional(), 'Did the client travel with advance parole?'),
  briefCasualInnocent: asks(z.boolean().optional(), 'Was the absence brief, casual and innocent (attorney assessment)?'),
  connectedToAbuse: asks(z.boolean().optional(), 'Was the absence connected to the abuse?').meta({ askedWhen: { field: 'abuse.occurred', is: [true] }, askedInSection: 'Abuse' }),
  enforcement: asks(
    DepartureEnforcement.optional(),
    'Apart from a removal order: did the authorities make the client leave on this trip, by a voluntary return, an expedited removal, or an accepted withdrawal of the application for admission at a port; was the client only turned back informally at the border; or none of these?',
  ),
});

/** A nonimmigrant visa class as the visa or the I-94 writes it: B-2, F-1, H-2A, H-1B1, B-1/B-2, TN; WT or WB for the visa waiver program. */
export const VisaClass = z
  .string()
  .regex(/^[A-Z]{1,3}(?:-\d{1,2}[A-Z]{0,2}\d?)?(?:\/[A-Z]{1,3}(?:-\d{1,2}[A-Z]{0,2}\d?)?)?$/, {
    error: 'must be a visa class written as on the visa or the I-94, in capitals: e.g. B-2, F-1, H-2A, B-1/B-2, TN, or WT/WB for the visa waiver program',
  });

const StatusPeriod = z.strictObject({
  status: ImmigrationStatus.meta({ description: 'Immigration status held during the period.' }),
  from: asks(DateSpec.optional(), 'From what date did the client hold this status?'),
  to: asks(z.union([z.literal('present'), DateSpec]).optional(), 'Until what date did the client hold this status ("present" if it continues)?'),
  visaClass: asks(
    VisaClass.optional(),
    'For a nonimmigrant status: under which visa class (e.g. B-2, F-1, H-2A; WT or WB for the visa waiver program)?',
  ).meta({ askedWhen: { field: 'statusHistory[].status', is: ['nonimmigrant'] } }),
  graduateMedicalTraining: asks(z.boolean().optional(), 'For an exchange visitor (J): was the client admitted to receive graduate medical education or training?').meta({ askedWhen: { field: 'statusHistory[].visaClass', matches: '^J\\b' } }),
  homeResidenceRequirement: asks(
    z.enum(['not_subject', 'fulfilled', 'waived', 'unfulfilled']).optional(),
    'For an exchange visitor (J): was the client subject to the two-year home-country residence requirement (INA 212(e)), and if so, has it been fulfilled or waived?',
  ).meta({ askedWhen: { field: 'statusHistory[].visaClass', matches: '^J\\b' } }),
});

export const PriorRemovalBasis = z.enum(['criminal', 'non_criminal']);

const PriorRemoval = z.strictObject({
  date: asks(DateSpec.optional(), 'On what date was the client removed or deported?'),
  basis: asks(PriorRemovalBasis.optional(), 'Was the prior removal based on a criminal conviction?'),
  aggravatedFelonyBasis: asks(z.boolean().optional(), 'Was the prior removal based on an aggravated-felony conviction?'),
});

export const ConvictionLabel = z.enum(['felony', 'misdemeanor', 'petty_offense', 'infraction']);

/**
 * Why a conviction was set aside: on the merits (a defect in the underlying proceedings) it is no
 * conviction under the INA; for rehabilitation or immigration hardship it still is (Matter of
 * Pickering, 23 I&N Dec. 621 (BIA 2003); Matter of Roldan, 22 I&N Dec. 512 (BIA 1999)).
 */
export const ExpungementBasis = z.enum(['legal_defect', 'rehabilitative']);

/** How a charge ended without a conviction: after a plea or finding of guilt and a penalty it may be one (INA 101(a)(48)(A)). */
export const DismissalBasis = z.enum(['without_plea_or_finding', 'after_plea_or_finding_with_penalty', 'after_plea_or_finding_without_penalty']);

const DismissedCharge = z.strictObject({
  date: asks(DateSpec.optional(), 'On what date was the charge dismissed?'),
  description: z.string().optional().meta({ description: 'The charge in plain words.' }),
  basis: asks(
    DismissalBasis.optional(),
    'Was it dismissed without any plea or finding of guilt, or after the client pleaded guilty or no contest (or a court found guilt), with or without a penalty such as probation, a fine or classes (deferred adjudication, diversion)?',
  ),
});

const Conviction = z.strictObject({
  id: z.string().optional().meta({ description: 'A label for this conviction, used in reports.', clientTopic: 'convictionCharge' }),
  jurisdiction: asks(Jurisdiction.optional(), 'Which kind of court entered this conviction?').meta({ clientTopic: 'convictionCharge' }),
  jurisdictionName: z.string().optional().meta({ description: 'State or court name, e.g. "Arizona".', clientTopic: 'convictionCharge' }),
  label: asks(
    ConvictionLabel.optional(),
    "How does the convicting jurisdiction label this offense (felony, misdemeanor, petty offense, infraction)?",
  ).meta({ clientTopic: 'convictionCharge' }),
  statute: z.string().optional().meta({ description: 'Statute of conviction, e.g. "8 U.S.C. 1326(a)".', clientTopic: 'convictionCharge' }),
  description: z.string().optional().meta({ description: 'The offense in plain words.', clientTopic: 'convictionCharge' }),
  maximumPenaltyDays: asks(Days.optional(), 'What is the maximum term of imprisonment the statute of conviction authorizes, in days?').meta({ clientTopic: 'convictionSentence' }),
  sentenceImposedDays: asks(Days.optional(), 'What prison or jail sentence was imposed, in days (including any suspended part)?').meta({ clientTopic: 'convictionSentence' }),
  sentenceSuspendedDays: asks(Days.optional(), 'How many days of the sentence were suspended?').meta({ clientTopic: 'convictionSentence' }),
  sentenceToCustodyDays: asks(Days.optional(), 'How many days of the sentence were to be served in custody, not suspended (0 for a fully suspended sentence)?').meta({ clientTopic: 'convictionSentence' }),
  daysInCustody: asks(Days.optional(), 'How many days was the client actually in criminal custody for this offense?').meta({ clientTopic: 'convictionSentence' }),
  daysHeldOnImmigrationDetainer: asks(Days.optional(), 'Of those days, how many were held only on an immigration detainer?').meta({ clientTopic: 'convictionSentence' }),
  releasedFromConfinementDate: asks(DateSpec.optional(), 'On what date was the client released from any jail or prison term imposed for this offense?').meta({ clientTopic: 'convictionSentence' }),
  probationDays: z.number().int().min(0).optional().meta({ description: 'Probation ordered, in days.', clientTopic: 'convictionSentence' }),
  offenseDate: asks(DateSpec.optional(), 'On what date was the offense committed?').meta({ clientTopic: 'convictionTiming' }),
  convictionDate: asks(DateSpec.optional(), 'On what date was the client convicted?').meta({ clientTopic: 'convictionTiming' }),
  incidentId: asks(z.string().optional(), 'Which convictions arose from the same act, omission or scheme (give them the same incident id)?').meta({ clientTopic: 'convictionCharge' }),
  offenseTypes: asks(
    z.array(OffenseType).optional(),
    'Which offense types apply to this conviction (DUI, domestic violence, burglary, 1326 reentry, …)? An empty list means none of them.',
  ).meta({ clientTopic: 'convictionCharge' }),
  crimeInvolvingMoralTurpitude: asks(z.boolean().optional(), 'Has an attorney classified this offense as a crime involving moral turpitude?').meta({ clientTopic: 'convictionCharge' }),
  aggravatedFelony: asks(z.boolean().optional(), 'Has an attorney determined whether this conviction is an aggravated felony under INA 101(a)(43)?').meta({ clientTopic: 'convictionCharge' }),
  lossAmountDollars: asks(
    z.number().min(0).optional(),
    'For a fraud, tax-evasion or money-laundering offense: how many dollars did the victims lose (the Government, for tax evasion; the funds involved, for money laundering)?',
  ).meta({ clientTopic: 'convictionCharge' }),
  expunged: asks(z.boolean().optional(), 'Was this conviction expunged, vacated or set aside?').meta({ clientTopic: 'convictionCleared' }),
  expungedOn: asks(DateSpec.optional(), 'On what date was the conviction expunged, vacated or set aside?').meta({ clientTopic: 'convictionCleared', askedWhen: { field: 'criminalHistory.convictions[].expunged', is: [true] } }),
  expungementBasis: asks(
    ExpungementBasis.optional(),
    'Was it set aside for a defect in the criminal case itself (legal_defect: a constitutional or procedural error, innocence), or for rehabilitation or to spare the client immigration consequences (rehabilitative)?',
  ).meta({ clientTopic: 'convictionCleared', askedWhen: { field: 'criminalHistory.convictions[].expunged', is: [true] } }),
  juvenile: asks(z.boolean().optional(), 'Was the client a juvenile (under 18) when the offense was committed?').meta({ clientTopic: 'convictionTiming' }),
  triedAsAdult: asks(z.boolean().optional(), 'If a juvenile, was the client tried and convicted as an adult?').meta({ clientTopic: 'convictionTiming', askedWhen: { field: 'criminalHistory.convictions[].juvenile', is: [true] } }),
  connectedToAbuse: asks(z.boolean().optional(), 'Was the offense connected to the client having been battered or subjected to extreme cruelty?').meta({ clientTopic: 'convictionCircumstances', askedWhen: { field: 'abuse.occurred', is: [true] }, askedInSection: 'Abuse' }),
  connectedToTrafficking: asks(z.boolean().optional(), 'Was the offense caused by, or incident to, the client having been trafficked?').meta({ clientTopic: 'convictionCircumstances', askedWhen: { field: 'trafficking.occurred', is: [true] }, askedInSection: 'Trafficking' }),
  primaryPerpetrator: asks(z.boolean().optional(), 'Was the client the primary perpetrator of violence in the relationship?').meta({ clientTopic: 'convictionCircumstances', askedWhen: { field: 'criminalHistory.convictions[].connectedToAbuse', is: [true] }, askedInSection: 'Abuse' }),
  seriousBodilyInjury: asks(z.boolean().optional(), 'Did the offense result in serious bodily injury?').meta({ clientTopic: 'convictionCharge', askedWhen: { field: 'criminalHistory.convictions[].connectedToAbuse', is: [true] }, askedInSection: 'Abuse' }),
});
export type Conviction = z.infer<typeof Conviction>;

const Child = z.strictObject({
  dateOfBirth: asks(DateSpec.optional(), "What is the child's date of birth?"),
  status: asks(RelativeStatus.optional(), "What is the child's immigration status (U.S. citizen, permanent resident, other)?"),
  age: asks(
    z.number().int().min(0).max(120).optional(),
    "How old is the child (in years, on the screening date), if the date of birth is not known?",
  ),
  clientIsPrimaryCaretaker: asks(z.boolean().optional(), 'Is the client the primary caretaker of this child?'),
  abused: asks(z.boolean().optional(), 'Was this child battered or subjected to extreme cruelty by the abuser?').meta({ askedWhen: { field: 'abuse.occurred', is: [true] }, askedInSection: 'Abuse' }),
  abusedBy: z.string().optional().meta({ description: 'Who abused the child, if anyone (matches abuse.abuser.name).', askedWhen: { field: 'abuse.occurred', is: [true] }, askedInSection: 'Abuse' }),
  married: asks(z.boolean().optional(), 'Is this child married?'),
});

const Sibling = z.strictObject({
  dateOfBirth: asks(DateSpec.optional(), "What is the sibling's date of birth?"),
  married: asks(z.boolean().optional(), 'Is this sibling married?'),
});

const Abuse = z.strictObject({
  occurred: asks(z.boolean().optional(), 'Was the client, or the client\'s child, battered or subjected to extreme cruelty?'),
  abuser: z
    .strictObject({
      name: z.string().optional().meta({ description: 'Name or initials of the abuser.' }),
      status: asks(RelativeStatus.optional(), "What is (or was) the abuser's immigration status?"),
      statusHistory: z.string().optional().meta({ description: "Changes in the abuser's status (lost status, naturalized, died), as told." }),
      relationship: asks(
        z.enum(['spouse', 'former_spouse', 'intended_spouse_bigamy', 'parent', 'other_parent_of_clients_child', 'unmarried_partner', 'adult_child', 'other']).optional(),
        "What is the abuser's relationship to the client?",
      ),
      dateOfBirth: asks(DateSpec.optional(), "What is the abuser's date of birth (for a parent abused by an adult son or daughter)?"),
      statusLost: asks(z.boolean().optional(), 'Did the abuser lose or renounce U.S. citizenship or permanent residence?'),
      statusLostOn: asks(DateSpec.optional(), 'If the abuser lost or renounced citizenship or permanent residence, on what date?'),
      statusLossRelatedToAbuse: asks(z.boolean().optional(), "Was the abuser's loss of status related to an incident of domestic violence?"),
    })
    .optional().meta({ clientTopic: 'abuser' }),
  victims: asks(z.array(z.enum(['client', 'child'])).optional(), 'Who was abused: the client, the client\'s child, or both?'),
  kinds: asks(z.array(z.enum(['battery', 'extreme_cruelty'])).optional(), 'Was it battery, extreme cruelty, or both?'),
  from: asks(DateSpec.optional(), 'When did the abuse begin?'),
  to: asks(z.union([z.literal('present'), DateSpec]).optional(), 'When did the abuse end ("present" if it continues)?'),
  marriageDate: asks(DateSpec.optional(), 'If married to the abuser, on what date?').meta({ clientTopic: 'abuserMarriage', askedWhen: { field: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS } }),
  marriageStatus: asks(
    z.enum(['never_married', 'still_married', 'ended']).optional(),
    'Is the client still married to the abuser, did the marriage end (divorce, death, annulment), or did they never marry (no marriage ceremony)?',
  ).meta({ clientTopic: 'abuserMarriage', askedWhen: { field: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS } }),
  separatedOn: asks(DateSpec.optional(), 'If the client lived with the abuser and they no longer live together, on what date did they separate?').meta({ askedWhen: { field: 'abuse.residedWithAbuser', is: [true] } }),
  marriageEndedOn: asks(DateSpec.optional(), 'If the marriage ended, on what date?').meta({ clientTopic: 'abuserMarriage', askedWhen: [{ field: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS }, { field: 'abuse.marriageStatus', is: ['ended'] }] }),
  marriageEndReason: asks(z.enum(['divorce', 'death', 'annulment']).optional(), 'How did the marriage end?').meta({ clientTopic: 'abuserMarriage', askedWhen: [{ field: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS }, { field: 'abuse.marriageStatus', is: ['ended'] }] }),
  goodFaithMarriage: asks(z.boolean().optional(), 'Was the marriage entered in good faith?').meta({ clientTopic: 'abuserMarriage', askedWhen: { field: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS } }),
  residedWithAbuser: asks(z.boolean().optional(), 'Did the client ever live with the abuser?'),
  clientPrimaryPerpetrator: asks(
    z.boolean().optional(),
    'Was the client the primary perpetrator of violence in the relationship with the abuser (whether or not anyone was convicted)?',
  ),
  divorceConnectedToAbuse: asks(z.boolean().optional(), 'If the marriage ended in divorce, was the divorce connected to the battery or extreme cruelty?').meta({ clientTopic: 'abuserMarriage', askedWhen: { field: 'abuse.marriageStatus', is: ['ended'] } }),
  filingDelayDueToAbuse: asks(z.boolean().optional(), 'If the client is filing as an abused son or daughter after turning 21, was the abuse at least one central reason for the delay?'),
  extremeHardshipAssessed: asks(
    z.boolean().optional(),
    "Has an attorney assessed that removal would cause extreme hardship to the client, the client's child or the client's parent?",
  ).meta({ clientTopic: 'hardship' }),
});

const Trafficking = z.strictObject({
  occurred: asks(z.boolean().optional(), 'Was the client ever made to work or to perform commercial sex acts through force, fraud or coercion, or induced to perform a commercial sex act while under 18?'),
  type: asks(z.enum(['sex', 'labor', 'both']).optional(), 'Was the trafficking for commercial sex, labor, or both?'),
  means: asks(z.array(z.enum(['force', 'fraud', 'coercion'])).optional(), 'What means were used: force, fraud, coercion?'),
  purpose: z
    .array(z.enum(['commercial_sex', 'involuntary_servitude', 'peonage', 'debt_bondage', 'slavery']))
    .optional()
    .meta({ description: 'What the trafficking was for.' }),
  firstActDate: asks(DateSpec.optional(), 'When did the first act of trafficking happen?'),
  ageAtFirstAct: asks(z.number().int().min(0).max(120).optional(), 'How old was the client at the first act of trafficking?'),
  lastActDate: asks(DateSpec.optional(), 'When did the last act of trafficking happen?'),
  location: asks(z.enum(['united_states', 'abroad', 'both']).optional(), 'Did the trafficking happen in the United States, abroad, or both?'),
  presentOnAccountOfTrafficking: asks(z.boolean().optional(), 'Is the client in the United States on account of the trafficking?'),
  lawEnforcement: z
    .strictObject({
      requestReceived: asks(z.boolean().optional(), 'Did law enforcement ask the client for assistance?'),
      complied: asks(z.boolean().optional(), 'Did the client comply with every reasonable request?').meta({ askedWhen: { field: 'trafficking.lawEnforcement.requestReceived', is: [true] } }),
      offeredToCooperate: asks(z.boolean().optional(), 'Did the client offer to cooperate with law enforcement?'),
      requestDate: asks(DateSpec.optional(), 'On what date did law enforcement ask the client for assistance?').meta({ askedWhen: { field: 'trafficking.lawEnforcement.requestReceived', is: [true] } }),
      requestAgency: asks(
        z.enum(['federal', 'state', 'local', 'tribal', 'other']).optional(),
        'Which kind of agency asked for assistance: federal, state, local or tribal law enforcement, or another body?',
      ).meta({ askedWhen: { field: 'trafficking.lawEnforcement.requestReceived', is: [true] } }),
      reasonForNotComplying: asks(z.enum(['trauma', 'fear', 'request_unreasonable', 'other']).optional(), 'If the client did not comply, why not?').meta({ askedWhen: [{ field: 'trafficking.lawEnforcement.requestReceived', is: [true] }, { field: 'trafficking.lawEnforcement.complied', is: [false] }] }),
      requestReasonable: asks(
        z.boolean().optional(),
        "If the client did not comply, was the request reasonable given the client's circumstances: fear, trauma, age and maturity (attorney assessment, 8 CFR 214.208(c))?",
      ).meta({ askedWhen: { field: 'trafficking.lawEnforcement.complied', is: [false] } }),
      declarationObtained: asks(z.boolean().optional(), 'Has a law-enforcement declaration (Form I-914 Supplement B) been obtained?'),
    })
    .optional().meta({ clientTopic: 'traffickingPolice' }),
  traumaReported: asks(
    z.boolean().optional(),
    'Does the client have physical or psychological trauma from the trafficking (as told, observed or diagnosed)?',
  ),
  traumaPreventedCooperation: asks(
    z.boolean().optional(),
    'Did physical or psychological trauma leave the client unable to cooperate with law enforcement (attorney assessment, 8 CFR 214.202(c)(2))?',
  ).meta({ askedWhen: { field: 'trafficking.traumaReported', is: [true] } }),
  traffickedOthers: asks(z.boolean().optional(), 'Is there any reason to believe the client took part in trafficking others?').meta({ clientTopic: 'conduct', askedRegardlessOf: ['trafficking.occurred'] }),
  entryIncidentToTrafficking: asks(
    z.boolean().optional(),
    'Was the client\'s entry without inspection (or return after a removal) caused by, or incident to, the trafficking (attorney assessment)?',
  ),
  extremeHardship: asks(
    z.boolean().optional(),
    'Would the client suffer extreme hardship involving unusual and severe harm upon removal (attorney assessment)?',
  ).meta({ clientTopic: 'hardship' }),
  unlawfulPresenceCentralReason: asks(
    z.boolean().optional(),
    'Was the trafficking at least one central reason for the client\'s unlawful presence (attorney assessment)?',
  ),
  hardshipDescription: z.string().optional().meta({ description: 'The harm the client would face on removal, as told.', clientTopic: 'hardship' }),
});

/**
 * Crimes as the intake records the crime a client was a victim of, in the words police reports and
 * certifications use. Which of them are "qualifying criminal activity" for the U visa is the law's,
 * a parameter of rules/u-visa, not this list's; the list includes crimes the statute does not name
 * (robbery, burglary, theft, simple assault) so that an intake can say so and the pack can ask
 * whether the activity is "similar". An attempt, a conspiracy or a solicitation takes the type of
 * the crime attempted.
 */
export const VictimizationCrime = z.enum([
  'rape',
  'torture',
  'trafficking',
  'incest',
  'domestic_violence',
  'sexual_assault',
  'abusive_sexual_contact',
  'prostitution',
  'sexual_exploitation',
  'stalking',
  'female_genital_mutilation',
  'being_held_hostage',
  'peonage',
  'involuntary_servitude',
  'slave_trade',
  'kidnapping',
  'abduction',
  'unlawful_criminal_restraint',
  'false_imprisonment',
  'blackmail',
  'extortion',
  'manslaughter',
  'murder',
  'felonious_assault',
  'witness_tampering',
  'obstruction_of_justice',
  'perjury',
  'fraud_in_foreign_labor_contracting',
  'robbery',
  'burglary',
  'theft',
  'simple_assault',
  'other',
]);

const CrimeVictimization = z.strictObject({
  occurred: asks(
    z.boolean().optional(),
    'Has the client been the victim of a crime (in the United States or abroad), or is the client a close relative of a crime victim who was killed or left incapacitated?',
  ),
  crimes: asks(
    z.array(VictimizationCrime).optional(),
    'Which crimes were committed against the victim, as charged, reported or certified (domestic violence, sexual assault, felonious assault, robbery, ...)?',
  ),
  similarActivityAssessed: asks(
    z.boolean().optional(),
    'For a crime the U visa does not name (robbery, burglary, theft, simple assault, other): has an attorney assessed that its nature and elements are substantially similar to a crime it names (for instance felonious assault)?',
  ),
  description: z.string().optional().meta({ description: 'The crime in plain words, as told or as the police report or certification says.' }),
  firstActDate: asks(DateSpec.optional(), 'When did the crime (its first act, if it went on) happen?'),
  ageAtFirstAct: asks(z.number().int().min(0).max(120).optional(), 'How old was the client at the first act of the crime?'),
  lastActDate: asks(DateSpec.optional(), 'When did the last act of the crime happen?'),
  location: asks(z.enum(['united_states', 'abroad', 'both']).optional(), 'Did the crime happen in the United States (including Indian country, military installations and U.S. territories), abroad, or both?'),
  violatedUsLawAbroad: asks(
    z.boolean().optional(),
    'For a crime abroad: did it violate a U.S. federal law that reaches conduct abroad, so that it could be prosecuted in the United States (attorney assessment)?',
  ).meta({ askedWhen: { field: 'crimeVictimization.location', is: ['abroad', 'both'] } }),
  role: asks(
    z.enum(['direct_victim', 'indirect_victim', 'bystander']).optional(),
    'Was the client the direct victim of the crime, a close relative of a direct victim who was killed or left incompetent or incapacitated (indirect victim), or a bystander?',
  ),
  relationshipToDirectVictim: asks(
    z.enum(['spouse', 'child', 'parent', 'sibling', 'other']).optional(),
    'For an indirect victim: is the client the direct victim\'s spouse, child, parent, brother or sister, or other?',
  ).meta({ askedWhen: { field: 'crimeVictimization.role', is: ['indirect_victim'] } }),
  directVictimDateOfBirth: asks(DateSpec.optional(), "For an indirect victim: what is the direct victim's date of birth?").meta({ askedWhen: { field: 'crimeVictimization.role', is: ['indirect_victim'] } }),
  directVictimAgeAtFirstAct: asks(z.number().int().min(0).max(120).optional(), 'For an indirect victim: how old was the direct victim at the first act of the crime?').meta({ askedWhen: { field: 'crimeVictimization.role', is: ['indirect_victim'] } }),
  directVictimKilledOrIncapacitated: asks(
    z.boolean().optional(),
    'For an indirect victim: was the direct victim killed, or left incompetent or incapacitated?',
  ).meta({ askedWhen: { field: 'crimeVictimization.role', is: ['indirect_victim'] } }),
  harmSuffered: asks(
    z.boolean().optional(),
    'Did the client suffer physical or mental harm from the crime (injuries, fear, trauma, a worsened condition), as told or documented?',
  ),
  harmDescription: z.string().optional().meta({ description: 'The injuries and harm, their duration and treatment, as told or documented.' }),
  substantialAbuseAssessed: asks(
    z.boolean().optional(),
    'Has an attorney assessed that the client suffered substantial physical or mental abuse as a result of the crime (the nature and severity of the injury and conduct, the duration, lasting harm)?',
  ),
  possessesInformation: asks(z.boolean().optional(), 'Does the client (or, for a child, a parent or guardian) know facts about the crime that could help the authorities?').meta({ clientTopic: 'crimePolice' }),
  helpfulToAuthorities: asks(
    z.boolean().optional(),
    'Has the client (or, for a child, a parent or guardian) helped, or is the client helping or likely to help, the police, a prosecutor, a judge or another authority investigating or prosecuting the crime (a report, an interview, testimony)?',
  ).meta({ clientTopic: 'crimePolice' }),
  helpGivenBy: asks(
    z.enum(['client', 'parent_guardian_or_next_friend']).optional(),
    'Who holds the information and gave (or will give) the help: the client personally, or a parent, guardian or next friend for a client who was a child under 16 or is incapacitated?',
  ).meta({ clientTopic: 'crimePolice' }),
  clientCanHelpPersonally: asks(
    z.boolean().optional(),
    'The help came from a parent, guardian or next friend: does the client personally also know facts about the crime, and has the client helped (or is the client likely to help) the authorities?',
  ).meta({ clientTopic: 'crimePolice', askedWhen: { field: 'crimeVictimization.helpGivenBy', is: ['parent_guardian_or_next_friend'] } }),
  refusedReasonableRequest: asks(
    z.boolean().optional(),
    'Has the client refused or failed to give help the authorities reasonably asked for?',
  ).meta({ clientTopic: 'crimePolice' }),
  clientIncapacitated: asks(z.boolean().optional(), 'Is the client incompetent or incapacitated, so that a parent, guardian or next friend must help the authorities for the client?').meta({ clientTopic: 'crimePolice' }),
  clientCulpable: asks(
    z.boolean().optional(),
    'Was the client involved in committing the crime, or arrested or charged in connection with it (a dual arrest, for instance)?',
  ),
  culpabilityAssessed: asks(
    z.boolean().optional(),
    'For a client involved in, or arrested or charged in connection with, the crime: has an attorney assessed that the client is culpable for it (and so not its victim)?',
  ).meta({ askedWhen: { field: 'crimeVictimization.clientCulpable', is: [true] } }),
  certification: z
    .strictObject({
      obtained: asks(
        z.boolean().optional(),
        'Has a law-enforcement official, prosecutor, judge or other authority signed a certification of helpfulness (Form I-918 Supplement B)?',
      ),
      signedOn: asks(DateSpec.optional(), 'On what date was the certification (Form I-918 Supplement B) signed?'),
      certifier: asks(
        z.enum(['federal', 'state', 'local', 'tribal', 'judge', 'dhs', 'other']).optional(),
        'Who signed it: a federal, state, local or tribal law-enforcement agency or prosecutor, a judge, DHS, or another authority?',
      ),
    })
    .optional().meta({ clientTopic: 'crimePolice', askedWhen: { field: 'crimeVictimization.certification.obtained', is: [true] } }),
});

const Person = z.strictObject({
  name: z.string().optional().meta({ description: 'Name or initials, as the clinic records it.' }),
  dateOfBirth: asks(DateSpec.optional(), "What is the client's date of birth?").meta({ clientTopic: 'birth' }),
  countryOfBirth: asks(z.string().optional(), 'In which country was the client born?').meta({ clientTopic: 'birth' }),
  currentLocation: asks(z.enum(['united_states', 'outside_united_states']).optional(), 'Is the client in the United States now?').meta({ clientTopic: 'home' }),
  stateOfResidence: asks(UsState.optional(), 'In which U.S. state does the client live?').meta({ clientTopic: 'home' }),
  education: asks(
    z.enum(['in_school', 'high_school_diploma', 'certificate_of_completion', 'ged', 'college_degree', 'none']).optional(),
    'Is the client in school, or has the client graduated high school, earned a GED or a certificate of completion?',
  ).meta({ clientTopic: 'school' }),
  educationCompletedOn: asks(DateSpec.optional(), 'When did the client graduate, or earn the GED or certificate of completion (the year is enough)?').meta({ clientTopic: 'school', askedWhen: { field: 'person.education', is: ['high_school_diploma', 'certificate_of_completion', 'ged', 'college_degree'] } }),
  highestGradeCompleted: asks(z.number().int().min(0).max(12).optional(), 'What is the highest school grade the client has completed (0 to 12)?').meta({ clientTopic: 'school' }),
  military: z
    .strictObject({
      served: asks(z.boolean().optional(), 'Has the client served in the U.S. armed forces or Coast Guard?'),
      discharge: asks(
        z.enum(['still_serving', 'honorable', 'general', 'other_than_honorable', 'bad_conduct', 'dishonorable']).optional(),
        'What kind of discharge did the client receive?',
      ).meta({ askedWhen: { field: 'person.military.served', is: [true] } }),
      activeDutyMonths: asks(z.number().int().min(0).optional(), 'How many months in all did the client serve in active-duty status?').meta({ askedWhen: { field: 'person.military.served', is: [true] } }),
      inUnitedStatesAtEnlistment: asks(z.boolean().optional(), 'Was the client in the United States when enlisting or inducted?').meta({ askedWhen: { field: 'person.military.served', is: [true] } }),
    })
    .optional().meta({ clientTopic: 'military' }),
  seriouslyIll: asks(z.boolean().optional(), 'Does the client have a serious illness or health condition?').meta({ clientTopic: 'health' }),
  disabled: asks(z.boolean().optional(), 'Does the client have a serious mental or physical disability?').meta({ clientTopic: 'health' }),
  pregnantOrNursing: asks(z.boolean().optional(), 'Is the client pregnant or nursing?').meta({ clientTopic: 'health' }),
});

const Family = z.strictObject({
  maritalStatus: asks(
    z.enum(['never_married', 'married', 'divorced', 'widowed']).optional(),
    'Is the client married now, never married, divorced or widowed?',
  ).meta({ clientTopic: 'marriage' }),
  children: asks(z.array(Child).optional(), "List the client's children (an empty list means none).").meta({ clientTopic: 'children' }),
  spouse: z
    .strictObject({
      status: asks(RelativeStatus.optional(), "What is the spouse's immigration status?"),
      seriouslyIll: asks(z.boolean().optional(), 'Does the spouse have a severe illness?'),
      pregnantOrNursing: asks(z.boolean().optional(), 'Is the spouse pregnant or nursing?'),
    })
    .optional().meta({ clientTopic: 'marriage', askedWhen: { field: 'family.maritalStatus', is: ['married'] } }),
  parentStatuses: asks(z.array(RelativeStatus).optional(), "What are the immigration statuses of the client's parents?").meta({ clientTopic: 'relatives' }),
  siblings: asks(z.array(Sibling).optional(), "List the client's brothers and sisters (an empty list means none).").meta({ clientTopic: 'relatives' }),
  exceptionalHardshipAssessed: asks(
    z.boolean().optional(),
    "Has an attorney assessed that the client's removal would cause exceptional and extremely unusual hardship to a U.S.-citizen or permanent-resident spouse, parent or child?",
  ).meta({ clientTopic: 'hardship' }),
  relativeInMilitary: asks(z.boolean().optional(), 'Has an immediate relative served in the U.S. military, reserves or National Guard?').meta({ clientTopic: 'relatives' }),
  primaryCaretakerOfInfirmPerson: asks(z.boolean().optional(), 'Is the client the primary caretaker of a person with a disability or a seriously ill relative?').meta({ clientTopic: 'relatives' }),
});

const Equities = z.strictObject({
  communityTies: asks(z.array(z.string()).optional(), 'What ties does the client have to the community (work, church, school, volunteering)? An empty list means none.', 'Work, church, school, volunteering, as told.').meta({ clientTopic: 'ties' }),
  lawEnforcementCooperation: asks(z.boolean().optional(), 'Has the client cooperated with federal, state or local law enforcement?').meta({ clientTopic: 'helpingPolice' }),
  crimeVictim: asks(z.boolean().optional(), 'Is the client the victim of a serious crime other than abuse or trafficking?').meta({ clientTopic: 'helpingPolice' }),
  witness: asks(z.boolean().optional(), 'Is the client a witness in an investigation or prosecution?').meta({ clientTopic: 'helpingPolice' }),
  civilRightsPlaintiff: asks(z.boolean().optional(), 'Is the client a plaintiff in a non-frivolous civil-rights or labor case?').meta({ clientTopic: 'helpingPolice' }),
  weakTiesToHomeCountry: asks(z.boolean().optional(), 'Does the client have few or no ties left in the country of nationality?').meta({ clientTopic: 'ties' }),
  dangerousConditionsInHomeCountry: asks(z.boolean().optional(), 'Are conditions in the country of nationality dangerous for the client?').meta({ clientTopic: 'hardship' }),
  removalUnlikelyByNationality: asks(z.boolean().optional(), 'Does the client\'s nationality make removal unlikely (e.g. no repatriation agreement)?').meta({ clientTopic: 'birth' }),
});

const Removal = z.strictObject({
  noticeToAppearServed: asks(
    z.boolean().optional(),
    'Has the client ever been served a notice to appear (the document that starts removal proceedings), even in proceedings that later ended?',
  ),
  noticeToAppearDate: asks(DateSpec.optional(), 'On what date was a notice to appear served?'),
  noticeToAppearStatedTimeAndPlace: asks(
    z.boolean().optional(),
    'Did the notice to appear itself state the date, time and place of the first hearing (a later hearing notice does not count)?',
  ).meta({ askedWhen: { field: 'removal.noticeToAppearDate', matches: '^\\d' } }),
  inProceedings: asks(z.boolean().optional(), 'Is the client in removal proceedings now?'),
  finalOrder: asks(z.boolean().optional(), 'Does the client have a final order of removal?'),
  finalOrderDate: asks(DateSpec.optional(), 'On what date did the removal order become final?').meta({ askedWhen: { field: 'removal.finalOrder', is: [true] } }),
  finalOrderKind: asks(
    z.enum(['after_hearing', 'in_absentia', 'stipulated', 'expedited_removal', 'reinstated']).optional(),
    'What kind of final order is it: entered after a hearing, in absentia, stipulated, an expedited removal order, or a reinstated prior order?',
  ).meta({ askedWhen: { field: 'removal.finalOrder', is: [true] } }),
  finalOrderStayed: asks(z.boolean().optional(), 'Is the removal order stayed (by a court, an immigration judge or ICE)?').meta({ askedWhen: { field: 'removal.finalOrder', is: [true] } }),
  administrativelyClosed: asks(z.boolean().optional(), 'Have the removal proceedings been administratively closed?'),
  voluntaryDepartureOrder: asks(z.boolean().optional(), 'Does the client have a voluntary-departure order?'),
  failedToDepartOrAbsconded: asks(z.boolean().optional(), 'After a final order, did the client fail to depart or abscond?').meta({ impliedWhen: { field: 'removal.finalOrder', is: [false], value: false } }),
  inAbsentiaOralNotice: asks(
    z.boolean().optional(),
    'For an order entered in absentia: was the client told orally, in a language the client understands, of the hearing and of the consequences of not appearing?',
  ).meta({ askedWhen: { field: 'removal.finalOrderKind', is: ['in_absentia'] } }),
  // Keyed on the overstay, not on voluntaryDepartureOrder: that asks of an order the client has now, and the 240B(d) bar reaches a grant that lapsed.
  voluntaryDepartureDeadline: asks(DateSpec.optional(), 'If the client had voluntary departure, by what date did the client have to leave?').meta({ askedWhen: { field: 'removal.failedToDepartUnderVoluntaryDeparture', is: [true] } }),
  failedToDepartUnderVoluntaryDeparture: asks(z.boolean().optional(), 'Did the client stay past the voluntary-departure deadline?'),
  priorCancellationOrSuspension: asks(
    z.boolean().optional(),
    'Has the client ever been granted cancellation of removal, suspension of deportation, or a waiver under former INA 212(c)?',
  ),
  priorRemovals: asks(z.array(PriorRemoval).optional(), 'List every prior removal or deportation (an empty list means none).').meta({ clientTopic: 'pastRemoval' }),
  detained: asks(z.boolean().optional(), 'Is the client in immigration detention?'),
  mandatoryDetention: asks(z.boolean().optional(), 'Is the client subject to mandatory detention under INA 236(c)?'),
});

const Security = z.strictObject({
  gangParticipation: asks(z.boolean().optional(), 'Has the client, at 16 or older, participated in an organized criminal gang?'),
  outstandingCriminalWarrant: asks(z.boolean().optional(), 'Is there an outstanding criminal warrant for the client?').meta({ clientTopic: 'openCases' }),
  nationalSecurityConcern: asks(z.boolean().optional(), 'Is there any terrorism, espionage or national-security concern?'),
  immigrationFraud: asks(z.boolean().optional(), 'Has the client obtained status or entry by visa, identity or benefit fraud?'),
  recentVisaAbuse: asks(z.boolean().optional(), 'Has the client recently knowingly abused a visa or the visa waiver program?'),
  pendingCharges: asks(z.boolean().optional(), 'Are there pending criminal charges?').meta({ clientTopic: 'openCases' }),
  prostitution: z
    .strictObject({
      engaged: asks(
        z.boolean().optional(),
        'Apart from any acts traffickers compelled, has the client engaged in prostitution (commercial sex), whether or not arrested or convicted?',
      ),
      lastDate: asks(DateSpec.optional(), 'When did the client last engage in prostitution?').meta({ askedWhen: { field: 'security.prostitution.engaged', is: [true] } }),
    })
    .optional(),
  unlawfulVoting: asks(
    z.boolean().optional(),
    'Has the client ever voted in violation of a federal, state or local law (e.g. in an election limited to citizens), whether or not charged?',
  ),
  participatedInPersecution: asks(
    z.boolean().optional(),
    'Has the client ordered, incited, assisted or otherwise participated in the persecution of anyone because of race, religion, nationality, membership in a particular social group or political opinion?',
  ),
  participatedInGenocideTortureOrKilling: asks(
    z.boolean().optional(),
    'Has the client taken part in genocide, torture, an extrajudicial killing, or Nazi persecution?',
  ),
  otherGoodMoralCharacterBar: asks(
    z.boolean().optional(),
    'Does any other INA 101(f) bar apply: habitual drunkard, income principally from illegal gambling, two or more gambling convictions, false testimony to obtain an immigration benefit, or persecution, genocide or torture?',
  ),
});

const CriminalHistory = z.strictObject({
  category: asks(
    ConvictionCategory.optional(),
    'Which best describes the conviction history: none, illegal-entry misdemeanor, reentry felony, crime involving moral turpitude, Level 1, 2 or 3?',
    'A quick category for when the raw conviction facts are not known yet. It is a conclusion, not a fact: programs it does not decide report not enough information.',
  ).meta({ clientTopic: 'criminalRecord', standsInFor: 'criminalHistory.convictions', askedWhen: { field: 'criminalHistory.convictions', is: [] } }),
  convictions: asks(
    z.array(Conviction).optional(),
    'List every conviction, with its raw facts (an empty list means none). A guilty or no-contest plea followed by probation, a fine or a program and then a dismissal (deferred adjudication) is a conviction for immigration purposes: list it here.',
  ).meta({ clientTopic: 'criminalRecord' }),
  dismissedCharges: asks(
    z.array(DismissedCharge).optional(),
    'List every criminal charge that was dismissed or ended without a conviction, with its date and how it ended (an empty list means none).',
  ).meta({ clientTopic: 'dismissedCharge' }),
});

const CaseFileFields = z.strictObject({
  caseId: z.string().optional().meta({ description: 'The clinic\'s reference for this case.', section: 'Who the client is' }),
  screeningDate: asks(ExactDate.optional(), 'On what date is the screening done (the filing date it assumes)?').meta({ section: 'Who the client is', clientTopic: null }),
  notes: z.string().optional().meta({ section: 'Notes and sources' }),
  sources: z.array(z.string()).optional().meta({ description: 'Where the facts come from (intake, documents, seed texts).', section: 'Notes and sources' }),
  person: Person.optional().meta({ section: 'Who the client is' }),
  entries: asks(z.array(Entry).optional(), 'List every entry into the United States, with its date and manner.').meta({ section: 'Entries and status', clientTopic: 'entry' }),
  departures: asks(z.array(Departure).optional(), 'List every departure from the United States (an empty list means none).').meta({ section: 'Entries and status', clientTopic: 'trip' }),
  statusHistory: asks(z.array(StatusPeriod).optional(), 'List every immigration status the client has held, with dates (status "none" for periods without status).').meta({ section: 'Entries and status', clientTopic: 'status' }),
  removal: Removal.optional().meta({ section: 'Removal proceedings', clientTopic: 'immigrationCourt' }),
  criminalHistory: CriminalHistory.optional().meta({ section: 'Convictions' }),
  family: Family.optional().meta({ section: 'Family and equities' }),
  equities: Equities.optional().meta({ section: 'Family and equities' }),
  abuse: Abuse.optional().meta({ section: 'Abuse', clientTopic: 'abuse', askedWhen: { field: 'abuse.occurred', is: [true] } }),
  trafficking: Trafficking.optional().meta({ section: 'Trafficking', clientTopic: 'trafficking', askedWhen: { field: 'trafficking.occurred', is: [true] } }),
  crimeVictimization: CrimeVictimization.optional().meta({ section: 'Crime victimization', clientTopic: 'crime', askedWhen: { field: 'crimeVictimization.occurred', is: [true] } }),
  security: Security.optional().meta({ section: 'Security', clientTopic: 'conduct' }),
});

export const CaseFile = CaseFileFields.superRefine((caseFile, ctx) => {
  for (const issue of consistencyIssues(caseFile)) ctx.addIssue({ code: 'custom', ...issue });
});

/** A cross-field inconsistency: the field it is reported on, and why. */
export interface ConsistencyIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The checks across fields of a case file that each field's own type cannot make (dates in order,
 * a sentence within the maximum, ...). Part of the schema; exported on its own for a case built
 * from a valid one by setting a field to a valid value (settling by cases), which needs only these.
 */
export function consistencyIssues(caseFile: z.infer<typeof CaseFileFields>): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const birth = rangeOfField(caseFile.person?.dateOfBirth);
  for (const { value, path, what } of datedEvents(caseFile)) {
    const range = parseDateSpec(value);
    if (birth && range && range.latest < birth.earliest) issues.push({ path, message: `${what} is before the date of birth` });
  }
  caseFile.criminalHistory?.convictions?.forEach((conviction, i) => {
    const at = ['criminalHistory', 'convictions', i];
    const offense = rangeOfField(conviction.offenseDate);
    const convicted = rangeOfField(conviction.convictionDate);
    if (offense && convicted && convicted.latest < offense.earliest) {
      issues.push({ path: [...at, 'convictionDate'], message: 'the conviction date is before the offense date' });
    }
    if (conviction.sentenceSuspendedDays !== undefined && conviction.sentenceImposedDays !== undefined && conviction.sentenceSuspendedDays > conviction.sentenceImposedDays) {
      issues.push({ path: [...at, 'sentenceSuspendedDays'], message: 'more days are suspended than the sentence imposed' });
    }
    const { sentenceImposedDays: imposed, sentenceSuspendedDays: suspended, sentenceToCustodyDays: toCustody } = conviction;
    if (toCustody !== undefined && imposed !== undefined && (toCustody > imposed || (suspended !== undefined && toCustody !== imposed - suspended))) {
      issues.push({ path: [...at, 'sentenceToCustodyDays'], message: 'does not match the sentence imposed less the days suspended' });
    }
    const expunged = rangeOfField(conviction.expungedOn);
    if (expunged && convicted && expunged.latest < convicted.earliest) {
      issues.push({ path: [...at, 'expungedOn'], message: 'the conviction is set aside before it was entered' });
    }
    if (conviction.expunged === false && (conviction.expungedOn !== undefined || conviction.expungementBasis !== undefined)) {
      issues.push({ path: [...at, 'expunged'], message: 'says "no", but a date or basis of the expungement is given' });
    }
    if (conviction.jurisdiction === 'juvenile_court' && conviction.triedAsAdult === true) {
      issues.push({ path: [...at, 'triedAsAdult'], message: 'says "tried as an adult", but the court is a juvenile court' });
    }
    const sentence = conviction.sentenceImposedDays ?? conviction.sentenceToCustodyDays;
    if (sentence !== undefined && conviction.maximumPenaltyDays !== undefined && sentence > conviction.maximumPenaltyDays) {
      issues.push({ path: [...at, 'maximumPenaltyDays'], message: 'is less than the sentence imposed: a court cannot impose more than the maximum' });
    }
    if (conviction.daysHeldOnImmigrationDetainer !== undefined && conviction.daysInCustody !== undefined && conviction.daysHeldOnImmigrationDetainer > conviction.daysInCustody) {
      issues.push({ path: [...at, 'daysHeldOnImmigrationDetainer'], message: 'more days on a detainer than days in custody' });
    }
  });
  for (const issue of familyAndStatusIssues(caseFile)) issues.push(issue);
  issues.push(...victimizationIssues(caseFile.crimeVictimization));
  const history = caseFile.criminalHistory;
  if (history?.category === 'none' && history.convictions && history.convictions.length > 0) {
    issues.push({ path: ['criminalHistory', 'category'], message: 'says "none" but convictions are listed' });
  }
  if (history?.category && history.category !== 'none' && history.convictions?.length === 0) {
    issues.push({ path: ['criminalHistory', 'convictions'], message: `is empty, but the category says "${history.category}"` });
  }
  return issues;
}

/** A crime's acts in order, and a certification's date only with a certification. */
function victimizationIssues(victimization: z.infer<typeof CrimeVictimization> | undefined): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  if (!victimization) return issues;
  const first = rangeOfField(victimization.firstActDate);
  const last = rangeOfField(victimization.lastActDate);
  if (first && last && last.latest < first.earliest) issues.push({ path: ['crimeVictimization', 'lastActDate'], message: 'is before the first act of the crime' });
  const certification = victimization.certification;
  if (certification?.obtained === false && (certification.signedOn !== undefined || certification.certifier !== undefined)) {
    issues.push({ path: ['crimeVictimization', 'certification', 'obtained'], message: 'says "no", but a signing date or a certifier is given' });
  }
  if (victimization.occurred === false && Object.keys(victimization).some((key) => key !== 'occurred')) {
    issues.push({ path: ['crimeVictimization', 'occurred'], message: 'says "no", but details of a crime are given' });
  }
  return issues;
}

/**
 * The dated events of a case (birth, entries, departures, offenses, convictions), for consistency
 * checks. Birth is one of them so a date of birth after the screening date is refused like the rest;
 * compared with itself, it is never "before the date of birth".
 */
export function datedEvents(caseFile: {
  person?: { dateOfBirth?: string; educationCompletedOn?: string } | undefined;
  entries?: { date?: string }[] | undefined;
  departures?: { date?: string }[] | undefined;
  criminalHistory?:
    | { convictions?: { offenseDate?: string; convictionDate?: string; expungedOn?: string }[] | undefined; dismissedCharges?: { date?: string }[] | undefined }
    | undefined;
  abuse?: { separatedOn?: string } | undefined;
  crimeVictimization?: { firstActDate?: string; lastActDate?: string; certification?: { signedOn?: string } | undefined } | undefined;
}): { value: string; path: (string | number)[]; what: string }[] {
  const events: { value: string; path: (string | number)[]; what: string }[] = [];
  if (caseFile.person?.dateOfBirth) events.push({ value: caseFile.person.dateOfBirth, path: ['person', 'dateOfBirth'], what: 'the date of birth' });
  caseFile.entries?.forEach((e, i) => e.date && events.push({ value: e.date, path: ['entries', i, 'date'], what: 'the entry date' }));
  caseFile.departures?.forEach((d, i) => d.date && events.push({ value: d.date, path: ['departures', i, 'date'], what: 'the departure date' }));
  caseFile.criminalHistory?.convictions?.forEach((c, i) => {
    if (c.offenseDate) events.push({ value: c.offenseDate, path: ['criminalHistory', 'convictions', i, 'offenseDate'], what: 'the offense date' });
    if (c.convictionDate) events.push({ value: c.convictionDate, path: ['criminalHistory', 'convictions', i, 'convictionDate'], what: 'the conviction date' });
    if (c.expungedOn) events.push({ value: c.expungedOn, path: ['criminalHistory', 'convictions', i, 'expungedOn'], what: 'the expungement date' });
  });
  caseFile.criminalHistory?.dismissedCharges?.forEach((d, i) => {
    if (d.date) events.push({ value: d.date, path: ['criminalHistory', 'dismissedCharges', i, 'date'], what: 'the dismissal date' });
  });
  const victimization = caseFile.crimeVictimization;
  if (victimization?.firstActDate) events.push({ value: victimization.firstActDate, path: ['crimeVictimization', 'firstActDate'], what: 'the first act of the crime' });
  if (victimization?.lastActDate) events.push({ value: victimization.lastActDate, path: ['crimeVictimization', 'lastActDate'], what: 'the last act of the crime' });
  if (victimization?.certification?.signedOn) {
    events.push({ value: victimization.certification.signedOn, path: ['crimeVictimization', 'certification', 'signedOn'], what: 'the certification date' });
  }
  events.push(...familyAndStatusEvents(caseFile));
  return events;
}

export type CaseFile = z.infer<typeof CaseFile>;

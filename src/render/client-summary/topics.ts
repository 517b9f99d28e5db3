/**
 * The client summary's open questions are asked by TOPIC, not by case-file field: a client answers
 * "tell us about your court case", not maximumPenaltyDays. This module maps every field of the case
 * file (src/case/schema.ts) to one topic, for every language at once; each catalog in
 * locales/client-summary/ words the topics' questions and lists their documents.
 *
 * Some topics are about one item of a list (one conviction, one trip): a question about
 * criminalHistory.convictions[1].label is asked about that conviction, named from the client's
 * own words when the case file has them (item-labels.ts).
 */

/** The lists whose items a question may be about, by their path in the case file. */
export const COLLECTIONS = {
  entries: 'entries',
  departures: 'departures',
  statusHistory: 'statusHistory',
  priorRemovals: 'removal.priorRemovals',
  convictions: 'criminalHistory.convictions',
  dismissedCharges: 'criminalHistory.dismissedCharges',
  children: 'family.children',
} as const;
export type Collection = keyof typeof COLLECTIONS;

/** Lists whose items the client describes in words (a conviction's description), besides their dates. */
export const DESCRIBED_COLLECTIONS: readonly Collection[] = ['convictions', 'dismissedCharges'];

/** Each topic, and the list it asks about item by item (null: a topic about the whole case). */
export const TOPICS = {
  birth: null,
  home: null,
  school: null,
  military: null,
  health: null,
  entry: 'entries',
  trip: 'departures',
  status: 'statusHistory',
  immigrationCourt: null,
  pastRemoval: 'priorRemovals',
  criminalRecord: null,
  convictionSentence: 'convictions',
  convictionCharge: 'convictions',
  convictionTiming: 'convictions',
  convictionCleared: 'convictions',
  convictionCircumstances: 'convictions',
  dismissedCharge: 'dismissedCharges',
  openCases: null,
  conduct: null,
  marriage: null,
  children: 'children',
  relatives: null,
  ties: null,
  hardship: null,
  helpingPolice: null,
  abuse: null,
  abuser: null,
  abuserMarriage: null,
  trafficking: null,
  traffickingPolice: null,
  /** For a field no entry below names: the question is still shown, in general words. */
  other: null,
} as const satisfies Record<string, Collection | null>;
export type Topic = keyof typeof TOPICS;

/**
 * Topics that presume the answer to another ("the person who hurt you"). While that other topic is
 * itself still open, the follow-up is not asked, nor are its papers: a client never told of abuse
 * is not asked for the abuser's green card. The attorney takes it from there.
 */
export const FOLLOW_UPS: Readonly<Partial<Record<Topic, Topic>>> = {
  abuser: 'abuse',
  abuserMarriage: 'abuse',
  traffickingPolice: 'trafficking',
};

/**
 * Field paths (list indices left out) and the topic of every field under them; the longest path
 * that matches a field decides. `null`: a field the clinic sets, never a question for the client.
 */
export const FIELD_TOPICS: Readonly<Record<string, Topic | null>> = {
  screeningDate: null,
  'person.dateOfBirth': 'birth',
  'person.countryOfBirth': 'birth',
  'equities.removalUnlikelyByNationality': 'birth',
  'person.currentLocation': 'home',
  'person.stateOfResidence': 'home',
  'person.education': 'school',
  'person.educationCompletedOn': 'school',
  'person.highestGradeCompleted': 'school',
  'person.military': 'military',
  'person.seriouslyIll': 'health',
  'person.disabled': 'health',
  'person.pregnantOrNursing': 'health',
  entries: 'entry',
  departures: 'trip',
  statusHistory: 'status',
  removal: 'immigrationCourt',
  'removal.priorRemovals': 'pastRemoval',
  'criminalHistory.category': 'criminalRecord',
  'criminalHistory.convictions': 'criminalRecord',
  'criminalHistory.convictions.maximumPenaltyDays': 'convictionSentence',
  'criminalHistory.convictions.sentenceImposedDays': 'convictionSentence',
  'criminalHistory.convictions.sentenceSuspendedDays': 'convictionSentence',
  'criminalHistory.convictions.sentenceToCustodyDays': 'convictionSentence',
  'criminalHistory.convictions.daysInCustody': 'convictionSentence',
  'criminalHistory.convictions.daysHeldOnImmigrationDetainer': 'convictionSentence',
  'criminalHistory.convictions.releasedFromConfinementDate': 'convictionSentence',
  'criminalHistory.convictions.probationDays': 'convictionSentence',
  'criminalHistory.convictions.id': 'convictionCharge',
  'criminalHistory.convictions.jurisdiction': 'convictionCharge',
  'criminalHistory.convictions.jurisdictionName': 'convictionCharge',
  'criminalHistory.convictions.label': 'convictionCharge',
  'criminalHistory.convictions.statute': 'convictionCharge',
  'criminalHistory.convictions.description': 'convictionCharge',
  'criminalHistory.convictions.incidentId': 'convictionCharge',
  'criminalHistory.convictions.offenseTypes': 'convictionCharge',
  'criminalHistory.convictions.crimeInvolvingMoralTurpitude': 'convictionCharge',
  'criminalHistory.convictions.aggravatedFelony': 'convictionCharge',
  'criminalHistory.convictions.lossAmountDollars': 'convictionCharge',
  'criminalHistory.convictions.seriousBodilyInjury': 'convictionCharge',
  'criminalHistory.convictions.offenseDate': 'convictionTiming',
  'criminalHistory.convictions.convictionDate': 'convictionTiming',
  'criminalHistory.convictions.juvenile': 'convictionTiming',
  'criminalHistory.convictions.triedAsAdult': 'convictionTiming',
  'criminalHistory.convictions.expunged': 'convictionCleared',
  'criminalHistory.convictions.expungedOn': 'convictionCleared',
  'criminalHistory.convictions.expungementBasis': 'convictionCleared',
  'criminalHistory.convictions.connectedToAbuse': 'convictionCircumstances',
  'criminalHistory.convictions.connectedToTrafficking': 'convictionCircumstances',
  'criminalHistory.convictions.primaryPerpetrator': 'convictionCircumstances',
  'criminalHistory.dismissedCharges': 'dismissedCharge',
  'security.pendingCharges': 'openCases',
  'security.outstandingCriminalWarrant': 'openCases',
  security: 'conduct',
  // Whether the client took part in trafficking others is a question about conduct, asked of every
  // client (good moral character), not about having been trafficked.
  'trafficking.traffickedOthers': 'conduct',
  'family.maritalStatus': 'marriage',
  'family.spouse': 'marriage',
  'family.children': 'children',
  'family.parentStatuses': 'relatives',
  'family.relativeInMilitary': 'relatives',
  'family.primaryCaretakerOfInfirmPerson': 'relatives',
  'equities.communityTies': 'ties',
  'equities.weakTiesToHomeCountry': 'ties',
  'equities.dangerousConditionsInHomeCountry': 'hardship',
  'abuse.extremeHardshipAssessed': 'hardship',
  'trafficking.extremeHardship': 'hardship',
  'trafficking.hardshipDescription': 'hardship',
  'equities.lawEnforcementCooperation': 'helpingPolice',
  'equities.crimeVictim': 'helpingPolice',
  'equities.witness': 'helpingPolice',
  'equities.civilRightsPlaintiff': 'helpingPolice',
  abuse: 'abuse',
  'abuse.abuser': 'abuser',
  'abuse.marriageDate': 'abuserMarriage',
  'abuse.marriageStatus': 'abuserMarriage',
  'abuse.marriageEndedOn': 'abuserMarriage',
  'abuse.marriageEndReason': 'abuserMarriage',
  'abuse.goodFaithMarriage': 'abuserMarriage',
  'abuse.divorceConnectedToAbuse': 'abuserMarriage',
  trafficking: 'trafficking',
  'trafficking.lawEnforcement': 'traffickingPolice',
};

/** Where a question goes: its topic, and the list item it is about when the topic asks item by item. */
export interface TopicOfField {
  topic: Topic;
  item: { collection: Collection; index: number } | null;
}

/** The topic of a field path such as "criminalHistory.convictions[0].maximumPenaltyDays"; null for a field the clinic sets. */
export function topicOfField(path: string): TopicOfField | null {
  const keys = path.replace(/\[\d+\]/g, '').split('.');
  let topic: Topic | null | undefined;
  for (let length = keys.length; length > 0 && topic === undefined; length--) {
    const prefix = keys.slice(0, length).join('.');
    if (Object.hasOwn(FIELD_TOPICS, prefix)) topic = FIELD_TOPICS[prefix];
  }
  if (topic === null) return null;
  if (topic === undefined) return { topic: 'other', item: null };
  const collection = TOPICS[topic];
  if (collection === null) return { topic, item: null };
  // The index right after the list's own path: "family.children[2].status" is about child 2.
  const indexed = new RegExp(`^${COLLECTIONS[collection].replace(/\./g, '\\.')}\\[(\\d+)\\]`).exec(path);
  return { topic, item: indexed ? { collection, index: Number(indexed[1]) } : null };
}

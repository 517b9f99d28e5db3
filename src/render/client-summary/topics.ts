/**
 * The client summary's open questions are asked by TOPIC, not by case-file field: a client answers
 * "tell us about your court case", not maximumPenaltyDays. Each field of the case file declares its
 * topic with the field (src/case/schema.ts), for every language at once; this module lists the
 * topics, and each catalog in locales/client-summary/ words their questions and lists their documents.
 *
 * Some topics are about one item of a list (one conviction, one trip): a question about
 * criminalHistory.convictions[1].label is asked about that conviction, named from the client's
 * own words when the case file has them (item-labels.ts).
 */
import { fieldNotes, type FieldNotes } from '../../case/field-notes.js';

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
  crime: null,
  crimePolice: null,
  /** For a field of no declared topic: the question is still shown, in general words. */
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
  crimePolice: 'crime',
};

/**
 * The topic each field declares in the case-file schema (its `clientTopic`, src/case/field-notes.ts),
 * by path with the list indices left out; a field declaring none takes the topic of the nearest group
 * holding it that declares one. `null`: a field the clinic sets, never a question for the client.
 * A topic these TOPICS do not list is refused when the schema is first read.
 */
export function topicsDeclared(notes: ReadonlyMap<string, FieldNotes>): ReadonlyMap<string, Topic | null> {
  const topics = new Map<string, Topic | null>();
  const unknown: string[] = [];
  for (const [pattern, { clientTopic }] of notes) {
    if (clientTopic === undefined) continue;
    if (clientTopic !== null && !Object.hasOwn(TOPICS, clientTopic)) unknown.push(`${pattern}: "${clientTopic}"`);
    topics.set(pattern.replace(/\[\]/g, ''), clientTopic as Topic | null);
  }
  if (unknown.length) throw new Error(`case-file schema: client-summary topics that topics.ts does not list: ${unknown.join('; ')}`);
  return topics;
}

export const FIELD_TOPICS = topicsDeclared(fieldNotes());

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
    if (FIELD_TOPICS.has(prefix)) topic = FIELD_TOPICS.get(prefix);
  }
  if (topic === null) return null;
  if (topic === undefined) return { topic: 'other', item: null };
  const collection = TOPICS[topic];
  if (collection === null) return { topic, item: null };
  // The index right after the list's own path: "family.children[2].status" is about child 2.
  const indexed = new RegExp(`^${COLLECTIONS[collection].replace(/\./g, '\\.')}\\[(\\d+)\\]`).exec(path);
  return { topic, item: indexed ? { collection, index: Number(indexed[1]) } : null };
}

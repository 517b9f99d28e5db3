/**
 * The order a clinic meets the facts in: who the client is, entries and status, removal
 * proceedings, convictions (what, when, then the sentence and release), family, then abuse and
 * trafficking, crimes the client suffered, and only after them the details of other facts that refer to them. The interview
 * asks in this order; the question tree keeps the schema's fields and only reorders them, so a
 * field added to the schema is still asked (after the fields named here).
 */

/** The interview's sections, in order; top-level fields no section names are asked last. */
export const SECTIONS: readonly { title: string; fields: readonly string[] }[] = [
  { title: 'Who the client is', fields: ['caseId', 'screeningDate', 'person'] },
  { title: 'Entries and status', fields: ['entries', 'departures', 'statusHistory'] },
  { title: 'Removal proceedings', fields: ['removal'] },
  { title: 'Convictions', fields: ['criminalHistory'] },
  { title: 'Family and equities', fields: ['family', 'equities'] },
  { title: 'Abuse', fields: ['abuse'] },
  { title: 'Trafficking', fields: ['trafficking'] },
  { title: 'Crime victimization', fields: ['crimeVictimization'] },
  { title: 'Security', fields: ['security'] },
  { title: 'Notes and sources', fields: ['notes', 'sources'] },
];

/**
 * Within an object (by its pattern), the fields asked first, in this order; the object's other
 * fields follow, those that could decide the most programs first (planner.ts), else in the
 * schema's order. Why each order: a question comes before those that
 * presuppose its answer ("in proceedings?" before the notice to appear, a final order before
 * failing to depart under it, the offense date before the conviction date, the sentence imposed
 * and suspended before the days to serve, before the days served and the release).
 */
export const FIELD_ORDER: Readonly<Record<string, readonly string[]>> = {
  person: ['name'],
  'entries[]': ['date', 'ageAtEntry', 'manner'],
  removal: ['inProceedings', 'noticeToAppearDate', 'finalOrder', 'failedToDepartOrAbsconded', 'voluntaryDepartureOrder', 'priorRemovals', 'detained', 'mandatoryDetention'],
  // How many convictions first: the quick category stands in only when their facts are not known.
  criminalHistory: ['convictions', 'category'],
  'criminalHistory.convictions[]': [
    'id', 'description', 'statute', 'jurisdiction', 'jurisdictionName', 'label', 'offenseTypes', 'maximumPenaltyDays',
    'offenseDate', 'convictionDate', 'juvenile', 'triedAsAdult',
    'sentenceImposedDays', 'sentenceSuspendedDays', 'sentenceToCustodyDays', 'daysInCustody', 'daysHeldOnImmigrationDetainer', 'releasedFromConfinementDate', 'probationDays',
  ],
  abuse: ['occurred', 'abuser', 'victims', 'kinds', 'from', 'to', 'marriageDate', 'marriageStatus', 'marriageEndedOn', 'marriageEndReason', 'divorceConnectedToAbuse', 'residedWithAbuser', 'separatedOn'],
  'abuse.abuser': ['name', 'relationship', 'status', 'statusLost', 'statusLostOn', 'statusLossRelatedToAbuse'],
  trafficking: ['occurred'],
};

/**
 * Details of other sections that refer to abuse or trafficking: asked in that section, after its
 * own questions, so "was it connected to the abuse?" comes once the abuse is known.
 */
export const ASKED_IN_SECTION: Readonly<Record<string, string>> = {
  'departures[].connectedToAbuse': 'Abuse',
  'criminalHistory.convictions[].connectedToAbuse': 'Abuse',
  'criminalHistory.convictions[].primaryPerpetrator': 'Abuse',
  'criminalHistory.convictions[].seriousBodilyInjury': 'Abuse',
  'family.children[].abused': 'Abuse',
  'family.children[].abusedBy': 'Abuse',
  'criminalHistory.convictions[].connectedToTrafficking': 'Trafficking',
};

/** What identifies the case: asked in every new interview, though no result depends on it. */
export const IDENTIFYING_FIELDS: readonly string[] = ['caseId', 'screeningDate', 'person.name'];

/**
 * A question that stands in for another field, worth asking while that field is open: the age at
 * entry while the entry date (unknown, or a span) leaves a result open; the quick conviction
 * category while the convictions do (skip-rules.ts asks it only when they are "don't know").
 */
export const STANDS_IN_FOR: Readonly<Record<string, string>> = {
  'entries[].ageAtEntry': 'entries[].date',
  'criminalHistory.category': 'criminalHistory.convictions',
};

/** Orders an object's field names: those FIELD_ORDER names for it first, the others after, as given. */
export function inClinicOrder<T extends { name: string }>(pattern: string, fields: readonly T[]): T[] {
  const first = FIELD_ORDER[pattern] ?? [];
  const rank = (field: T) => {
    const at = first.indexOf(field.name);
    return at < 0 ? first.length : at;
  };
  return fields.map((field, index) => ({ field, index })).sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index).map(({ field }) => field);
}

/**
 * The order a clinic meets the facts in: who the client is, entries and status, removal
 * proceedings, convictions (what, when, then the sentence and release), family, then abuse and
 * trafficking, crimes the client suffered, and only after them the details of other facts that
 * refer to them. The interview asks in this order; the question tree keeps the schema's fields and
 * only reorders them, so a field added to the schema is still asked (after the fields named here).
 * Which section a top-level field belongs to, and which details are asked in another section, the
 * schema declares with the field (`section`, `askedInSection`: src/case/field-notes.ts); the order
 * of the sections, a relation between them rather than a fact about one field, is kept here.
 */

/**
 * The interview's sections, in order, by title. A section the schema declares and this list does
 * not name comes after these, and top-level fields of no section come last ("Other facts").
 */
export const SECTION_ORDER: readonly string[] = [
  'Who the client is',
  'Entries and status',
  'Removal proceedings',
  'Convictions',
  'Family and equities',
  'Abuse',
  'Trafficking',
  'Crime victimization',
  'Security',
  'Notes and sources',
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

/** What identifies the case: asked in every new interview, though no result depends on it. */
export const IDENTIFYING_FIELDS: readonly string[] = ['caseId', 'screeningDate', 'person.name'];

/** Orders an object's field names: those FIELD_ORDER names for it first, the others after, as given. */
export function inClinicOrder<T extends { name: string }>(pattern: string, fields: readonly T[]): T[] {
  const first = FIELD_ORDER[pattern] ?? [];
  const rank = (field: T) => {
    const at = first.indexOf(field.name);
    return at < 0 ? first.length : at;
  };
  return fields.map((field, index) => ({ field, index })).sort((a, b) => rank(a.field) - rank(b.field) || a.index - b.index).map(({ field }) => field);
}

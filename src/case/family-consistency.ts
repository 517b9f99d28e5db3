/**
 * Cross-field checks for the marital, family, education and visa facts: answers that cannot all
 * be true (a marriage end date for a client "still married" to the abuser, a spouse recorded for a
 * client who never married, a visa class on a status that is no visa) are errors naming the field,
 * so no rule reads a contradiction and picks one side at random.
 */
import { ageOn, rangeOfField } from './dates.js';
import type { CaseFile, ConsistencyIssue } from './schema.js';

/**
 * Relationships that are no marriage: a marriage to the abuser recorded with one of them contradicts
 * it ("other" too, so the relationship and the marriage answers never tell two stories).
 */
const NOT_MARRIED_TO = ['unmarried_partner', 'parent', 'adult_child', 'other_parent_of_clients_child', 'other'];
/** Relationships in which a marriage ceremony took place (the intended spouse's too: INA 204(a)(1)(A)(iii)(II)(aa)(BB)). */
export const CEREMONY_RELATIONSHIPS: readonly string[] = ['spouse', 'former_spouse', 'intended_spouse_bigamy'];

function marriageIssues(abuse: NonNullable<CaseFile['abuse']>): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const at = (field: string, message: string) => issues.push({ path: ['abuse', field], message });
  const relationship = abuse.abuser?.relationship;
  const status = abuse.marriageStatus;
  if (status === 'still_married') {
    if (abuse.marriageEndedOn) at('marriageEndedOn', 'is given, but abuse.marriageStatus says the client is still married to the abuser');
    if (abuse.marriageEndReason) at('marriageEndReason', 'is given, but abuse.marriageStatus says the client is still married to the abuser');
    if (relationship === 'former_spouse') at('marriageStatus', 'says "still_married", but abuse.abuser.relationship says "former_spouse"');
  }
  if (status === 'ended' && relationship === 'spouse') at('marriageStatus', 'says the marriage ended, but abuse.abuser.relationship says "spouse" (a former spouse is "former_spouse")');
  if (status === 'never_married') {
    for (const field of ['marriageDate', 'marriageEndedOn', 'marriageEndReason'] as const) {
      if (abuse[field]) at(field, 'is given, but abuse.marriageStatus says the client never married the abuser');
    }
    if (relationship && CEREMONY_RELATIONSHIPS.includes(relationship)) at('marriageStatus', `says "never_married", but abuse.abuser.relationship says "${relationship}" (a marriage ceremony took place)`);
  }
  if ((status === 'still_married' || status === 'ended') && relationship && NOT_MARRIED_TO.includes(relationship)) {
    at('marriageStatus', `says the client married the abuser, but abuse.abuser.relationship says "${relationship}": record the relationship as "spouse" or "former_spouse"`);
  }
  if (relationship === 'spouse' && abuse.marriageEndedOn) at('marriageEndedOn', 'is given, but abuse.abuser.relationship says "spouse" (still married); a former spouse is "former_spouse"');
  if (relationship && NOT_MARRIED_TO.includes(relationship)) {
    for (const field of ['marriageEndedOn', 'marriageEndReason'] as const) {
      if (abuse[field]) at(field, `is given, but abuse.abuser.relationship says "${relationship}": a marriage to the abuser is "spouse" or "former_spouse"`);
    }
  }
  if (abuse.separatedOn && abuse.residedWithAbuser === false) at('separatedOn', 'is given (the client lived with the abuser until then), but abuse.residedWithAbuser is false');
  return issues;
}

/** The client's marriage to the abuser as the abuse section tells it: continuing, ended, or never. */
function abuseMarriage(abuse: CaseFile['abuse']): 'continuing' | 'ended' | undefined {
  const status = abuse?.marriageStatus;
  const relationship = abuse?.abuser?.relationship;
  if (status === 'still_married' || relationship === 'spouse') return 'continuing';
  if (status === 'ended' || relationship === 'former_spouse') return 'ended';
  return undefined;
}

function familyIssues(caseFile: CaseFile): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const family = caseFile.family;
  const marital = family?.maritalStatus;
  if (marital && marital !== 'married' && family?.spouse) {
    issues.push({ path: ['family', 'spouse'], message: `is given, but family.maritalStatus says "${marital}" (no spouse now)` });
  }
  const withAbuser = abuseMarriage(caseFile.abuse);
  if (withAbuser === 'continuing' && marital && marital !== 'married') {
    issues.push({ path: ['family', 'maritalStatus'], message: `says "${marital}", but the abuse section says the client is still married to the abuser` });
  }
  if (withAbuser === 'ended' && marital === 'never_married') {
    issues.push({ path: ['family', 'maritalStatus'], message: 'says "never_married", but the abuse section says the client was married to the abuser' });
  }
  const victims = caseFile.abuse?.victims;
  const children = family?.children;
  if (victims?.includes('child') && children?.every((child) => child.abused === false)) {
    issues.push({ path: ['abuse', 'victims'], message: children.length === 0 ? 'lists a child, but family.children says the client has none' : 'lists a child, but every child in family.children is recorded as not abused' });
  }
  const screening = rangeOfField(caseFile.screeningDate);
  family?.children?.forEach((child, i) => {
    const at = (field: string, message: string) => issues.push({ path: ['family', 'children', i, field], message });
    if (child.abused === false && child.abusedBy) at('abusedBy', 'names an abuser, but this child\'s "abused" is false');
    if (child.abused === true && victims && !victims.includes('child')) at('abused', 'is true, but abuse.victims does not list a child');
    const birth = rangeOfField(child.dateOfBirth);
    if (child.age !== undefined && birth && screening) {
      const low = ageOn(birth.latest, screening.earliest);
      const high = ageOn(birth.earliest, screening.earliest);
      if (child.age < low || child.age > high) at('age', `is ${child.age}, but a child born ${child.dateOfBirth} is ${low === high ? low : `${low} to ${high}`} on the screening date ${caseFile.screeningDate}`);
    }
  });
  return issues;
}

function statusAndEducationIssues(caseFile: CaseFile): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  caseFile.statusHistory?.forEach((period, i) => {
    if (period.visaClass && period.status !== 'nonimmigrant') {
      issues.push({ path: ['statusHistory', i, 'visaClass'], message: `is given, but the status is "${period.status}": a visa class belongs to a nonimmigrant status` });
    }
  });
  // The determination that the client knowingly abused a visa needs a visa: one in the status history, or an admission.
  const history = caseFile.statusHistory;
  if (caseFile.security?.recentVisaAbuse === true && history && !history.some((period) => period.status === 'nonimmigrant')) {
    const entries = caseFile.entries;
    if (entries && entries.every((entry) => entry.manner === 'without_inspection' || entry.manner === 'paroled')) {
      issues.push({ path: ['security', 'recentVisaAbuse'], message: 'is true, but the status history holds no nonimmigrant (visa or visa-waiver) status and no entry was an admission: record the visa in statusHistory (status "nonimmigrant", with its visaClass)' });
    }
  }
  const person = caseFile.person;
  if (person?.educationCompletedOn && person.education === 'none') {
    issues.push({ path: ['person', 'educationCompletedOn'], message: 'is given, but person.education says "none" (no diploma, certificate or GED)' });
  }
  return issues;
}

export function familyAndStatusIssues(caseFile: CaseFile): ConsistencyIssue[] {
  return [...(caseFile.abuse ? marriageIssues(caseFile.abuse) : []), ...familyIssues(caseFile), ...statusAndEducationIssues(caseFile)];
}

/** The dated events these fields add to the case's checks (not before the date of birth, not after the screening date). */
export function familyAndStatusEvents(caseFile: {
  person?: { educationCompletedOn?: string } | undefined;
  abuse?: { separatedOn?: string } | undefined;
}): { value: string; path: (string | number)[]; what: string }[] {
  const events: { value: string; path: (string | number)[]; what: string }[] = [];
  if (caseFile.person?.educationCompletedOn) events.push({ value: caseFile.person.educationCompletedOn, path: ['person', 'educationCompletedOn'], what: 'the date the diploma, certificate or GED was obtained' });
  if (caseFile.abuse?.separatedOn) events.push({ value: caseFile.abuse.separatedOn, path: ['abuse', 'separatedOn'], what: 'the date of separation from the abuser' });
  return events;
}

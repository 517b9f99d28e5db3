/**
 * Facts about the client's marriage to the abuser, living with the abuser, the abused children and
 * the current spouse. Each reads the direct answer first (abuse.marriageStatus, residedWithAbuser,
 * a child's "abused", family.maritalStatus) and otherwise what other answers already settle (a
 * former-spouse relationship, a separation date, abuse.victims). The case file is checked for
 * contradictions between them when it is read (src/case/family-consistency.ts).
 */
import { z } from 'zod';
import type { CaseFile } from '../case/schema.js';
import { defineCalculator, derived, type FactValue } from './calculator.js';
import type { Tri } from './tri.js';

const Relationships = z.array(z.string()).min(1);

/**
 * The marriage to the abuser on the screening date, from the most direct answer recorded. The
 * answers cannot disagree (the case file is refused when they do), so which one is read first never
 * changes the result, and removing one never turns a settled answer around. An intended spouse's
 * marriage (void for the abuser's bigamy) is read as the marriage the client believed in: its state
 * comes only from the marriage status or a recorded end, never from the relationship alone; the
 * rules that need a valid marriage also ask that the abuser is no intended spouse.
 */
function marriageState(abuse: CaseFile['abuse'], params: { spouseRelationships: string[]; formerSpouseRelationships: string[]; intendedSpouseRelationships: string[] }): {
  continuing: Tri;
  ended: Tri;
  detail: string;
} {
  const status = abuse?.marriageStatus;
  if (status) return { continuing: status === 'still_married', ended: status === 'ended', detail: `abuse.marriageStatus = ${status}` };
  if (abuse?.marriageEndedOn || abuse?.marriageEndReason) {
    return { continuing: false, ended: true, detail: `the marriage ended${abuse.marriageEndReason ? ` by ${abuse.marriageEndReason}` : ''}${abuse.marriageEndedOn ? ` on ${abuse.marriageEndedOn}` : ''}` };
  }
  const relationship = abuse?.abuser?.relationship;
  if (relationship && !params.intendedSpouseRelationships.includes(relationship)) {
    return { continuing: params.spouseRelationships.includes(relationship), ended: params.formerSpouseRelationships.includes(relationship), detail: `abuse.abuser.relationship = ${relationship}` };
  }
  return { continuing: null, ended: null, detail: relationship ? `abuse.abuser.relationship = ${relationship}; whether that marriage continues is not recorded` : 'neither the marriage status nor the relationship to the abuser is recorded' };
}

export const marriageToAbuser = defineCalculator({
  description:
    'The client is still married to the abuser ("continuing") or was married to the abuser and the marriage ended ("ended"), on the screening date: from abuse.marriageStatus, else a recorded end of the marriage, else the relationship (an intended spouse\'s relationship alone does not say).',
  params: z.strictObject({
    state: z.enum(['continuing', 'ended']),
    spouseRelationships: Relationships,
    formerSpouseRelationships: Relationships,
    intendedSpouseRelationships: Relationships,
  }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const state = marriageState(caseFile.abuse, params);
    const value = params.state === 'continuing' ? state.continuing : state.ended;
    return derived(value, state.detail, value === null ? ['abuse.marriageStatus', 'abuse.abuser.relationship'] : []);
  },
});

export const livedWithAbuser = defineCalculator({
  description: 'The client lived with the abuser at some time: as recorded, or shown by a date of separation from a shared home.',
  params: z.strictObject({}),
  reviewCodes: [],
  compute({ caseFile }) {
    const abuse = caseFile.abuse;
    if (abuse?.residedWithAbuser !== undefined) return derived(abuse.residedWithAbuser, `abuse.residedWithAbuser = ${abuse.residedWithAbuser}`);
    if (abuse?.separatedOn) return derived(true, `separated from the abuser on ${abuse.separatedOn}, so they lived together until then`);
    return derived(null, 'abuse.residedWithAbuser is not recorded', ['abuse.residedWithAbuser']);
  },
});

export const childVictim = defineCalculator({
  description:
    "A child of the client was battered or subjected to extreme cruelty by the abuser: abuse.victims lists a child, or a listed child was abused. Not when abuse.victims leaves children out, or every listed child (none, for an empty list) was not abused.",
  params: z.strictObject({}),
  reviewCodes: [],
  compute({ caseFile }) {
    const victims = caseFile.abuse?.victims;
    const children = caseFile.family?.children;
    if (victims?.includes('child')) return derived(true, 'abuse.victims lists a child');
    const abused = children?.findIndex((child) => child.abused === true) ?? -1;
    if (abused >= 0) return derived(true, `family.children[${abused}].abused = true`);
    if (victims) return derived(false, `abuse.victims = [${victims.join(', ')}]`);
    if (children && children.every((child) => child.abused === false)) {
      return derived(false, children.length === 0 ? 'the client has no children' : 'no listed child was abused');
    }
    const missing = ['abuse.victims', ...(children ? children.flatMap((child, i) => (child.abused === undefined ? [`family.children[${i}].abused`] : [])) : ['family.children'])];
    return derived(null, 'whether a child of the client was abused is not recorded', missing);
  },
});

/** Whether the client has a spouse now: false when family.maritalStatus says otherwise, unknown when it is not recorded. */
function hasSpouseNow(caseFile: CaseFile): Tri {
  const marital = caseFile.family?.maritalStatus;
  if (marital) return marital === 'married';
  return caseFile.family?.spouse ? true : null;
}

const SPOUSE_FIELDS = ['seriouslyIll', 'pregnantOrNursing'] as const;

export const currentSpouseFact = defineCalculator({
  description: "A yes/no fact about the client's current spouse (family.spouse): false when the client has no spouse (never married, divorced or widowed).",
  params: z.strictObject({ field: z.enum(SPOUSE_FIELDS) }),
  reviewCodes: [],
  compute({ caseFile }, params) {
    const path = `family.spouse.${params.field}`;
    const value = caseFile.family?.spouse?.[params.field];
    if (value !== undefined) return derived(value as FactValue, `${path} = ${value}`);
    const spouse = hasSpouseNow(caseFile);
    if (spouse === false) return derived(false, `family.maritalStatus = ${caseFile.family?.maritalStatus}: no spouse`);
    return derived(null, `${path} is not recorded`, spouse === null ? ['family.maritalStatus', path] : [path]);
  },
});

/** For the spouse in relativeWithStatus: no spouse settles "no relative with that status" for the spouse. */
export function spouseHasStatus(caseFile: CaseFile, statuses: readonly string[]): { value: Tri; missing: string[] } {
  const status = caseFile.family?.spouse?.status;
  if (status !== undefined) return { value: statuses.includes(status), missing: [] };
  return hasSpouseNow(caseFile) === false ? { value: false, missing: [] } : { value: null, missing: ['family.spouse.status'] };
}

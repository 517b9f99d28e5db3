/**
 * Which questions an earlier answer rules out: a group of questions is asked only when a field
 * that decides it has one of the given values. An unanswered deciding field keeps the group
 * pending, and "don't know" keeps it asked (it might matter); a deciding field that is itself
 * ruled out rules out its group too. Patterns use `[]` for "the same list item" (see
 * questions.ts). This table holds only what the screening cannot tell: a question no answer to
 * which could change a result still open is left out by the planner (planner.ts), whatever this
 * table says.
 */
import { CEREMONY_RELATIONSHIPS } from '../case/family-consistency.js';
import type { Answers } from './answers.js';

export interface AskOnlyWhen {
  /** Field patterns (and everything under them) asked only when the condition holds. */
  ask: readonly string[];
  /** Patterns under `ask` that the condition does not govern. */
  except?: readonly string[];
  when: string;
  /** The deciding answers that let the group be asked; none (`[]`) = asked only when it is "don't know". */
  is: readonly unknown[];
}

export const ASK_ONLY_WHEN: readonly AskOnlyWhen[] = [
  { ask: ['abuse'], when: 'abuse.occurred', is: [true] },
  // Trafficking others is a bar of its own, for a client never trafficked too (INA 212(a)(2)(H) for
  // VAWA cancellation, 214(o)(1) for the T visa).
  { ask: ['trafficking'], except: ['trafficking.traffickedOthers'], when: 'trafficking.occurred', is: [true] },
  { ask: ['crimeVictimization'], when: 'crimeVictimization.occurred', is: [true] },
  { ask: ['person.military.discharge'], when: 'person.military.served', is: [true] },
  // The quick category stands in for convictions not known (clinic-order.ts, STANDS_IN_FOR); raw
  // convictions, when given, take precedence over it.
  { ask: ['criminalHistory.category'], when: 'criminalHistory.convictions', is: [] },
  { ask: ['criminalHistory.convictions[].triedAsAdult'], when: 'criminalHistory.convictions[].juvenile', is: [true] },
  // What refers to the abuse or the trafficking is asked only if there was abuse or trafficking.
  { ask: ['criminalHistory.convictions[].connectedToAbuse', 'departures[].connectedToAbuse', 'family.children[].abused', 'family.children[].abusedBy'], when: 'abuse.occurred', is: [true] },
  { ask: ['criminalHistory.convictions[].connectedToTrafficking'], when: 'trafficking.occurred', is: [true] },
  // The 237(a)(7) waiver: not the primary perpetrator, no serious bodily injury, for a crime connected to the abuse.
  { ask: ['criminalHistory.convictions[].primaryPerpetrator', 'criminalHistory.convictions[].seriousBodilyInjury'], when: 'criminalHistory.convictions[].connectedToAbuse', is: [true] },
  { ask: ['abuse.marriageDate', 'abuse.marriageStatus', 'abuse.marriageEndedOn', 'abuse.marriageEndReason', 'abuse.goodFaithMarriage'], when: 'abuse.abuser.relationship', is: CEREMONY_RELATIONSHIPS },
  // A marriage still in force, or none, has no end to date or explain.
  { ask: ['abuse.marriageEndedOn', 'abuse.marriageEndReason', 'abuse.divorceConnectedToAbuse'], when: 'abuse.marriageStatus', is: ['ended'] },
  { ask: ['abuse.separatedOn'], when: 'abuse.residedWithAbuser', is: [true] },
  { ask: ['family.spouse'], when: 'family.maritalStatus', is: ['married'] },
  { ask: ['statusHistory[].visaClass'], when: 'statusHistory[].status', is: ['nonimmigrant'] },
  { ask: ['person.educationCompletedOn'], when: 'person.education', is: ['high_school_diploma', 'certificate_of_completion', 'ged', 'college_degree'] },
  // An attempted entry without admission (212(a)(9)(C)(i)(I)): not a question for an admission.
  { ask: ['entries[].apprehendedAtBorder'], when: 'entries[].manner', is: ['without_inspection', 'paroled'] },
  { ask: ['removal.finalOrderDate', 'removal.finalOrderKind', 'removal.finalOrderStayed'], when: 'removal.finalOrder', is: [true] },
  { ask: ['criminalHistory.convictions[].expungedOn', 'criminalHistory.convictions[].expungementBasis'], when: 'criminalHistory.convictions[].expunged', is: [true] },
  { ask: ['security.prostitution.lastDate'], when: 'security.prostitution.engaged', is: [true] },
  { ask: ['trafficking.lawEnforcement.complied', 'trafficking.lawEnforcement.reasonForNotComplying', 'trafficking.lawEnforcement.requestDate', 'trafficking.lawEnforcement.requestAgency'], when: 'trafficking.lawEnforcement.requestReceived', is: [true] },
  { ask: ['trafficking.lawEnforcement.reasonForNotComplying', 'trafficking.lawEnforcement.requestReasonable'], when: 'trafficking.lawEnforcement.complied', is: [false] },
  { ask: ['trafficking.traumaPreventedCooperation'], when: 'trafficking.traumaReported', is: [true] },
];

/**
 * Answers another answer gives: the question is not asked, and the implied answer is recorded (a
 * skip would leave the fact unknown, and a result that depends on it open).
 */
export interface Implied {
  field: string;
  value: unknown;
  when: string;
  is: readonly unknown[];
}

export const IMPLIED: readonly Implied[] = [
  // Morton's Priority 3 fugitive failed to depart or absconded after a final order: without one, he did not.
  { field: 'removal.failedToDepartOrAbsconded', value: false, when: 'removal.finalOrder', is: [false] },
];

/** The pattern of a path: its list indices left out. */
export function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function covers(group: string, pattern: string): boolean {
  return pattern === group || pattern.startsWith(`${group}.`) || pattern.startsWith(`${group}[`);
}

/** Whether a rule decides whether a question is asked; the deciding field, and the objects holding it, are always asked. */
function governs(rule: AskOnlyWhen, pattern: string): boolean {
  if (covers(pattern, rule.when) || !rule.ask.some((group) => covers(group, pattern))) return false;
  return !rule.except?.some((group) => covers(group, pattern));
}

/** A pattern's path for `path` (a deciding field's): its `[]` take the indices of `path`'s own lists. */
export function decidingPath(when: string, path: string): string {
  const indices = [...path.matchAll(/\[(\d+)\]/g)].map((match) => match[1]);
  let i = 0;
  return when.replace(/\[\]/g, () => `[${indices[i++] ?? 0}]`);
}

/** Whether a question is skipped because a deciding answer rules it out. */
export function isSkipped(path: string, answers: Answers, rules: readonly AskOnlyWhen[] = ASK_ONLY_WHEN): boolean {
  const pattern = patternOf(path);
  return rules.some((rule) => {
    if (!governs(rule, pattern)) return false;
    const deciding = decidingPath(rule.when, path);
    const decided = answers[deciding];
    if (decided === undefined) return isSkipped(deciding, answers, rules);
    return decided !== null && !rule.is.includes(decided);
  });
}

/**
 * The deciding field a question waits on: one whose answer could rule the question out, or imply
 * its answer, and is not given yet. The planner asks it first (the question presupposes it: no "did the client fail to
 * depart after a final order?" before "is there a final order?").
 */
export function awaitedDecider(path: string, answers: Answers, rules: readonly AskOnlyWhen[] = ASK_ONLY_WHEN): string | undefined {
  const pattern = patternOf(path);
  const implying = IMPLIED.find((rule) => rule.field === pattern && !(rule.when in answers));
  if (implying) return implying.when;
  for (const rule of rules) {
    if (!governs(rule, pattern)) continue;
    const deciding = decidingPath(rule.when, path);
    if (!(deciding in answers)) return awaitedDecider(deciding, answers, rules) ?? deciding;
  }
  return undefined;
}

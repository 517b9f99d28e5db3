/**
 * Which questions can matter: a group of questions is asked only when a field that decides it
 * has one of the given values. An unanswered or "don't know" deciding field keeps the group asked
 * (it might matter). Patterns use `[]` for "the same list item" (see questions.ts).
 */
import { ConvictionCategory } from '../case/schema.js';
import type { Answers } from './answers.js';

export interface AskOnlyWhen {
  /** Field patterns (and everything under them) asked only when the condition holds. */
  ask: readonly string[];
  when: string;
  is: readonly unknown[];
}

const MARRIED = ['spouse', 'former_spouse', 'intended_spouse_bigamy'];

export const ASK_ONLY_WHEN: readonly AskOnlyWhen[] = [
  { ask: ['abuse'], when: 'abuse.occurred', is: [true] },
  { ask: ['trafficking'], when: 'trafficking.occurred', is: [true] },
  { ask: ['person.military.discharge'], when: 'person.military.served', is: [true] },
  // The quick category comes first; raw convictions are asked unless it says there are none.
  { ask: ['criminalHistory.convictions'], when: 'criminalHistory.category', is: ConvictionCategory.options.filter((c) => c !== 'none') },
  { ask: ['criminalHistory.convictions[].triedAsAdult'], when: 'criminalHistory.convictions[].juvenile', is: [true] },
  { ask: ['criminalHistory.convictions[].primaryPerpetrator'], when: 'criminalHistory.convictions[].connectedToAbuse', is: [true] },
  { ask: ['abuse.marriageDate', 'abuse.marriageEndedOn', 'abuse.marriageEndReason', 'abuse.goodFaithMarriage'], when: 'abuse.abuser.relationship', is: MARRIED },
  { ask: ['trafficking.lawEnforcement.complied', 'trafficking.lawEnforcement.reasonForNotComplying'], when: 'trafficking.lawEnforcement.requestReceived', is: [true] },
  { ask: ['trafficking.lawEnforcement.reasonForNotComplying'], when: 'trafficking.lawEnforcement.complied', is: [false] },
];

/** The pattern of a path: its list indices left out. */
export function patternOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function covers(group: string, pattern: string): boolean {
  return pattern === group || pattern.startsWith(`${group}.`) || pattern.startsWith(`${group}[`);
}

/** The deciding field's path for `path`: its `[]` take the indices of `path`'s own lists. */
function decidingPath(when: string, path: string): string {
  const indices = [...path.matchAll(/\[(\d+)\]/g)].map((match) => match[1]);
  let i = 0;
  return when.replace(/\[\]/g, () => `[${indices[i++] ?? 0}]`);
}

/** Whether a question is skipped because a deciding answer rules it out. */
export function isSkipped(path: string, answers: Answers, rules: readonly AskOnlyWhen[] = ASK_ONLY_WHEN): boolean {
  const pattern = patternOf(path);
  return rules.some((rule) => {
    // The deciding field, and the objects holding it, are always asked.
    if (covers(pattern, rule.when) || !rule.ask.some((group) => covers(group, pattern))) return false;
    const decided = answers[decidingPath(rule.when, path)];
    return decided !== undefined && decided !== null && !rule.is.includes(decided);
  });
}

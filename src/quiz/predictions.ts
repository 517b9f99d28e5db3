/**
 * What a student predicts for each program, as multiple-choice questions built from the rule
 * packs, so that every answer can be scored exactly: for an eligibility program, the outcome and
 * the rule that decides it (one of the pack's requirements, bars and waivers, or "nothing stands
 * in the way"); for a discretion program (Morton), each classification (priority, level) among
 * the values the pack can give. Free text would have to be matched loosely; a choice among the
 * program's own rules is what the report names, and it teaches the rule names as it asks.
 */
import type { LoadedPack } from '../packs/load.js';
import type { RuleKind } from '../packs/schema.js';
import { NOT_APPLICABLE } from '../findings/classifications.js';

export interface QuizChoice {
  name: string;
  value: string;
}

/** One thing to predict about a program: its outcome, its deciding rule, or a classification. */
export interface QuizPart {
  /** "outcome", "rule", or the classification's field ("priority", "level"). */
  key: string;
  message: string;
  choices: QuizChoice[];
}

export interface ProgramQuiz {
  program: string;
  shortTitle: string;
  parts: QuizPart[];
}

/** The predictions, by program, then by part key. */
export type Predictions = Record<string, Record<string, string>>;

/** The choice for "no rule decides it": every requirement is met and no bar applies. */
export const NOTHING_DECIDES = '(nothing)';
/** The choice for a classification the known facts leave open. */
export const UNDETERMINED = '(undetermined)';

export const OUTCOME_CHOICES: readonly QuizChoice[] = [
  { name: 'eligible', value: 'eligible' },
  { name: 'eligible with a waiver', value: 'eligible_with_waiver' },
  { name: 'barred', value: 'barred' },
  { name: 'not enough information (the known facts leave it open)', value: 'not_enough_information' },
];

/** The kinds of rule that can decide an eligibility outcome (factors only weigh). */
const DECIDING_KINDS: readonly RuleKind[] = ['requirement', 'bar', 'waiver'];

function ruleChoices(loaded: LoadedPack): QuizChoice[] {
  const rules = DECIDING_KINDS.flatMap((kind) => loaded.pack.rules.filter((rule) => rule.kind === kind));
  return [
    { name: 'nothing stands in the way: every requirement is met and no bar applies', value: NOTHING_DECIDES },
    ...rules.map((rule) => ({ name: `[${rule.kind}] ${rule.name}`, value: rule.id })),
  ];
}

/** A classification's value as a choice reads ("1", "none", "not applicable"). */
export function classificationWords(value: string | null): string {
  if (value === null || value === UNDETERMINED) return 'undetermined';
  return value === NOT_APPLICABLE ? 'not applicable' : value.replace(/_/g, ' ');
}

function classificationParts(loaded: LoadedPack): QuizPart[] {
  const hasScope = loaded.pack.rules.some((rule) => rule.kind === 'scope');
  return Object.entries(loaded.pack.classifications ?? {}).map(([field, spec]) => {
    const values = [...spec.order, spec.otherwise, ...(hasScope ? [NOT_APPLICABLE] : [])];
    return {
      key: field,
      message: `${spec.description}: your prediction?`,
      choices: [
        ...values.map((value) => ({ name: `${field} ${classificationWords(value)}`, value })),
        { name: `${field} undetermined: the known facts leave it open`, value: UNDETERMINED },
      ],
    };
  });
}

/** The questions for one program. */
export function programQuiz(loaded: LoadedPack): ProgramQuiz {
  const { pack } = loaded;
  const parts: QuizPart[] =
    pack.kind === 'eligibility'
      ? [
          { key: 'outcome', message: 'Outcome: your prediction?', choices: [...OUTCOME_CHOICES] },
          { key: 'rule', message: 'Which rule decides it (the element not met, the bar, the waiver it rests on, or what is open)?', choices: ruleChoices(loaded) },
        ]
      : classificationParts(loaded);
  return { program: pack.program, shortTitle: pack.shortTitle, parts };
}

/**
 * The prompts the interview needs, as an interface so tests can script the answers; the real
 * implementation is @inquirer/prompts. Every prompt names the case-file field it asks about.
 */
import { checkbox, input, select } from '@inquirer/prompts';

export interface Choice {
  name: string;
  value: string;
  checked?: boolean;
}

export interface PromptBase {
  /** The case-file path asked about (`entries[0].date`), or "review" for the review screen. */
  field: string;
  message: string;
}

export interface Prompts {
  input(config: PromptBase & { default?: string; validate: (text: string) => true | string }): Promise<string>;
  select(config: PromptBase & { choices: Choice[]; default?: string }): Promise<string>;
  checkbox(config: PromptBase & { choices: Choice[]; validate: (values: readonly string[]) => true | string }): Promise<string[]>;
}

const same = (text: string) => text;

/** Styles that add no colour, for --no-color and NO_COLOR (the prompts' defaults colour icons and tips too). */
const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  icon: { checked: '◉', unchecked: '◯', cursor: '❯', disabledChecked: '◉', disabledUnchecked: '-' },
  style: {
    answer: same,
    message: same,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: same,
    highlight: same,
    key: (text: string) => `<${text}>`,
    description: same,
    disabled: same,
    keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
  },
};

export function inquirerPrompts(color: boolean): Prompts {
  const theme = color ? {} : { theme: PLAIN_THEME };
  return {
    // A rejected answer is cleared, so the question is asked afresh with the schema's message shown.
    input: ({ message, default: initial, validate }) =>
      input({ message, ...(initial === undefined ? {} : { default: initial }), validate, theme: { ...(color ? {} : PLAIN_THEME), validationFailureMode: 'clear' } }),
    select: ({ message, choices, default: initial }) => select({ message, choices, pageSize: 12, ...(initial === undefined ? {} : { default: initial }), ...theme }),
    checkbox: ({ message, choices, validate }) =>
      checkbox({ message, choices, pageSize: 12, validate: (picked) => validate(picked.map((choice) => choice.value)), ...theme }),
  };
}

/** Whether an error is the user leaving a prompt (Ctrl-C). */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

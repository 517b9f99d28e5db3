/**
 * Prompts that answer from a script instead of a terminal: per field a queue of raw answers (what
 * a user would type or pick), or an answerer function. Invalid answers are checked with the
 * prompt's own validation and recorded, and the next answer in the queue is tried, as a user
 * would retype. `stopAfter` simulates Ctrl-C after that many prompts.
 */
import { NONE_OF_THESE } from '../../src/intake/answers.js';
import type { Choice, PromptBase, Prompts } from '../../src/intake/prompts.js';
import { readPath } from '../../src/case/fields.js';

export type Raw = string | string[];
export type Answerer = (field: string, prompt: 'input' | 'select' | 'checkbox') => Raw | undefined;

export function promptExit(): Error {
  return Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
}

export class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly rejected: { field: string; answer: Raw; error: string }[] = [];

  constructor(
    private readonly answerFor: Answerer,
    private readonly stopAfter = Infinity,
  ) {}

  private next(config: PromptBase, prompt: 'input' | 'select' | 'checkbox'): Raw {
    if (this.asked.length >= this.stopAfter) throw promptExit();
    this.asked.push(config.field);
    const raw = this.answerFor(config.field, prompt);
    if (raw === undefined) throw new Error(`the script has no answer for ${config.field}`);
    return raw;
  }

  async input(config: PromptBase & { default?: string; validate: (text: string) => true | string }): Promise<string> {
    for (;;) {
      const raw = this.next(config, 'input') as string;
      const answer = raw === '' && config.default !== undefined ? config.default : raw;
      const verdict = config.validate(answer);
      if (verdict === true) return answer;
      this.rejected.push({ field: config.field, answer, error: verdict });
    }
  }

  async select(config: PromptBase & { choices: Choice[]; default?: string }): Promise<string> {
    const raw = this.next(config, 'select') as string;
    if (!config.choices.some((choice) => choice.value === raw)) throw new Error(`${config.field} offers no choice "${raw}"`);
    return raw;
  }

  async checkbox(config: PromptBase & { choices: Choice[]; validate: (values: readonly string[]) => true | string }): Promise<string[]> {
    for (;;) {
      const raw = this.next(config, 'checkbox') as string[];
      const verdict = config.validate(raw);
      if (verdict === true) return raw;
      this.rejected.push({ field: config.field, answer: raw, error: verdict });
    }
  }
}

/** Reads `entries[0].date` from a case value. */
export function valueAt(caseValue: unknown, path: string): unknown {
  return readPath(caseValue, path.replace(/\[(\d+)\]/g, '.$1'));
}

/**
 * Answers every question with the value the case file holds for that field, "don't know"
 * (Enter) where it holds none, and saves at the review: a full interview reproduces the file.
 */
export function answersFrom(caseValue: unknown): Answerer {
  return (field, prompt) => {
    if (field === 'review') return 'save';
    const value = valueAt(caseValue, field);
    if (prompt === 'checkbox') return value === undefined ? ['?'] : (value as string[]).length ? (value as string[]) : [NONE_OF_THESE];
    if (prompt === 'select') return value === undefined ? '?' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    if (value === undefined) return '';
    if (Array.isArray(value)) {
      if (value.length === 0) return 'none';
      return typeof value[0] === 'object' ? String(value.length) : value.join('; ');
    }
    return String(value);
  };
}

/** Answers from per-field queues first, then from `fallback` (by default "don't know"). */
export function script(queues: Record<string, Raw[]>, fallback: Answerer = (_field, prompt) => (prompt === 'checkbox' ? ['?'] : prompt === 'select' ? '?' : '')): Answerer {
  const remaining = Object.fromEntries(Object.entries(queues).map(([field, queue]) => [field, [...queue]]));
  return (field, prompt) => {
    const queue = remaining[field];
    if (queue && queue.length) return queue.shift();
    if (field === 'review') return 'save';
    return fallback(field, prompt);
  };
}

/**
 * The draft file: every answer so far, written at once after each answer so nothing is lost.
 * It holds a client's criminal and immigration history, so it (like the case file) is readable
 * only by its owner and written atomically (a temporary file renamed over it), so an interruption
 * never leaves half a file.
 */
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../files/atomic.js';
import type { Answers } from './answers.js';

export const DRAFT_FORMAT = 'relief-intake-draft';

export interface Draft {
  format: typeof DRAFT_FORMAT;
  version: 1;
  /** Where the case file is to be saved, when chosen. */
  out?: string;
  /** The --as-of screening date the interview checks dates against, when given. */
  asOf?: string;
  answers: Answers;
}

/** The draft a file's text holds, or undefined when it is not a draft (e.g. a case file). */
export function parseDraft(text: string): Draft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const candidate = value as Partial<Draft> | null;
  const isDraft = candidate !== null && typeof candidate === 'object' && candidate.format === DRAFT_FORMAT && typeof candidate.answers === 'object' && candidate.answers !== null;
  return isDraft ? (candidate as Draft) : undefined;
}

export class DraftStore {
  constructor(
    readonly path: string,
    private readonly settings: Omit<Draft, 'format' | 'version' | 'answers'>,
  ) {}

  async save(answers: Answers): Promise<void> {
    const draft: Draft = { format: DRAFT_FORMAT, version: 1, ...this.settings, answers };
    await writeFileAtomic(this.path, `${JSON.stringify(draft, null, 2)}\n`);
  }

  /** Removes the draft once the case file holds every answer. */
  async discard(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

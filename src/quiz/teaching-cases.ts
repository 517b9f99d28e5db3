/**
 * The bundled teaching cases (fixtures/teaching): each a case file `<name>.case.yaml` with its
 * `<name>.expected.yaml`, the results the law gives, which the fixture test checks. The expected
 * file also holds the quiz's note under `teaching`: what the case is about and the question to
 * think about (shown before the prediction), the programs to predict, and the point it makes
 * (revealed after). The case file's schema stays strict: nothing quiz-only goes in it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError, formatPath } from '../case/load.js';

/** fixtures/teaching of this installation, beside rules/. */
export const TEACHING_DIR = fileURLToPath(new URL('../../fixtures/teaching', import.meta.url));

const CASE_SUFFIX = '.case.yaml';
const EXPECTED_SUFFIX = '.expected.yaml';

const Words = z.string().trim().min(1);

export const TeachingNote = z.strictObject({
  title: Words,
  about: Words,
  question: Words,
  /** The programs the student predicts, in the order asked (ids of rule packs). */
  programs: z.array(z.string().min(1)).min(1),
  point: Words,
});
export type TeachingNote = z.infer<typeof TeachingNote>;

export interface TeachingCase {
  /** The file's name without `.case.yaml`: what `relief quiz <name>` takes. */
  name: string;
  file: string;
  note: TeachingNote;
}

/** The note in the expected file beside a case file, if the case has one (a teaching case). */
export function noteFor(caseFile: string): TeachingNote | undefined {
  if (!caseFile.endsWith(CASE_SUFFIX)) return undefined;
  const expectedFile = `${caseFile.slice(0, -CASE_SUFFIX.length)}${EXPECTED_SUFFIX}`;
  if (!existsSync(expectedFile)) return undefined;
  let text: unknown;
  try {
    text = parse(readFileSync(expectedFile, 'utf8'));
  } catch (error) {
    throw new InputError(expectedFile, [{ field: null, problem: `cannot be read as YAML: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const teaching = text !== null && typeof text === 'object' ? (text as Record<string, unknown>).teaching : undefined;
  if (teaching === undefined) return undefined;
  const parsed = TeachingNote.safeParse(teaching);
  if (!parsed.success) {
    throw new InputError(expectedFile, parsed.error.issues.map((issue) => ({ field: formatPath(['teaching', ...issue.path]), problem: issue.message })));
  }
  return parsed.data;
}

/** Every teaching case of a folder with its note, in the order of their titles (a case's parts in turn). */
export function teachingCases(dir: string = TEACHING_DIR): TeachingCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(CASE_SUFFIX))
    .flatMap((name) => {
      const file = join(dir, name);
      const note = noteFor(file);
      return note ? [{ name: basename(name, CASE_SUFFIX), file, note }] : [];
    })
    .sort((a, b) => a.note.title.localeCompare(b.note.title, 'en'));
}

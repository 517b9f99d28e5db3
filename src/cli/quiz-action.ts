/**
 * What `relief quiz` does: wiring only. The quiz lives in src/quiz; this picks the case (a bundled
 * teaching case, chosen from a list or named, or a case file), checks its screening date, hands
 * the quiz the prompts and a screening with the same pipeline as `screen`, and handles Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { InputError } from '../case/load.js';
import { todayEpochDay } from '../case/dates.js';
import { Screener } from '../app/screen.js';
import { checkCase, readCase, screenChecked } from '../app/front-end.js';
import { loadRulePacks, type RulePacks } from '../packs/load.js';
import { widthFor } from '../render/wrap.js';
import { inquirerPrompts, isPromptExit, type Prompts } from '../intake/prompts.js';
import { programQuiz } from '../quiz/predictions.js';
import { runQuiz } from '../quiz/quiz.js';
import { TEACHING_DIR, noteFor, teachingCases, type TeachingCase, type TeachingNote } from '../quiz/teaching-cases.js';
import type { QuizOptions, QuizTerminal } from './quiz-command.js';
import type { CliIO } from './io.js';
import { EXIT, ExitWith } from './exit-codes.js';

const processTerminal = (): QuizTerminal => ({ interactive: Boolean(process.stdin.isTTY), prompts: inquirerPrompts });

const USAGE = 'relief quiz [teaching-case-name | case-file] [--as-of YYYY-MM-DD] [--rules DIR]';

/** The case file a `relief quiz` argument names: a file that exists, else a bundled teaching case. */
function caseFileNamed(arg: string, bundled: readonly TeachingCase[]): string {
  if (existsSync(arg)) return arg;
  const teaching = bundled.find((candidate) => candidate.name === arg);
  if (teaching) return teaching.file;
  const names = bundled.map((candidate) => candidate.name).join(', ') || 'none installed';
  throw new InputError(arg, [{ field: null, problem: `is neither a case file nor a bundled teaching case (the teaching cases: ${names})` }]);
}

async function pickTeachingCase(prompts: Prompts, bundled: readonly TeachingCase[]): Promise<string> {
  if (!bundled.length) throw new InvalidArgumentError(`no teaching cases are installed (${TEACHING_DIR}): give a case file. Usage: ${USAGE}`);
  const name = await prompts.select({
    field: 'case',
    message: 'Which teaching case? (case)',
    choices: bundled.map((candidate) => ({ name: candidate.note.title, value: candidate.name })),
  });
  return bundled.find((candidate) => candidate.name === name)!.file;
}

/** The programs to predict: the note's, each of which must be a loaded pack; else every pack. */
function programsFor(note: TeachingNote | undefined, rulePacks: RulePacks): string[] {
  const known = rulePacks.packs.map((loaded) => loaded.pack.program);
  if (!note) return known;
  const unknown = note.programs.filter((program) => !known.includes(program));
  if (unknown.length) throw new InvalidArgumentError(`the teaching case asks about ${unknown.join(', ')}, which the rule packs loaded do not hold (known: ${known.join(', ')})`);
  return note.programs;
}

export async function quiz(io: CliIO, caseArg: string | undefined, options: QuizOptions, color: boolean, terminal: QuizTerminal = processTerminal()): Promise<void> {
  if (!terminal.interactive) {
    throw new InvalidArgumentError(`quiz asks for your predictions and needs a terminal (stdin is not a TTY). To see a case's results without predicting, run "relief screen <case-file>". Usage: ${USAGE}`);
  }
  const rulePacks = await loadRulePacks(options.rules);
  const bundled = teachingCases();
  const prompts = terminal.prompts(color);
  try {
    const file = caseArg === undefined ? await pickTeachingCase(prompts, bundled) : caseFileNamed(caseArg, bundled);
    const checked = checkCase(await readCase({ path: file }), { asOf: options.asOf, today: todayEpochDay(io.now()) });
    const note = noteFor(file);
    const programs = programsFor(note, rulePacks);
    const packs = new Map(rulePacks.packs.map((loaded) => [loaded.pack.program, loaded]));
    const screener = new Screener(rulePacks);
    await runQuiz(
      {
        caseFile: checked.caseFile,
        ...(note ? { note } : {}),
        quizzes: programs.map((program) => programQuiz(packs.get(program)!)),
        screen: () => screenChecked(screener, checked, { programs, producedAt: io.now() }),
      },
      { prompts, say: io.stdout, width: widthFor(io.stdoutColumns), color },
    );
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    io.stdout('\nStopped: nothing was revealed or kept. Run "relief quiz" again to start over.\n');
    throw new ExitWith(EXIT.interrupted);
  }
}

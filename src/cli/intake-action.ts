/**
 * What `relief intake` does: wiring only. The interview lives in src/intake; this picks the draft
 * and the output file, handles Ctrl-C, saves the case and screens it with the same pipeline as
 * `screen`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import { screeningDayFor } from '../case/load.js';
import type { CaseFile } from '../case/schema.js';
import { todayEpochDay } from '../case/dates.js';
import { Screener } from '../app/screen.js';
import { checkCase, readCase, screenCase } from '../app/front-end.js';
import { sha256Hex } from '../case/sha256.js';
import { loadRulePacks } from '../packs/load.js';
import { renderText } from '../render/text.js';
import { widthFor } from '../render/wrap.js';
import type { Answers } from '../intake/answers.js';
import { caseYaml } from '../intake/case-yaml.js';
import { IDENTIFYING_FIELDS } from '../intake/clinic-order.js';
import { decisiveUnknowns, openFactsBy } from '../intake/decisive.js';
import { DraftStore, parseDraft } from '../intake/draft.js';
import { writeFileAtomic } from '../files/atomic.js';
import { besideWithSuffix, fitName } from '../files/names.js';
import { OutputPathError, planOutput } from '../files/output-path.js';
import { Interview } from '../intake/interview.js';
import { inquirerPrompts, isPromptExit } from '../intake/prompts.js';
import { reopen } from '../intake/saved-case.js';
import type { IntakeOptions, IntakeTerminal } from './intake-command.js';
import type { CliIO } from './io.js';
import { EXIT, ExitWith } from './exit-codes.js';

const processTerminal = (): IntakeTerminal => ({ interactive: Boolean(process.stdin.isTTY), prompts: inquirerPrompts });

const USAGE = 'relief intake [--out case.yaml] [--resume <draft-or-case>] [--as-of YYYY-MM-DD]';

interface Start {
  answers: Answers;
  draftPath: string;
  out?: string;
  asOf?: string;
  /** A saved case reopened (only what could change a result is asked), and its facts another answer rules out. */
  saved?: { file: string; ruledOut: string[] };
}

function refuseExistingDraft(path: string): void {
  if (existsSync(path)) {
    throw new InvalidArgumentError(`a draft of an unfinished intake is already at ${path}: resume it with "relief intake --resume ${path}" (or move it away)`);
  }
}

/** The default case file name, `<caseId>.case.yaml` (then `-2`, `-3` … beside an existing one), always short enough to create. */
function unusedName(caseId: string | undefined): string {
  const stem = (caseId ?? '').replace(/[^\w.-]+/g, '-').replace(/^\.+/, '') || 'intake';
  for (let n = 1; ; n++) {
    const candidate = fitName(stem, `${n === 1 ? '' : `-${n}`}.case.yaml`);
    if (!existsSync(candidate)) return candidate;
  }
}

const draftBeside = (out: string) => besideWithSuffix(out, '.draft.json');

/** The case file and the draft must be writable before the first question, not after the interview. */
async function checkOutputs(outputs: [label: string, path: string | undefined][]): Promise<void> {
  for (const [label, path] of outputs) {
    if (path === undefined) continue;
    await planOutput(path).catch((error: unknown) => {
      throw error instanceof OutputPathError ? new InvalidArgumentError(`${label} ${error.message}`) : error;
    });
  }
}

export async function intake(io: CliIO, options: IntakeOptions, color: boolean, terminal: IntakeTerminal = processTerminal()): Promise<void> {
  if (!terminal.interactive) {
    throw new InvalidArgumentError(`intake is an interview and needs a terminal (stdin is not a TTY). To screen a case file without one, run "relief screen <case-file>". Usage: ${USAGE}`);
  }
  const say = io.stdout;
  const rulePacks = await loadRulePacks(options.rules);
  const screener = new Screener(rulePacks);
  // Planning the next question needs the results and questions, not why each open result is open.
  const planning = new Screener(rulePacks, { witnesses: false });
  const today = todayEpochDay(io.now());
  const dayFor = (asOf: string | undefined, caseDate: string | undefined) => screeningDayFor(asOf, caseDate, today);

  const start = async (): Promise<Start> => {
    if (!options.resume) {
      const draftPath = options.draft ?? (options.out ? draftBeside(options.out) : 'relief-intake.draft.json');
      refuseExistingDraft(draftPath);
      return { answers: {}, draftPath, ...(options.out ? { out: options.out } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) };
    }
    const draft = parseDraft(await readFile(options.resume, 'utf8').catch(() => ''));
    if (draft) {
      const out = options.out ?? draft.out;
      const asOf = options.asOf ?? draft.asOf;
      return { answers: draft.answers, draftPath: options.resume, ...(out ? { out } : {}), ...(asOf ? { asOf } : {}) };
    }
    // A saved case file: the interview asks the unknown facts that could change a result.
    const { caseFile } = checkCase(await readCase({ file: options.resume }), { asOf: options.asOf, today });
    const { answers, ruledOut } = reopen(caseFile);
    const out = options.out ?? options.resume;
    const draftPath = options.draft ?? draftBeside(out);
    refuseExistingDraft(draftPath);
    return { answers, draftPath, out, saved: { file: options.resume, ruledOut }, ...(options.asOf ? { asOf: options.asOf } : {}) };
  };

  const { answers, draftPath, out, asOf, saved } = await start();
  const store = new DraftStore(draftPath, { ...(out ? { out } : {}), ...(asOf ? { asOf } : {}) });
  const interview = new Interview(answers, {
    prompts: terminal.prompts(color),
    save: (latest) => store.save(latest),
    say,
    screeningDay: (caseDate) => dayFor(asOf, caseDate),
    openFacts: openFactsBy(planning),
    alwaysAsk: saved ? [] : IDENTIFYING_FIELDS,
  });
  if (saved) {
    const waiting = (await interview.waiting()).length;
    if (!waiting) {
      say(`No unknown fact of ${saved.file} could change a result: there is nothing to ask, and the file is unchanged.\n`);
      return;
    }
    if (saved.ruledOut.length) say(`Not kept, because another answer rules them out: ${saved.ruledOut.join(', ')}.\n`);
    say(`${waiting} unknown facts of ${saved.file} could change a result; asking those (an answer may settle some of them, or open a follow-up).\n`);
  }
  await checkOutputs([
    [options.out ? '--out' : 'the case file', out],
    ['the draft', draftPath],
  ]);
  await store.save(answers);
  say(`Answers are saved as you go in ${draftPath} (readable only by you). Ctrl-C stops; "relief intake --resume ${draftPath}" continues.\n`);
  say(`Enter on a question answers "don't know", which is recorded as unknown, never as no. Only questions whose answer could change a result still open are asked.\n`);
  let caseFile: CaseFile;
  try {
    caseFile = await interview.run();
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    say(`\nStopped. Your answers are saved in ${draftPath}.\nTo continue: relief intake --resume ${draftPath}\n`);
    throw new ExitWith(EXIT.interrupted);
  }
  const target = out ?? unusedName(caseFile.caseId);
  const written = caseYaml(caseFile);
  await writeFileAtomic(target, written);
  if (draftPath !== target) await store.discard();
  say(`\nSaved ${target}.\n\n`);

  // Stamped with the hash of the file just written, as relief screen would stamp it.
  const savedCase = { caseFile, name: target, sha256: sha256Hex(Buffer.from(written, 'utf8')) };
  const { report } = await screenCase(screener, savedCase, { asOf, today }, { producedAt: io.now() });
  say(renderText(report, { color, detail: false, explain: false, width: widthFor(io.stdoutColumns) }));
  const next = decisiveUnknowns(report);
  if (next.length) {
    say(`\nNext questions (${next.length} unknown facts could change a result):\n${next.map((unknown) => `  - ${unknown.question} (${unknown.field})`).join('\n')}\n`);
    say(`To answer them now: relief intake --resume ${target}${asOf ? ` --as-of ${asOf}` : ''}\n`);
  }
}

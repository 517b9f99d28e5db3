/**
 * The interview's workflow, from the command's options to a saved and screened case: which draft
 * and case file to use (a new interview, a draft resumed, or a saved case reopened for the facts
 * that could change a result), the checks before the first question (no draft overwritten, both
 * files writable), the interview itself with its answers saved as they come, the case file saved
 * (owner-only and atomic, through src/files), and the screening that follows, through the same
 * front end as `relief screen`. The command (src/cli/intake-action.ts) only wires this to the
 * terminal and turns its endings into exit codes.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { checkCase, readCase, screenCase } from '../app/front-end.js';
import { Screener, type Report } from '../app/screen.js';
import { todayEpochDay, type EpochDay } from '../case/dates.js';
import { screeningDayFor } from '../case/load.js';
import type { CaseFile } from '../case/schema.js';
import { sha256Hex } from '../case/sha256.js';
import { writeFileAtomic } from '../files/atomic.js';
import { besideWithSuffix, fitName } from '../files/names.js';
import { OutputPathError, planOutput } from '../files/output-path.js';
import type { RulePacks } from '../packs/load.js';
import type { Answers } from './answers.js';
import { caseYaml } from './case-yaml.js';
import { IDENTIFYING_FIELDS } from './clinic-order.js';
import { decisiveUnknowns, openFactsBy } from './decisive.js';
import { DraftStore, parseDraft } from './draft.js';
import { Interview } from './interview.js';
import { isPromptExit, type Prompts } from './prompts.js';
import { reopen } from './saved-case.js';

/** What the interview was asked to do (relief intake's options). */
export interface SessionOptions {
  out?: string;
  resume?: string;
  draft?: string;
  asOf?: string;
}

/** What the session talks to. */
export interface SessionContext {
  rulePacks: RulePacks;
  /** The prompts, made when the first question is near (not for a start that fails). */
  prompts: () => Prompts;
  say: (text: string) => void;
  now: () => Date;
  /** The screening as shown once the case is saved. */
  showReport: (report: Report) => string;
}

/** A mistake in what the interview was asked to do (a draft in the way, an output that cannot be written): the command's usage error. */
export class SessionUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionUsageError';
  }
}

/** How a session ended: the case saved and screened, nothing to ask of a saved case, or stopped (Ctrl-C) with the answers in the draft. */
export type SessionEnd = 'saved' | 'nothing-to-ask' | 'stopped';

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
    throw new SessionUsageError(`a draft of an unfinished intake is already at ${path}: resume it with "relief intake --resume ${path}" (or move it away)`);
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
      throw error instanceof OutputPathError ? new SessionUsageError(`${label} ${error.message}`) : error;
    });
  }
}

/** Where the interview starts: a new one, a draft resumed, or a saved case reopened. */
async function start(options: SessionOptions, today: EpochDay): Promise<Start> {
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
}

export async function runIntakeSession(options: SessionOptions, context: SessionContext): Promise<SessionEnd> {
  const { rulePacks, say } = context;
  const screener = new Screener(rulePacks);
  // Planning the next question needs the results and questions, not why each open result is open.
  const planning = new Screener(rulePacks, { witnesses: false });
  const today = todayEpochDay(context.now());

  const { answers, draftPath, out, asOf, saved } = await start(options, today);
  const store = new DraftStore(draftPath, { ...(out ? { out } : {}), ...(asOf ? { asOf } : {}) });
  const interview = new Interview(answers, {
    prompts: context.prompts(),
    save: (latest) => store.save(latest),
    say,
    screeningDay: (caseDate) => screeningDayFor(asOf, caseDate, today),
    openFacts: openFactsBy(planning),
    alwaysAsk: saved ? [] : IDENTIFYING_FIELDS,
  });
  if (saved) {
    const waiting = (await interview.waiting()).length;
    if (!waiting) {
      say(`No unknown fact of ${saved.file} could change a result: there is nothing to ask, and the file is unchanged.\n`);
      return 'nothing-to-ask';
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
    return 'stopped';
  }
  const target = out ?? unusedName(caseFile.caseId);
  const written = caseYaml(caseFile);
  await writeFileAtomic(target, written);
  if (draftPath !== target) await store.discard();
  say(`\nSaved ${target}.\n\n`);

  // Stamped with the hash of the file just written, as relief screen would stamp it.
  const savedCase = { caseFile, name: target, sha256: sha256Hex(Buffer.from(written, 'utf8')) };
  const { report } = await screenCase(screener, savedCase, { asOf, today }, { producedAt: context.now() });
  say(context.showReport(report));
  const next = decisiveUnknowns(report);
  if (next.length) {
    say(`\nNext questions (${next.length} unknown facts could change a result):\n${next.map((unknown) => `  - ${unknown.question} (${unknown.field})`).join('\n')}\n`);
    say(`To answer them now: relief intake --resume ${target}${asOf ? ` --as-of ${asOf}` : ''}\n`);
  }
  return 'saved';
}

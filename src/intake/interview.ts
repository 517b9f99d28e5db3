/**
 * The intake interview: asks, section by section, the questions the planner finds worth asking
 * (planner.ts: only those whose answer could change a result still open, re-screening the case
 * after every answer), saving after every answer; after each section checks the whole case (the
 * schema's cross-field rules and dates after the screening date) and re-asks an answer that
 * contradicts; ends with a review screen where any answer can be changed or a question not asked
 * answered. Prompts and the screening are parameters, so tests script the answers.
 */
import { InputError, checkScreeningDate, describeIssue, formatPath, validateCase } from '../case/load.js';
import { CaseFile } from '../case/schema.js';
import type { EpochDay } from '../case/dates.js';
import { DONT_KNOW, NONE_OF_THESE, caseFromAnswers, decodeAnswer, encodeAnswer, type Answer, type Answers, type Question } from './answers.js';
import { nextQuestion, questionsInOrder, type OpenFacts, type PlannedQuestion } from './planner.js';
import { caseQuestions, sectionsOf, type ObjectField, type Section } from './questions.js';
import { IMPLIED } from './skip-rules.js';
import type { Choice, Prompts } from './prompts.js';
import { echo } from '../text/inert.js';

export interface InterviewOptions {
  prompts: Prompts;
  /** Saves the answers so far (the draft); called after every answer. */
  save: (answers: Answers) => Promise<void>;
  say: (text: string) => void;
  /** The day dates are checked against, given the case's own screeningDate if answered. */
  screeningDay: (caseScreeningDate: string | undefined) => EpochDay;
  /** Screens a (partial) case: the facts whose answer could still change a result (decisive.ts). */
  openFacts: (caseFile: CaseFile, screeningDay: EpochDay) => Promise<OpenFacts>;
  /** Field patterns asked whatever the screening says (what identifies a new case). */
  alwaysAsk?: readonly string[];
  tree?: ObjectField;
}

const DONT_KNOW_CHOICE: Choice = { name: "Don't know", value: DONT_KNOW };
const NONE_CHOICE: Choice = { name: 'None of these', value: NONE_OF_THESE };
const ENTER_IS_DONT_KNOW = "Enter = don't know";

function label(value: string): string {
  return value.replace(/_/g, ' ');
}

/** The prompt text: the question, then the field it fills and how to answer. */
function promptMessage(question: Question): string {
  const { field } = question;
  const notes = [question.path];
  if (field.kind === 'list') notes.push("how many? 0 = none, Enter = don't know");
  else if (field.input === 'choices') notes.push('space ticks, Enter accepts what is ticked');
  else if (field.input === 'texts') notes.push("separate items with ';', type none for none", ENTER_IS_DONT_KNOW);
  else if (field.input === 'number' || field.input === 'text') notes.push(...(field.hint ? [field.hint] : []), ...(field.optional ? [ENTER_IS_DONT_KNOW] : []));
  return `${field.message} (${notes.join('; ')})`;
}

/** Asks one question; `current` (when changing an answer) is offered as the default. */
async function ask(prompts: Prompts, question: Question, current?: Answer): Promise<Answer> {
  const { field, path } = question;
  const message = promptMessage(question);
  const read = (raw: string | readonly string[]) => {
    const decoded = decodeAnswer(question, raw);
    if (!decoded.ok) throw new Error(`the answer to ${path} is not valid: ${decoded.error}`);
    return decoded.value;
  };
  const shown = current === undefined ? undefined : encodeAnswer(question, current);
  if (field.kind === 'value' && (field.input === 'boolean' || field.input === 'choice')) {
    const options = field.input === 'boolean'
      ? [{ name: 'Yes', value: 'yes' }, { name: 'No', value: 'no' }]
      : field.options.map((option) => ({ name: label(option), value: option }));
    const choices = field.optional ? [...options, DONT_KNOW_CHOICE] : options;
    const fallback = field.optional ? DONT_KNOW : undefined;
    const initial = shown ?? fallback;
    return read(await prompts.select({ field: path, message, choices, ...(initial === undefined ? {} : { default: initial }) }));
  }
  if (field.kind === 'value' && field.input === 'choices') {
    // "None" and "Don't know" are choices of their own, first so they are always in view; nothing
    // is ticked but a current answer (when changing one).
    const picked = Array.isArray(current) ? (current as string[]) : [];
    const choices = [
      { ...NONE_CHOICE, checked: Array.isArray(current) && current.length === 0 },
      { ...DONT_KNOW_CHOICE, checked: current === null },
      ...field.options.map((option) => ({ name: label(option), value: option, checked: picked.includes(option) })),
    ];
    const validate = (values: readonly string[]) => {
      const decoded = decodeAnswer(question, values);
      return decoded.ok ? true : decoded.error;
    };
    return read(await prompts.checkbox({ field: path, message, choices, validate }));
  }
  const validate = (text: string) => {
    const decoded = decodeAnswer(question, text);
    return decoded.ok ? true : decoded.error;
  };
  return read(await prompts.input({ field: path, message, ...(shown === undefined ? {} : { default: shown }), validate }));
}

interface Problem {
  /** The answer to re-ask, when one can be named. */
  path?: string;
  text: string;
}

export class Interview {
  private readonly tree: ObjectField;
  private readonly sections: Section[];
  private readonly answers: Answers;
  private readonly alwaysAsk: ReadonlySet<string>;
  /** Answers taken back to be asked again (a contradiction), asked whether or not the screening needs them. */
  private readonly reasking = new Set<string>();
  /** Answers recorded because another answer implies them (the schema's `impliedWhen`, skip-rules.ts). */
  private readonly implied = new Set<string>();

  constructor(
    answers: Answers,
    private readonly options: InterviewOptions,
  ) {
    this.tree = options.tree ?? caseQuestions();
    this.sections = sectionsOf(this.tree);
    this.answers = { ...answers };
    this.alwaysAsk = new Set(options.alwaysAsk ?? []);
  }

  /** Runs the interview to the end of the review and returns the validated case file. */
  async run(): Promise<CaseFile> {
    await this.askOpenQuestions();
    while (await this.reviewWantsChange()) await this.askOpenQuestions();
    return validateCase(this.rawCase(), 'the interview');
  }

  rawCase(): Record<string, unknown> {
    return caseFromAnswers(this.tree, this.answers);
  }

  /** The questions the interview would ask now, before any answer opens or closes others. */
  async waiting(): Promise<Question[]> {
    const open = await this.openFacts();
    const waiting: Question[] = [];
    const answers = { ...this.answers };
    for (;;) {
      const next = nextQuestion(this.planned(), answers, this.sections.length, open, this.alwaysAsk);
      if (!next) return waiting;
      waiting.push(next);
      // Marked as asked (not answered: an unanswered list has no items) to find the next.
      answers[next.path] = undefined;
    }
  }

  private planned(): PlannedQuestion[] {
    return questionsInOrder(this.sections, this.answers);
  }

  /** The open facts of the answers so far (none while they do not make a valid case), and the answers taken back. */
  private async openFacts(): Promise<OpenFacts> {
    const parsed = CaseFile.safeParse(this.rawCase());
    const open = new Map(parsed.success ? await this.options.openFacts(parsed.data, this.options.screeningDay(parsed.data.screeningDate)) : []);
    for (const path of this.reasking) open.set(path, 0);
    return open;
  }

  private async answer(question: Question, current?: Answer): Promise<void> {
    this.answers[question.path] = await ask(this.options.prompts, question, current);
    this.reasking.delete(question.path);
    this.applyImplied(question.path);
    await this.options.save(this.answers);
  }

  /** Records the answers this one implies, and takes back those it implied before and no longer does. */
  private applyImplied(path: string): void {
    for (const rule of IMPLIED) {
      if (rule.when !== path) continue;
      if (rule.implies(this.answers[path])) {
        if (!(rule.field in this.answers)) {
          this.answers[rule.field] = rule.value;
          this.implied.add(rule.field);
        }
      } else if (this.implied.delete(rule.field)) {
        delete this.answers[rule.field];
      }
    }
  }

  /** Asks every question worth asking that has no answer yet, checking the case after each section. */
  private async askOpenQuestions(): Promise<void> {
    for (let i = 0; i < this.sections.length; i++) {
      const section = this.sections[i]!;
      let announced = false;
      for (;;) {
        const next = nextQuestion(this.planned(), this.answers, i, await this.openFacts(), this.alwaysAsk);
        if (next) {
          if (!announced) this.options.say(`\n== ${section.title} ==\n`);
          announced = true;
          await this.answer(next);
          continue;
        }
        const problems = this.problems();
        const reaskable = problems.filter((problem) => problem.path !== undefined);
        if (problems.length) this.options.say(`${problems.map((problem) => `  ! ${problem.text}`).join('\n')}\n`);
        if (!reaskable.length) break;
        this.options.say("  Please answer again (Enter = don't know; every answer can be changed in the review at the end):\n");
        for (const problem of reaskable) {
          delete this.answers[problem.path!];
          this.reasking.add(problem.path!);
        }
      }
    }
  }

  /** The contradictions in the case so far, each tied to the answer that should be asked again. */
  private problems(): Problem[] {
    const parsed = CaseFile.safeParse(this.rawCase());
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => ({ ...this.answeredAt(formatPath(issue.path)), text: `${formatPath(issue.path)}: ${issue.message}` }));
    }
    try {
      checkScreeningDate(parsed.data, this.options.screeningDay(parsed.data.screeningDate), 'the interview');
      return [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return error.issues.map((issue) => ({ ...this.answeredAt(issue.field ?? ''), text: describeIssue(issue) }));
    }
  }

  /** The nearest answered path at or above an issue's path. */
  private answeredAt(path: string): { path?: string } {
    for (let at = path; at; at = at.replace(/(\.[^.[]+|\[\d+\]|^[^.[]+)$/, '')) {
      if (at in this.answers) return { path: at };
    }
    return {};
  }

  /**
   * Shows every answer; returns true after the user changed one (or answered a question not
   * asked), false when the user saves.
   */
  private async reviewWantsChange(): Promise<boolean> {
    const { say, prompts } = this.options;
    say('\n== Review ==\n');
    const planned = this.planned();
    this.sections.forEach((section, index) => {
      const answered = planned.filter((p) => p.section === index && p.question.path in this.answers);
      if (!answered.length) return;
      say(`${section.title}\n`);
      for (const { question } of answered) say(`  ${question.path}: ${this.shown(question)}\n`);
    });
    const unasked = planned.filter((p) => !(p.question.path in this.answers)).length;
    if (unasked) say(`(${unasked} other questions were not asked: no answer to them could change a result still open. "Change an answer" reaches them too.)\n`);
    const choice = await prompts.select({
      field: 'review',
      message: 'Save the case file, or change an answer?',
      choices: [{ name: 'Save', value: 'save' }, { name: 'Change an answer', value: 'change' }],
      default: 'save',
    });
    if (choice === 'save') return false;
    const path = await prompts.select({
      field: 'review.change',
      message: 'Which answer?',
      choices: planned.map(({ question }) => ({ name: `${question.path}: ${question.path in this.answers ? this.shown(question) : 'not asked'}`, value: question.path })),
    });
    const question = planned.find((candidate) => candidate.question.path === path)?.question;
    if (question) await this.answer(question, this.answers[path]);
    return true;
  }

  /** An answer as the review lists it: inert and bounded, since a resumed case file may come from anywhere. */
  private shown(question: Question): string {
    const value = this.answers[question.path];
    return value === null || value === undefined ? "don't know" : echo(encodeAnswer(question, value));
  }
}

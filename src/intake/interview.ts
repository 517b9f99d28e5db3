/**
 * The intake interview: asks the unanswered questions section by section, saving after every
 * answer; after each section checks the whole case (the schema's cross-field rules and dates
 * after the screening date) and re-asks an answer that contradicts; ends with a review screen
 * where any answer can be changed. Prompts are a parameter, so tests script the answers.
 */
import { InputError, checkScreeningDate, describeIssue, formatPath, validateCase } from '../case/load.js';
import { CaseFile } from '../case/schema.js';
import type { EpochDay } from '../case/dates.js';
import { DONT_KNOW, caseFromAnswers, decodeAnswer, encodeAnswer, plannedQuestions, type Answer, type Answers, type Question } from './answers.js';
import { caseQuestions, sectionsOf, type ObjectField, type Section } from './questions.js';
import type { Choice, Prompts } from './prompts.js';

export interface InterviewOptions {
  prompts: Prompts;
  /** Saves the answers so far (the draft); called after every answer. */
  save: (answers: Answers) => Promise<void>;
  say: (text: string) => void;
  /** The day dates are checked against, given the case's own screeningDate if answered. */
  screeningDay: (caseScreeningDate: string | undefined) => EpochDay;
  tree?: ObjectField;
}

const DONT_KNOW_CHOICE: Choice = { name: "Don't know", value: DONT_KNOW };
const ENTER_IS_DONT_KNOW = "Enter = don't know";

function label(value: string): string {
  return value.replace(/_/g, ' ');
}

/** The prompt text: the question, then the field it fills and how to answer. */
function promptMessage(question: Question): string {
  const { field } = question;
  const notes = [question.path];
  if (field.kind === 'list') notes.push("how many? 0 = none, Enter = don't know");
  else if (field.input === 'choices') notes.push('none picked = none');
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
    const picked = Array.isArray(current) ? (current as string[]) : [];
    const choices = [
      ...field.options.map((option) => ({ name: label(option), value: option, checked: picked.includes(option) })),
      { ...DONT_KNOW_CHOICE, checked: current === undefined || current === null },
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

  constructor(
    answers: Answers,
    private readonly options: InterviewOptions,
  ) {
    this.tree = options.tree ?? caseQuestions();
    this.sections = sectionsOf(this.tree);
    this.answers = { ...answers };
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

  private planned(sections: readonly Section[]): Question[] {
    return plannedQuestions(sections.flatMap((section) => section.fields), this.answers);
  }

  private async answer(question: Question, current?: Answer): Promise<void> {
    this.answers[question.path] = await ask(this.options.prompts, question, current);
    await this.options.save(this.answers);
  }

  /** Asks every question that applies and has no answer yet, checking the case after each section. */
  private async askOpenQuestions(): Promise<void> {
    for (let i = 0; i < this.sections.length; i++) {
      const section = this.sections[i]!;
      const upToHere = this.sections.slice(0, i + 1);
      let announced = false;
      for (;;) {
        const next = this.planned(upToHere).find((question) => !(question.path in this.answers));
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
        for (const problem of reaskable) delete this.answers[problem.path!];
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

  /** Shows every answer; returns true after the user changed one, false when the user saves. */
  private async reviewWantsChange(): Promise<boolean> {
    const { say, prompts } = this.options;
    say('\n== Review ==\n');
    for (const section of this.sections) {
      say(`${section.title}\n`);
      for (const question of plannedQuestions(section.fields, this.answers)) {
        const value = this.answers[question.path];
        say(`  ${question.path}: ${value === null || value === undefined ? "don't know" : encodeAnswer(question, value)}\n`);
      }
    }
    const choice = await prompts.select({
      field: 'review',
      message: 'Save the case file, or change an answer?',
      choices: [{ name: 'Save', value: 'save' }, { name: 'Change an answer', value: 'change' }],
      default: 'save',
    });
    if (choice === 'save') return false;
    const all = this.planned(this.sections);
    const path = await prompts.select({
      field: 'review.change',
      message: 'Which answer?',
      choices: all.map((question) => ({ name: `${question.path}: ${encodeAnswer(question, this.answers[question.path])}`, value: question.path })),
    });
    const question = all.find((candidate) => candidate.path === path);
    if (question) await this.answer(question, this.answers[path]);
    return true;
  }
}

/**
 * Named scenarios (rules/scenarios.json): the "what if" questions students ask, as data beside the
 * rules. A scenario is a list of steps over one item of a list (a conviction, an entry) or over the
 * whole case, and may take an argument: one of its options (a plea), or a number of days or years.
 * Values may come from the shared parameters (a statute's maximum), so a plea is rewritten from the
 * same numbers the packs read. Each scenario says whether it is a choice (a plea, a filing date) or
 * a counterfactual (a fact that cannot change: an entry date, a divorce in the past).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PackError } from '../packs/pack-error.js';
import { loadSharedParameters } from '../packs/load.js';
import { Citation, Source, citationProblems, citationText, sourceLookup } from '../packs/citation.js';

export const SCENARIOS_FILE = 'scenarios.json';

const Text = z.string().min(1);
/** A field below the target item (or the case, without one), dotted. */
const Field = z.string().regex(/^[A-Za-z]+(?:\.[A-Za-z]+)*$/, { error: 'a dotted field name, e.g. statute or abuse.marriageEndedOn' });
const Literal = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const ParameterValue = z.strictObject({ parameter: Text, key: Text.optional() });

const Step = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), field: Field, value: z.union([Literal, ParameterValue]) }),
  /** The field, when recorded, is cut to another field's value (a sentence to the statute's maximum). */
  z.strictObject({ op: z.literal('capAt'), field: Field, limitField: Field }),
  /** The target item is taken out of its list. */
  z.strictObject({ op: z.literal('remove') }),
  /** An exact date moved by the argument's days. */
  z.strictObject({ op: z.literal('shiftDays'), field: Field }),
  /** An exact date set the argument's years before the screening date. */
  z.strictObject({ op: z.literal('yearsBeforeScreening'), field: Field }),
]);
export type Step = z.infer<typeof Step>;

const Argument = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('option') }),
  z.strictObject({ kind: z.literal('days'), default: z.number().int() }),
  z.strictObject({ kind: z.literal('years'), default: z.number().int().min(0) }),
]);

const Option = z.strictObject({ description: Text, citation: Citation, steps: z.array(Step).min(1) });

const Scenario = z
  .strictObject({
    description: Text,
    /** choice: the client or counsel can still make it so (a plea, a filing date); counterfactual: a fact that cannot change. */
    kind: z.enum(['choice', 'counterfactual']),
    /** The list whose item the scenario changes, named by index: `name:INDEX`. */
    target: Field.optional(),
    argument: Argument.optional(),
    citation: Citation.optional(),
    steps: z.array(Step).min(1).optional(),
    options: z.record(z.string().regex(/^[a-z0-9-]+$/), Option).optional(),
  })
  .refine((s) => (s.argument?.kind === 'option') === Boolean(s.options) && Boolean(s.options) !== Boolean(s.steps), {
    error: 'a scenario has either steps, or options (with an "option" argument) each with its steps',
  });
type ScenarioFile = z.infer<typeof Scenario>;
type OptionFile = z.infer<typeof Option>;

/** A scenario as the book hands it on: its citations as text (citationText), as every report shows them. */
export type Scenario = Omit<ScenarioFile, 'citation' | 'options'> & {
  citation?: string;
  options?: Record<string, Omit<OptionFile, 'citation'> & { citation: string }>;
};

const Book = z.strictObject({
  /** What the scenarios' citations name. */
  sources: z.array(Source).min(1),
  scenarios: z.record(z.string().regex(/^[a-z0-9-]+$/), Scenario),
});

/** Every citation of the book checked against its sources, and written as text. */
function readableScenarios(book: z.infer<typeof Book>, file: string): Record<string, Scenario> {
  const uses = Object.entries(book.scenarios).flatMap(([name, scenario]) => [
    ...(scenario.citation ? [{ where: name, citation: scenario.citation }] : []),
    ...Object.entries(scenario.options ?? {}).map(([option, detail]) => ({ where: `${name} option ${option}`, citation: detail.citation })),
  ]);
  const problems = citationProblems(uses, book.sources, SCENARIOS_FILE);
  if (problems.length) throw new PackError(file, problems);
  const sources = sourceLookup(book.sources);
  return Object.fromEntries(
    Object.entries(book.scenarios).map(([name, { citation, options, ...rest }]) => {
      const scenario: Scenario = { ...rest, ...(citation ? { citation: citationText(citation, sources) } : {}) };
      if (options) scenario.options = Object.fromEntries(Object.entries(options).map(([option, detail]) => [option, { ...detail, citation: citationText(detail.citation, sources) }]));
      return [name, scenario];
    }),
  );
}

export interface ScenarioBook {
  scenarios: Record<string, Scenario>;
  /** A shared parameter's value by name (rules/shared-parameters.json). */
  parameter: (name: string) => unknown;
}

export function loadScenarioBook(rulesDir: string): ScenarioBook {
  const file = join(rulesDir, SCENARIOS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PackError(file, [`the scenarios cannot be read: ${error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable')}`]);
  }
  const parsed = Book.safeParse(raw);
  if (!parsed.success) throw new PackError(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`));
  const shared = loadSharedParameters(rulesDir, join(rulesDir, '..')).parameters;
  const book: ScenarioBook = { scenarios: readableScenarios(parsed.data, file), parameter: (name) => shared.get(name)?.value };
  checkParameters(book, file);
  return book;
}

/** Every parameter a step reads exists (with the key it names), so a typo is found when the book loads. */
function checkParameters(book: ScenarioBook, file: string): void {
  const problems: string[] = [];
  for (const [name, scenario] of Object.entries(book.scenarios)) {
    const steps = [...(scenario.steps ?? []), ...Object.values(scenario.options ?? {}).flatMap((o) => o.steps)];
    for (const step of steps) {
      if (step.op !== 'set' || typeof step.value !== 'object' || Array.isArray(step.value)) continue;
      const value = book.parameter(step.value.parameter);
      const found = step.value.key === undefined ? value : (value as Record<string, unknown> | undefined)?.[step.value.key];
      if (found === undefined) problems.push(`${name}: no shared parameter ${step.value.parameter}${step.value.key ? `.${step.value.key}` : ''}`);
    }
  }
  if (problems.length) throw new PackError(file, problems);
}

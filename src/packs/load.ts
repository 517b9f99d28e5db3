/**
 * Loading rule packs: every rules/<program>/pack.json with its parameters.json is parsed, checked
 * and linted before any case is screened, so a broken pack fails at once with the file and rule
 * named, never halfway through a batch. The version is a hash of the files' contents.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { formatPath } from '../case/load.js';
import { fieldKind } from '../case/fields.js';
import type { Calculator } from '../facts/derived.js';
import { CALCULATORS } from '../facts/registry.js';
import { OPERATORS, Pack, ParametersFile, isParameterRef, type Condition, type Parameter, type Rule } from './schema.js';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`rule pack ${file}: ${problems.join('; ')}`);
    this.name = 'PackError';
  }
}

export interface DeclaredFact {
  name: string;
  calculator: Calculator;
  calculatorName: string;
  params: unknown;
}

export interface LoadedPack {
  pack: Pack;
  file: string;
  version: string;
  facts: Map<string, DeclaredFact>;
}

export interface RulePacks {
  packs: LoadedPack[];
  /** One hash over every pack: what a report says produced it. */
  version: string;
}

function shortHash(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
}

function zodProblems(error: z.ZodError, describeAt: (path: readonly PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => `${describeAt(issue.path)}: ${issue.message}`);
}

/** "rules[3] (daca-felony).conditions.all[0]" is more useful than a bare index path. */
function packPathLabel(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rule = (raw as { rules?: { id?: unknown }[] }).rules?.[path[1]];
    const id = typeof rule?.id === 'string' ? ` (${rule.id})` : '';
    return `rule ${path[1]}${id}${path.length > 2 ? ` at ${formatPath(path.slice(2))}` : ''}`;
  }
  return formatPath(path);
}

function substituteParameters(value: unknown, parameters: Record<string, z.infer<typeof Parameter>>, problems: string[], where: string): unknown {
  if (isParameterRef(value)) {
    const parameter = parameters[value.parameter];
    if (!parameter) {
      problems.push(`${where}: unknown parameter "${value.parameter}"`);
      return undefined;
    }
    return parameter.value;
  }
  if (Array.isArray(value)) return value.map((v) => substituteParameters(v, parameters, problems, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteParameters(v, parameters, problems, where)]));
  }
  return value;
}

/** Lets a rule's condition compare with a parameter: `"value": { "parameter": "repeatOffenderConvictions" }`. */
function withConditionParameters(rawPack: unknown, parameters: Record<string, z.infer<typeof Parameter>>, problems: string[]): unknown {
  const rules = (rawPack as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return rawPack;
  const visit = (node: unknown, where: string): unknown => {
    if (Array.isArray(node)) return node.map((child) => visit(child, where));
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node).map(([key, value]) =>
      key === 'value' && isParameterRef(value) ? [key, substituteParameters(value, parameters, problems, where)] : [key, visit(value, where)],
    );
    return Object.fromEntries(entries);
  };
  return {
    ...(rawPack as object),
    rules: rules.map((rule: { id?: unknown; conditions?: unknown }) => ({ ...rule, conditions: visit(rule.conditions, `rule "${String(rule.id)}"`) })),
  };
}

function declareFacts(pack: Pack, parameters: Record<string, z.infer<typeof Parameter>>, problems: string[]): Map<string, DeclaredFact> {
  const facts = new Map<string, DeclaredFact>();
  for (const [name, declaration] of Object.entries(pack.facts)) {
    const calculator = CALCULATORS[declaration.calculator];
    if (!calculator) {
      problems.push(`fact "${name}": unknown calculator "${declaration.calculator}" (known: ${Object.keys(CALCULATORS).join(', ')})`);
      continue;
    }
    const raw = substituteParameters(declaration.params, parameters, problems, `fact "${name}"`);
    const parsed = calculator.params.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, (p) => `fact "${name}" parameter ${formatPath(p)}`));
      continue;
    }
    for (const [param, kinds] of Object.entries(calculator.caseFields ?? {})) {
      const path = (parsed.data as Record<string, unknown>)[param] as string;
      const kind = fieldKind(path);
      if (!kind) problems.push(`fact "${name}": the case file has no field "${path}"`);
      else if (!kinds.includes(kind)) problems.push(`fact "${name}": "${path}" holds ${kind === 'object' ? 'a group of fields' : `a ${kind}`}, but ${declaration.calculator} reads ${kinds.join(' or ')}`);
    }
    for (const code of calculator.reviewCodes) {
      if (!pack.reviewNotes[code]) problems.push(`fact "${name}": calculator ${declaration.calculator} can raise review code "${code}", which reviewNotes does not word`);
    }
    facts.set(name, { name, calculator, calculatorName: declaration.calculator, params: parsed.data });
  }
  return facts;
}

function* leaves(condition: Condition): Generator<Extract<Condition, { fact: string }>> {
  if ('fact' in condition) yield condition;
  else if ('all' in condition) for (const c of condition.all) yield* leaves(c);
  else if ('any' in condition) for (const c of condition.any) yield* leaves(c);
  else yield* leaves(condition.not);
}

function lintRule(rule: Rule, pack: Pack, facts: Map<string, DeclaredFact>, ruleIds: Set<string>, problems: string[]): void {
  const at = `rule "${rule.id}"`;
  for (const leaf of leaves(rule.conditions)) {
    if (!(OPERATORS as readonly string[]).includes(leaf.operator)) problems.push(`${at}: unknown operator "${leaf.operator}"`);
    const fact = facts.get(leaf.fact);
    if (!fact) {
      if (!(leaf.fact in pack.facts)) problems.push(`${at}: unknown fact "${leaf.fact}" (declare it under "facts")`);
      continue;
    }
    const keys = fact.calculator.outputKeys;
    if (keys && !leaf.path) problems.push(`${at}: fact "${leaf.fact}" is a record; name a key with "path" (one of ${keys.join(', ')})`);
    if (leaf.path && !keys) problems.push(`${at}: fact "${leaf.fact}" is a single value; "path" does not apply`);
    if (leaf.path && keys && !keys.includes(leaf.path.slice(2))) problems.push(`${at}: fact "${leaf.fact}" has no key "${leaf.path.slice(2)}" (keys: ${keys.join(', ')})`);
  }
  for (const target of rule.defeats ?? []) {
    if (!ruleIds.has(target)) problems.push(`${at}: defeats unknown rule "${target}"`);
  }
  if (rule.kind === 'classification') {
    const field = rule.sets && pack.classifications?.[rule.sets.field];
    if (!rule.sets) problems.push(`${at}: a classification rule needs "sets"`);
    else if (!field) problems.push(`${at}: sets unknown classification "${rule.sets.field}"`);
    else if (!field.order.includes(rule.sets.value)) problems.push(`${at}: "${rule.sets.value}" is not one of ${field.order.join(', ')}`);
  } else if (rule.sets) problems.push(`${at}: only classification rules may have "sets"`);
  if (rule.kind === 'requirement' || rule.kind === 'bar' || rule.kind === 'waiver') {
    if (pack.kind !== 'eligibility') problems.push(`${at}: ${rule.kind} rules belong in eligibility packs`);
  }
  if (rule.kind === 'scope' && pack.kind !== 'discretion') problems.push(`${at}: scope rules belong in discretion packs (eligibility packs state requirements)`);
}

/** Parameters every pack can use: federal statutory facts that no one program owns. */
export const SHARED_PARAMETERS_FILE = 'shared-parameters.json';

interface SharedParameters {
  text: string;
  parameters: Record<string, z.infer<typeof Parameter>>;
}

export async function loadPack(dir: string, displayRoot: string, shared: SharedParameters): Promise<LoadedPack> {
  const packFile = join(dir, 'pack.json');
  const parametersFile = join(dir, 'parameters.json');
  const shown = relative(displayRoot, packFile) || packFile;
  const [packText, parametersText] = await Promise.all(
    [packFile, parametersFile].map((file) =>
      readFile(file, 'utf8').catch(() => {
        throw new PackError(relative(displayRoot, file) || file, ['cannot be read']);
      }),
    ),
  );
  const shownParameters = relative(displayRoot, parametersFile);
  const parsedParameters = ParametersFile.safeParse(parseJson(parametersText!, shownParameters));
  if (!parsedParameters.success) throw new PackError(shownParameters, zodProblems(parsedParameters.error, formatPath));
  const problems: string[] = [];
  for (const name of Object.keys(parsedParameters.data.parameters)) {
    if (name in shared.parameters) problems.push(`parameter "${name}" is also in ${SHARED_PARAMETERS_FILE}; rename one`);
  }
  const parameters = { ...shared.parameters, ...parsedParameters.data.parameters };

  const rawPack = parseJson(packText!, shown);
  const parsedPack = Pack.safeParse(withConditionParameters(rawPack, parameters, problems));
  if (!parsedPack.success) throw new PackError(shown, [...problems, ...zodProblems(parsedPack.error, (p) => packPathLabel(rawPack, p))]);
  const pack = parsedPack.data;
  const facts = declareFacts(pack, parameters, problems);
  const ruleIds = new Set<string>();
  for (const rule of pack.rules) {
    if (ruleIds.has(rule.id)) problems.push(`rule "${rule.id}" is defined twice`);
    ruleIds.add(rule.id);
  }
  for (const rule of pack.rules) lintRule(rule, pack, facts, ruleIds, problems);
  if (problems.length) throw new PackError(shown, problems);
  return { pack, file: shown, version: shortHash(packText!, parametersText!, shared.text), facts };
}

async function loadSharedParameters(rulesDir: string, displayRoot: string): Promise<SharedParameters> {
  const file = join(rulesDir, SHARED_PARAMETERS_FILE);
  const shown = relative(displayRoot, file);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new PackError(shown, ['cannot be read']);
  });
  const parsed = ParametersFile.safeParse(parseJson(text, shown));
  if (!parsed.success) throw new PackError(shown, zodProblems(parsed.error, formatPath));
  return { text, parameters: parsed.data.parameters };
}

/** Loads every pack under `rulesDir` (one folder per program), in program-name order. */
export async function loadRulePacks(rulesDir: string = DEFAULT_RULES_DIR): Promise<RulePacks> {
  let names: string[];
  try {
    const entries = await readdir(rulesDir, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    throw new PackError(rulesDir, ['the rules folder cannot be read']);
  }
  const displayRoot = join(rulesDir, '..');
  const shared = await loadSharedParameters(rulesDir, displayRoot);
  const packs = await Promise.all(names.map((name) => loadPack(join(rulesDir, name), displayRoot, shared)));
  if (packs.length === 0) throw new PackError(rulesDir, ['no rule packs found']);
  return { packs, version: shortHash(...packs.map((p) => `${p.pack.program}:${p.version}`)) };
}

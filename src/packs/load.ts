/**
 * Loading rule packs: every rules/<program>/pack.json with its parameters.json is parsed, checked
 * and linted before any case is screened, so a broken pack fails at once with the file and rule
 * named, never halfway through a batch. The version is a hash of the files' contents.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { z } from 'zod';
import { formatPath } from '../case/load.js';
import { fieldKind } from '../case/fields.js';
import type { Calculator } from '../facts/calculator.js';
import { CALCULATORS } from '../facts/registry.js';
import { INA_RULES_FOLDER } from '../facts/record/ina-law.js';
import { loadClauseFiles } from '../facts/record/clause-files.js';
import { echo } from '../text/inert.js';
import { PackError } from './pack-error.js';
import { DEFAULT_RULES_DIR } from './rules-dir.js';
import { LeafValue, PACK_DEPTH_LIMIT, Pack, ParametersFile, isParameterRef, type PackFile, type Rule } from './schema.js';
import { lintLeaves, own } from './lint-leaves.js';
import { alsoConsiderProblems, alsoConsiderTargetProblems } from './also-consider.js';
import { leaves } from './conditions.js';
import { DatedPacks, indexInForce, type DatedParameter, type DatedProgram, type DatedValue, type OnDate, type ParameterDate } from './dated-parameters.js';
import type { EpochDay } from '../case/dates.js';
import { withParameterWords } from './placeholders.js';
import { conditionParameterNames, restatedValueProblems, type UsedParameter } from './restated-values.js';
import { citationProblems, citationText, sourceLookup, type Citation, type Source, type SourceLookup } from './citation.js';
import { packCitationUses, parameterCitationUses, readablePack } from './cite-pack.js';

export { DEFAULT_RULES_DIR, PackError };

export interface DeclaredFact {
  name: string;
  calculator: Calculator;
  calculatorName: string;
  params: unknown;
  /** What the pack says the fact is. */
  description: string;
  /** The parameters its declaration names, in the order named, each once: what the explain view cites. */
  parameters: ParameterUse[];
}

/** A parameter a fact's declaration reads: its name, value, citation (as text, and its parts) and file. */
export interface ParameterUse {
  name: string;
  value: unknown;
  citation: string;
  citations: Citation;
  file: string;
  /** For a dated parameter, the date from which the value applied is in force; null for one that is not dated. */
  inForceFrom: string | null;
}

export interface LoadedPack {
  pack: Pack;
  file: string;
  version: string;
  facts: Map<string, DeclaredFact>;
  /** What its citations and its parameters' name: the pack's sources, then the shared parameters' not listed by the pack. */
  sources: Source[];
}

export interface RulePacks {
  packs: LoadedPack[];
  /** One hash over every pack: what a report says produced it. */
  version: string;
  /**
   * The packs with the parameter values in force on a screening date (dated-parameters.ts); these
   * packs hold the latest values. Absent on packs built by hand.
   */
  dated?: DatedPacks<RulePacks>;
}

/**
 * The packs a case screened on `day` is screened with: the values of dated parameters in force that
 * day, without the programs whose rules begin later (listed in notInForce). `programs`: only these
 * are asked for (--program); an InputError naming `source` when none of them is in force.
 */
export function packsOn(rulePacks: RulePacks, day: EpochDay, source: string, programs?: readonly string[]): OnDate<RulePacks> {
  return rulePacks.dated?.on(day, source, programs) ?? { packs: rulePacks, notInForce: [], laterLaw: new Set() };
}

/** The packs in force on `day` (packsOn), without the list of those left out. */
export function rulePacksOn(rulePacks: RulePacks, day: EpochDay, source: string): RulePacks {
  return packsOn(rulePacks, day, source).packs;
}

function shortHash(...texts: string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** A name from a pack as a message quotes it: bounded, and inert whatever the pack holds. */
function quote(name: string): string {
  return `"${echo(name)}"`;
}

/** "line 3, column 5" for a character offset: what an editor jumps to. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /^(.*) in JSON at position (\d+)/.exec(message);
    const where = position ? `${position[1]} at ${lineAndColumn(text, Number(position[2]))}` : message;
    throw new PackError(file, [`not valid JSON: ${where}`]);
  }
}

/** One object or list met by the depth walk, with the way back to the root (its path is built only if it is too deep). */
interface Visit {
  value: object;
  depth: number;
  key: PropertyKey;
  parent: Visit | null;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path to the first object or list nested deeper than PACK_DEPTH_LIMIT, or null. A loop over
 * an explicit stack, not recursion: this runs before anything else walks the file. Only objects
 * and lists go on the stack (nothing else nests), each linked to its parent instead of carrying
 * a copy of its path: the packs hold thousands of them and every run walks them all.
 */
function pathTooDeep(root: unknown): PropertyKey[] | null {
  if (root === null || typeof root !== 'object') return null;
  const stack: Visit[] = [{ value: root, depth: 1, key: '', parent: null }];
  while (stack.length) {
    const visit = stack.pop()!;
    if (visit.depth > PACK_DEPTH_LIMIT) return pathOf(visit);
    const { value, depth } = visit;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, key: index, parent: visit });
      }
    } else {
      for (const key of Object.keys(value)) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, key, parent: visit });
      }
    }
  }
  return null;
}

function checkDepth(raw: unknown, file: string, describeAt: (path: readonly PropertyKey[]) => string): void {
  const path = pathTooDeep(raw);
  if (path) throw new PackError(file, [`${describeAt(path)}: nests objects and lists more than ${PACK_DEPTH_LIMIT} deep (the limit for a rule pack file)`]);
}

/**
 * Read at once, not through the thread pool: a dozen small files read one by one cost less than
 * a dozen hand-offs to it, and nothing else runs while the packs load (every command waits for them).
 */
function readPackFile(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'does not exist: every folder in the rules folder is one rule pack, with a pack.json and a parameters.json (move other folders out)'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `cannot be read${code ? ` (${code})` : ''}`;
    throw new PackError(shown, [problem]);
  }
}

function zodProblems(error: z.ZodError, describeAt: (path: readonly PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => `${describeAt(issue.path)}: ${issue.message}`);
}

/** A path as a message shows it: its first steps, enough to find the place (a too-deep path is 64 long). */
function shownPath(path: readonly PropertyKey[]): string {
  const SHOWN = 6;
  return path.length > SHOWN ? `${formatPath(path.slice(0, SHOWN))}…` : formatPath(path);
}

/** "rule 3 (daca-felony) at conditions.all[0]" is more useful than a bare index path. */
function packPathLabel(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rule = (raw as { rules?: { id?: unknown }[] }).rules?.[path[1]];
    const id = typeof rule?.id === 'string' ? ` (${echo(rule.id)})` : '';
    return `rule ${path[1]}${id}${path.length > 2 ? ` at ${shownPath(path.slice(2))}` : ''}`;
  }
  if (path[0] === 'facts' && typeof path[1] === 'string') return `fact ${quote(path[1])}${path.length > 2 ? ` at ${shownPath(path.slice(2))}` : ''}`;
  return shownPath(path);
}

/** A path into a parameters file, named by its parameter and that file. */
function parameterPathLabel(file: string, path: readonly PropertyKey[]): string {
  if (path[0] === 'parameters' && typeof path[1] === 'string') {
    return `parameter ${quote(path[1])} in ${file}${path.length > 2 ? ` at ${shownPath(path.slice(2))}` : ''}`;
  }
  return shownPath(path);
}

/** A parameter's value and the file that sets it, so a bad value is reported there. */
interface ParameterEntry {
  value: unknown;
  citation: Citation;
  file: string;
  /** A dated parameter's values, and the date from which `value` applies. */
  values?: readonly DatedValue[];
  inForceFrom: string | null;
  /** The sources its citation names: the shared file's own, or its pack's. */
  sources: SourceLookup;
}

/** By name, in a Map: a reference to "toString" or "__proto__" finds nothing, as it should. */
type Parameters = ReadonlyMap<string, ParameterEntry>;

/**
 * The parameters a pack is loaded with, noting each one it looks up (in a fact, a condition or its
 * words): a dated one among them dates the program (dated-parameters.ts).
 */
class ReadParameters extends Map<string, ParameterEntry> {
  readonly read = new Set<string>();
  override get(name: string): ParameterEntry | undefined {
    this.read.add(name);
    return super.get(name);
  }
  /** The same parameters, looked up without noting it: for what does not date the program. */
  untracked(): Parameters {
    return new Map(this);
  }
}

/** Where a parameter's value went in: a problem found there is the parameter's. */
interface Substitution {
  path: readonly PropertyKey[];
  name: string;
  file: string;
}

function substituteParameters(value: unknown, parameters: Parameters, problems: string[], where: string, path: PropertyKey[], used: Substitution[]): unknown {
  if (isParameterRef(value)) {
    const parameter = parameters.get(value.parameter);
    if (!parameter) {
      problems.push(`${where}: unknown parameter ${quote(value.parameter)}`);
      return undefined;
    }
    used.push({ path, name: value.parameter, file: parameter.file });
    return parameter.value;
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteParameters(v, parameters, problems, where, [...path, i], used));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteParameters(v, parameters, problems, where, [...path, k], used)]));
  }
  return value;
}

/**
 * Lets a rule's condition compare with a parameter: `"value": { "parameter": "repeatOffenderConvictions" }`.
 * Copy on write: a node is copied only if something below it was replaced, the rest is shared with the file's value.
 */
function withConditionParameters(rawPack: unknown, parameters: Parameters, problems: string[]): unknown {
  const rules = (rawPack as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return rawPack;
  const visit = (node: unknown, where: string): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      const children = node.map((child) => visit(child, where));
      return children.some((child, i) => child !== node[i]) ? children : node;
    }
    let changed = false;
    const entries = Object.entries(node).map(([key, value]) => {
      let replaced: unknown;
      if (key !== 'value' || !isParameterRef(value)) replaced = visit(value, where);
      else {
        const parameter = parameters.get(value.parameter);
        if (!parameter) problems.push(`${where}: unknown parameter ${quote(value.parameter)}`);
        else if (!LeafValue.safeParse(parameter.value).success) {
          problems.push(`parameter ${quote(value.parameter)} in ${parameter.file}: a condition compares with true/false, a number, text, null or a list of them, not this value (used by ${where})`);
        }
        replaced = parameter?.value;
      }
      changed ||= replaced !== value;
      return [key, replaced] as const;
    });
    return changed ? Object.fromEntries(entries) : node;
  };
  return {
    ...(rawPack as object),
    rules: rules.map((rule: { id?: unknown; conditions?: unknown }) => ({ ...rule, conditions: visit(rule.conditions, `rule ${quote(String(rule.id))}`) })),
  };
}

function declareFacts(pack: Pack, tracked: ReadParameters, problems: string[]): Map<string, DeclaredFact> {
  const facts = new Map<string, DeclaredFact>();
  // A fact only an "also consider" pointer reads does not date the program: a pointer to a program
  // whose law came later (the U visa's list of crimes) must not keep an older program from being screened.
  const pointerOnly = pointerOnlyFacts(pack);
  const untracked = tracked.untracked();
  for (const [name, declaration] of Object.entries(pack.facts)) {
    const parameters: Parameters = pointerOnly.has(name) ? untracked : tracked;
    const calculator = CALCULATORS.get(declaration.calculator);
    if (!calculator) {
      problems.push(`fact ${quote(name)}: unknown calculator ${quote(declaration.calculator)} (known: ${[...CALCULATORS.keys()].join(', ')})`);
      continue;
    }
    const used: Substitution[] = [];
    const raw = substituteParameters(declaration.params, parameters, problems, `fact ${quote(name)}`, [], used);
    const parsed = calculator.params.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = `fact ${quote(name)} parameter ${formatPath(issue.path)}`;
        // A value that came from a parameter is wrong in the parameters file, not in the pack.
        const from = used.find((s) => s.path.every((key, i) => issue.path[i] === key));
        problems.push(from ? `parameter ${quote(from.name)} in ${from.file}: ${issue.message} (used by ${at})` : `${at}: ${issue.message}`);
      }
      continue;
    }
    for (const [param, kinds] of Object.entries(calculator.caseFields ?? {})) {
      const path = (parsed.data as Record<string, unknown>)[param] as string;
      const kind = fieldKind(path);
      if (!kind) problems.push(`fact ${quote(name)}: the case file has no field ${quote(path)}`);
      else if (!kinds.includes(kind)) problems.push(`fact ${quote(name)}: ${quote(path)} holds ${kind === 'object' ? 'a group of fields' : `a ${kind}`}, but ${declaration.calculator} reads ${kinds.join(' or ')}`);
    }
    for (const code of calculator.reviewCodes) {
      if (!own(pack.reviewNotes, code)) problems.push(`fact ${quote(name)}: calculator ${declaration.calculator} can raise review code "${code}", which reviewNotes does not word`);
    }
    const named = [...new Set(used.map((u) => u.name))].map((n): ParameterUse => {
      const { value, citation, file, sources, inForceFrom } = parameters.get(n)!;
      return { name: n, value, citation: citationText(citation, sources), citations: citation, file, inForceFrom };
    });
    facts.set(name, { name, calculator, calculatorName: declaration.calculator, params: parsed.data, description: declaration.description, parameters: named });
  }
  return facts;
}

/** The facts only the pack's "also consider" entries name: no rule reads them. */
function pointerOnlyFacts(pack: Pack): Set<string> {
  const ruled = new Set(pack.rules.flatMap((rule) => [...leaves(rule.conditions)].map((leaf) => leaf.fact)));
  return new Set((pack.alsoConsider ?? []).flatMap((entry) => [...leaves(entry.conditions)].map((leaf) => leaf.fact)).filter((fact) => !ruled.has(fact)));
}

function lintRule(rule: Rule, pack: Pack, facts: Map<string, DeclaredFact>, ruleIds: Set<string>, problems: string[]): void {
  const at = `rule ${quote(rule.id)}`;
  lintLeaves(at, rule.conditions, pack, facts, problems);
  for (const target of rule.defeats ?? []) {
    if (!ruleIds.has(target)) problems.push(`${at}: defeats unknown rule ${quote(target)}`);
  }
  for (const premise of rule.review?.onlyIfApplies ?? []) {
    if (!ruleIds.has(premise)) problems.push(`${at}: review.onlyIfApplies names unknown rule ${quote(premise)}`);
  }
  if (rule.kind === 'classification') {
    const field = rule.sets && own(pack.classifications, rule.sets.field);
    if (!rule.sets) problems.push(`${at}: a classification rule needs "sets"`);
    else if (!field) problems.push(`${at}: sets unknown classification ${quote(rule.sets.field)}`);
    else if (!field.order.includes(rule.sets.value)) problems.push(`${at}: ${quote(rule.sets.value)} is not one of ${field.order.join(', ')}`);
  } else if (rule.sets) problems.push(`${at}: only classification rules may have "sets"`);
  if (rule.kind === 'requirement' || rule.kind === 'bar' || rule.kind === 'waiver') {
    if (pack.kind !== 'eligibility') problems.push(`${at}: ${rule.kind} rules belong in eligibility packs`);
  }
  if (rule.kind === 'scope' && pack.kind !== 'discretion') problems.push(`${at}: scope rules belong in discretion packs (eligibility packs state requirements)`);
}

/**
 * The suffix of a program's reason column in the batch CSV ("daca.reason", "morton.reason", beside
 * "morton.priority"): no classification may take its name, in any output.
 */
export const REASON_COLUMN = 'reason';

/** Parameters every pack can use: federal statutory facts that no one program owns. */
export const SHARED_PARAMETERS_FILE = 'shared-parameters.json';

interface ParametersText {
  text: string;
  parameters: Map<string, ParameterEntry>;
  sources: Source[];
}

/** A parameters file (a pack's or the shared one): its parameters, each knowing its file, and its own sources if it lists them. */
function parseParameters(text: string, shown: string): { parameters: Map<string, ParameterEntry>; sources?: Source[] } {
  const raw = parseJson(text, shown);
  checkDepth(raw, shown, (path) => parameterPathLabel(shown, path));
  const parsed = ParametersFile.safeParse(raw);
  if (!parsed.success) throw new PackError(shown, zodProblems(parsed.error, (path) => parameterPathLabel(shown, path)));
  const { parameters, sources } = parsed.data;
  // A pack's parameters are given its sources once its pack.json is read (loadPack).
  const lookup = sourceLookup(sources);
  const entries = new Map(
    Object.entries(parameters).map(([name, parameter]): [string, ParameterEntry] => {
      if (!parameter.values) return [name, { value: parameter.value, citation: parameter.citation!, file: shown, sources: lookup, inForceFrom: null }];
      const latest = parameter.values[parameter.values.length - 1]!;
      return [name, { value: latest.value, citation: latest.citation, file: shown, sources: lookup, values: parameter.values, inForceFrom: latest.from }];
    }),
  );
  return { parameters: entries, ...(sources ? { sources } : {}) };
}

/** The parameters with each dated one's value in force `when` (the first value for a parameter not yet in force: the program that reads it is not screened then). */
function inForceOn(parameters: Parameters, when: ParameterDate): Parameters {
  if (when === 'latest') return parameters;
  return new Map(
    [...parameters].map(([name, entry]) => {
      if (!entry.values) return [name, entry];
      const chosen = entry.values[Math.max(0, indexInForce(entry.values, when))]!;
      return [name, { ...entry, value: chosen.value, citation: chosen.citation, inForceFrom: chosen.from }];
    }),
  );
}

/** The dated parameters of a parameters file, by name, each with its first value's citation as text. */
function datedParameters(file: ReadonlyMap<string, ParameterEntry>): Map<string, DatedParameter> {
  return new Map(
    [...file].flatMap(([name, entry]): [string, DatedParameter][] =>
      entry.values ? [[name, { name, file: entry.file, values: entry.values, firstCitation: citationText(entry.values[0]!.citation, entry.sources) }]] : [],
    ),
  );
}

/** Each program with the dated parameters its rules read: every one of its own file's, and the shared ones its pack looks up. */
function datedPrograms(shared: Parameters, loaded: readonly LoadedWithParameters[]): DatedProgram[] {
  const sharedDated = datedParameters(shared);
  return loaded.map(({ pack, parameterFile, parametersRead }) => ({
    program: pack.program,
    title: pack.title,
    shortTitle: pack.shortTitle,
    dated: [...datedParameters(parameterFile).values(), ...[...parametersRead].flatMap((name) => sharedDated.get(name) ?? [])],
  }));
}

/** What the restated-value check reads: each fact's and each rule's parameters, with every value each has held. */
function restatedValueInput(pack: PackFile, rawPack: unknown, facts: ReadonlyMap<string, DeclaredFact>, parameters: Parameters) {
  const used = (names: Iterable<string>): UsedParameter[] =>
    [...names].flatMap((name) => {
      const entry = parameters.get(name);
      return entry ? [{ name, values: entry.values ? entry.values.map((dated) => dated.value) : [entry.value] }] : [];
    });
  const rawRules = (rawPack as { rules?: unknown[] }).rules ?? [];
  return {
    pack,
    factParameters: new Map([...facts].map(([name, fact]) => [name, used(fact.parameters.map((p) => p.name))])),
    conditionParameters: new Map(pack.rules.map((rule, index) => [rule.id, used(conditionParameterNames(rawRules[index]))])),
    recordFacts: new Set([...facts].filter(([, fact]) => fact.calculator.outputKeys).map(([name]) => name)),
    reviewNoteParameters: reviewNoteParameters(facts, used),
  };
}

/** For each review code, the parameters of the facts whose calculator can raise it, each once. */
function reviewNoteParameters(facts: ReadonlyMap<string, DeclaredFact>, used: (names: Iterable<string>) => UsedParameter[]): Map<string, UsedParameter[]> {
  const names = new Map<string, Set<string>>();
  for (const fact of facts.values()) {
    for (const code of fact.calculator.reviewCodes) {
      const set = names.get(code) ?? new Set<string>();
      for (const parameter of fact.parameters) set.add(parameter.name);
      names.set(code, set);
    }
  }
  return new Map([...names].map(([code, set]) => [code, used(set)]));
}

/** Reads a pack file: at once from disk, or from the texts the first load of the packs kept. */
type ReadFile = (file: string, shown: string) => string;

/** `when`: whose parameter values the pack is built with (dated-parameters.ts). */
/** A pack as loaded, with its own parameters file and the names of every parameter it read: what dates it (datedPrograms). */
type LoadedWithParameters = LoadedPack & { parameterFile: Map<string, ParameterEntry>; parametersRead: ReadonlySet<string> };

export function loadPack(dir: string, displayRoot: string, shared: ParametersText, when: ParameterDate = 'latest', read: ReadFile = readPackFile): LoadedWithParameters {
  const packFile = join(dir, 'pack.json');
  const parametersFile = join(dir, 'parameters.json');
  const shown = relative(displayRoot, packFile) || packFile;
  const shownParameters = relative(displayRoot, parametersFile) || parametersFile;
  // One after the other, so a folder missing both files is always reported by its pack.json.
  const packText = read(packFile, shown);
  const parametersText = read(parametersFile, shownParameters);
  const { parameters: packParameters, sources: ownSources } = parseParameters(parametersText, shownParameters);
  const problems: string[] = [];
  if (ownSources) problems.push(`${shownParameters} lists "sources": a pack's parameters cite the sources its pack.json lists (move them there)`);
  for (const name of packParameters.keys()) {
    if (shared.parameters.has(name)) problems.push(`parameter ${quote(name)} in ${shownParameters} is also in ${SHARED_PARAMETERS_FILE}; rename one`);
  }
  const parameters = new ReadParameters(inForceOn(new Map([...shared.parameters, ...packParameters]), when));

  const rawPack = parseJson(packText, shown);
  checkDepth(rawPack, shown, (path) => packPathLabel(rawPack, path));
  const parsedPack = Pack.safeParse(withConditionParameters(rawPack, parameters, problems));
  if (!parsedPack.success) throw new PackError(shown, [...problems, ...zodProblems(parsedPack.error, (p) => packPathLabel(rawPack, p))]);
  const written = parsedPack.data;
  // The pack's parameters cite its sources: the linter checks both files against the one list.
  const sources = sourceLookup(written.sources);
  for (const entry of packParameters.values()) entry.sources = sources;
  problems.push(...citationProblems([...packCitationUses(written), ...parameterCitationUses(Object.fromEntries(packParameters), shownParameters)], written.sources, shown));
  const pack = withParameterWords(readablePack(written, sources), parameters, problems);
  const facts = declareFacts(pack, parameters, problems);
  const ruleIds = new Set<string>();
  for (const rule of pack.rules) {
    if (ruleIds.has(rule.id)) problems.push(`rule "${rule.id}" is defined twice`);
    ruleIds.add(rule.id);
  }
  for (const rule of pack.rules) lintRule(rule, pack, facts, ruleIds, problems);
  problems.push(...alsoConsiderProblems(pack, facts));
  // Checked once, on the latest values: each dated value is looked for whatever the date. A check
  // reads the parameters of every fact, so it looks them up untracked: only what the pack reads dates it.
  if (when === 'latest') problems.push(...restatedValueProblems(restatedValueInput(written, rawPack, facts, parameters.untracked())));
  if (own(pack.classifications, REASON_COLUMN)) problems.push(`classification "${REASON_COLUMN}" has the name of the CSV output's reason column (${pack.program}.${REASON_COLUMN}): rename it`);
  if (problems.length) throw new PackError(shown, problems);
  const listed = new Set(written.sources.map((source) => source.id));
  const allSources = [...written.sources, ...shared.sources.filter((source) => !listed.has(source.id))];
  return { pack, file: shown, version: shortHash(packText, parametersText, shared.text), facts, sources: allSources, parameterFile: packParameters, parametersRead: parameters.read };
}

export function loadSharedParameters(rulesDir: string, displayRoot: string, read: ReadFile = readPackFile): ParametersText {
  const file = join(rulesDir, SHARED_PARAMETERS_FILE);
  const shown = relative(displayRoot, file) || file;
  const text = read(file, shown);
  const { parameters, sources = [] } = parseParameters(text, shown);
  const problems = citationProblems(parameterCitationUses(Object.fromEntries(parameters), shown), sources, shown);
  if (problems.length) throw new PackError(shown, problems);
  return { text, parameters, sources };
}

/** One pack per program: a copied folder (rules/daca.bak) would screen every case twice. */
function checkOnePackPerProgram(packs: readonly LoadedPack[]): void {
  const first = new Map<string, LoadedPack>();
  for (const loaded of packs) {
    const earlier = first.get(loaded.pack.program);
    if (earlier) {
      throw new PackError(loaded.file, [`program "${loaded.pack.program}" is also the program of ${earlier.file}: two folders (${dirname(earlier.file)} and ${dirname(loaded.file)}) hold one program; keep one of them`]);
    }
    first.set(loaded.pack.program, loaded);
  }
}

/** Loads every pack under `rulesDir` (one folder per program), in program-name order. */
export async function loadRulePacks(rulesDir: string = DEFAULT_RULES_DIR): Promise<RulePacks> {
  let names: string[];
  try {
    const entries = readdirSync(rulesDir, { withFileTypes: true });
    // rules/ina holds the INA clauses every pack shares, not a program.
    names = entries.filter((e) => e.isDirectory() && e.name !== INA_RULES_FOLDER).map((e) => e.name).sort();
  } catch {
    throw new PackError(rulesDir, ['the rules folder cannot be read']);
  }
  const displayRoot = join(rulesDir, '..');
  // Each file is read once: the packs of another epoch are built from the same texts, so one batch sees one version of the rules.
  const texts = new Map<string, string>();
  const read: ReadFile = (file, shown) => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readPackFile(file, shown)));
    return text;
  };
  const clauseTexts = loadClauseFiles(rulesDir, displayRoot);
  /** `skip`: the programs not in force `when`, whose packs are not built (their folders, found by the first build). */
  const build = (when: ParameterDate, skip: ReadonlySet<string> = new Set()): { rulePacks: RulePacks; programs: DatedProgram[] } => {
    const shared = loadSharedParameters(rulesDir, displayRoot, read);
    // In name order: a failure is reported for the first broken pack.
    const loaded = names.filter((name) => !skip.has(programOfFolder.get(name)!)).map((name) => loadPack(join(rulesDir, name), displayRoot, shared, when, read));
    if (loaded.length === 0) throw new PackError(rulesDir, ['no rule packs found']);
    const packs = loaded.map(({ parameterFile: _file, parametersRead: _read, ...pack }): LoadedPack => pack);
    checkOnePackPerProgram(packs);
    return { rulePacks: { packs, version: shortHash(...packs.map((p) => `${p.pack.program}:${p.version}`), ...clauseTexts) }, programs: datedPrograms(shared.parameters, loaded) };
  };
  const programOfFolder = new Map<string, string>();
  const { rulePacks, programs } = build('latest');
  // Checked on the packs of every folder: a program not yet in force on some date is still a target.
  const [misnamed] = alsoConsiderTargetProblems(rulePacks.packs);
  if (misnamed) throw new PackError(misnamed.file, misnamed.problems);
  names.forEach((name, i) => programOfFolder.set(name, rulePacks.packs[i]!.pack.program));
  // One version for every epoch: the same files screen every date (an epoch without a program still names the rules it was read from).
  const onDate = (day: EpochDay, notInForce: ReadonlySet<string>): RulePacks => ({ ...build(day, notInForce).rulePacks, version: rulePacks.version, dated: rulePacks.dated! });
  rulePacks.dated = new DatedPacks(programs, rulePacks, onDate);
  return rulePacks;
}

/**
 * The rule book: every pack as a reader needs it, built from the packs as they load (so the book
 * documents exactly what screens) and the fixtures' expectations (which fixtures test each rule).
 * This module builds the content; markdown.ts and html.ts only lay it out.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CALCULATORS } from '../facts/registry.js';
import { SHARED_PARAMETERS_FILE, type LoadedPack, type RulePacks } from '../packs/load.js';
import { citationText, sourceLookup, type Source, type SourceLookup } from '../packs/citation.js';
import { ParametersFile, type LegalStatusKind, type Pack, type Rule, type RuleKind, type RuleStatus } from '../packs/schema.js';
import { classificationKey, ruleKey, type FixtureIndex, type FixturePlace, type RuleMention } from './fixtures.js';
import { formatValue, resolveParameters, type ParameterCatalog, type ParameterInfo } from './values.js';
import { conditionWords, wordLeaves, type WordNode } from './words.js';

export interface RuleRef {
  id: string;
  name: string;
}

export interface RuleEntry {
  id: string;
  name: string;
  kind: RuleKind;
  citation: string;
  explanation: string;
  conditions: WordNode;
  /** The facts the rule reads, as the pack declares them, in the order its conditions read them. */
  reads: string[];
  defeats: RuleRef[];
  defeatedBy: RuleRef[];
  review: { when: RuleStatus[]; onlyIfApplies: RuleRef[]; reason: string } | null;
  caution: { when: RuleStatus[]; reason: string } | null;
  /** A classification rule's field and value ("level" "2"), with the other rules that set the same value. */
  sets: { field: string; value: string; alsoSetBy: RuleRef[] } | null;
  /** Fixtures whose expectations name the rule. */
  fixtures: RuleMention[];
  /** Fixtures that assert the classification value the rule sets. */
  classificationFixtures: FixturePlace[];
}

export interface FactParam {
  key: string;
  /** The value, references resolved, in words. */
  value: string;
  /** The parameters it came from, if any. */
  parameters: string[];
}

export interface FactEntry {
  name: string;
  description: string;
  calculator: string;
  calculatorDescription: string;
  params: FactParam[];
  readBy: string[];
  /** The also-consider entries whose condition reads it, by id. */
  readByAlsoConsider: string[];
}

/** Another program the pack points at (the pack's alsoConsider), with its condition in words. */
export interface AlsoConsiderEntry {
  id: string;
  program: string;
  reason: string;
  citation: string;
  /** The outcomes of this program it is named with; empty: whatever the outcome. */
  whenOutcome: string[];
  conditions: WordNode;
}

export interface PackChapter {
  program: string;
  title: string;
  kind: Pack['kind'];
  legalStatus: { kind: LegalStatusKind; label: string; detail: string };
  standingCaution: { reason: string; citation: string } | null;
  researchedAsOf: string;
  version: string;
  file: string;
  sources: Pack['sources'];
  classifications: { field: string; description: string; order: string[]; otherwise: string }[];
  rules: RuleEntry[];
  alsoConsider: AlsoConsiderEntry[];
  facts: FactEntry[];
  /** The pack's own parameters, in its file's order. */
  parameters: ParameterInfo[];
  /** Shared parameters the pack uses, by name. */
  sharedParameters: string[];
}

export interface RuleBook {
  version: string;
  /** Where the fixtures were read, as shown, and how many; null count when there is no such folder. */
  fixtures: { dir: string; count: number | null };
  packs: PackChapter[];
  /** Shared parameters some pack uses, in the shared file's order. */
  sharedParameters: ParameterInfo[];
  /** The sources the shared parameters cite (the shared file's own list). */
  sharedSources: Source[];
}

export const KIND_WORDS: Record<RuleKind, string> = {
  requirement: 'requirement',
  bar: 'bar',
  waiver: 'waiver',
  helping_factor: 'helping factor',
  harmful_factor: 'harmful factor',
  classification: 'classification',
  scope: 'scope',
};

export const STATUS_WORDS: Record<RuleStatus, string> = { applies: 'applies', does_not_apply: 'does not apply', unknown: 'unknown' };

export const LEGAL_STATUS_WORDS: Record<LegalStatusKind, string> = { in_force: 'in force', in_litigation: 'in litigation', historical: 'historical', hypothetical: 'hypothetical' };

/** A parameters file's parameters and its own sources; a pack's parameters are cited by the pack's sources (`packSources`). */
function readParameters(file: string, shown: string, shared: boolean, packSources?: SourceLookup): { parameters: ParameterInfo[]; sources: Source[] } {
  // The loader has read and checked this file already; it is read again for the words it drops.
  const { parameters, sources = [] } = ParametersFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const lookup = packSources ?? sourceLookup(sources);
  const infos = Object.entries(parameters).map(([name, p]) => {
    const latest = p.values?.[p.values.length - 1];
    const dated = p.values ? p.values.map(({ from, value, citation }) => ({ from, value, citation: citationText(citation, lookup) })) : null;
    return { name, value: latest ? latest.value : p.value, description: p.description, citation: citationText(latest ? latest.citation : p.citation!, lookup), file: shown, shared, dated };
  });
  return { parameters: infos, sources };
}

function ruleRefs(ids: readonly string[], byId: ReadonlyMap<string, Rule>): RuleRef[] {
  return ids.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}

function ruleEntry(rule: Rule, raw: unknown, pack: Pack, byId: ReadonlyMap<string, Rule>, fixtures: FixtureIndex | null): RuleEntry {
  const conditions = conditionWords(rule.conditions, raw);
  const reads = [...new Set([...wordLeaves(conditions)].map((leaf) => leaf.test!.declared))];
  const setters = rule.sets ? pack.rules.filter((other) => other !== rule && other.sets?.field === rule.sets!.field && other.sets.value === rule.sets!.value) : [];
  return {
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    citation: rule.citation,
    explanation: rule.explanation,
    conditions,
    reads,
    defeats: ruleRefs(rule.defeats ?? [], byId),
    defeatedBy: pack.rules.filter((other) => other.defeats?.includes(rule.id)).map((other) => ({ id: other.id, name: other.name })),
    review: rule.review ? { when: rule.review.when, onlyIfApplies: ruleRefs(rule.review.onlyIfApplies ?? [], byId), reason: rule.review.reason } : null,
    caution: rule.caution ? { when: rule.caution.when, reason: rule.caution.reason } : null,
    sets: rule.sets ? { ...rule.sets, alsoSetBy: setters.map((other) => ({ id: other.id, name: other.name })) } : null,
    fixtures: fixtures?.rules.get(ruleKey(pack.program, rule.id)) ?? [],
    classificationFixtures: rule.sets ? (fixtures?.classifications.get(classificationKey(pack.program, rule.sets.field, rule.sets.value)) ?? []) : [],
  };
}

function factEntries(loaded: LoadedPack, rules: readonly RuleEntry[], alsoConsider: readonly AlsoConsiderEntry[], catalog: ParameterCatalog): FactEntry[] {
  return Object.entries(loaded.pack.facts).map(([name, declaration]) => ({
    name,
    description: declaration.description,
    calculator: declaration.calculator,
    calculatorDescription: CALCULATORS.get(declaration.calculator)?.description ?? '',
    params: Object.entries(declaration.params).map(([key, value]) => {
      const resolved = resolveParameters(value, catalog);
      // A dated parameter's value depends on the screening date: the book says so, and lists its values where the parameter is.
      const dated = resolved.parameters.some((parameter) => catalog.get(parameter)?.dated);
      return { key, value: dated ? 'the value in force on the screening date' : formatValue(resolved.value), parameters: resolved.parameters };
    }),
    readBy: rules.filter((rule) => rule.reads.includes(name)).map((rule) => rule.id),
    readByAlsoConsider: alsoConsider.filter((entry) => [...wordLeaves(entry.conditions)].some((leaf) => leaf.test!.declared === name)).map((entry) => entry.id),
  }));
}

/** Every parameter a pack names: in its facts' params and in its conditions' values. */
function usedParameters(facts: readonly FactEntry[], rules: readonly RuleEntry[]): Set<string> {
  const used = new Set(facts.flatMap((fact) => fact.params.flatMap((param) => param.parameters)));
  for (const rule of rules) for (const leaf of wordLeaves(rule.conditions)) if (leaf.test?.parameter) used.add(leaf.test.parameter);
  return used;
}

function chapter(loaded: LoadedPack, displayRoot: string, shared: readonly ParameterInfo[], fixtures: FixtureIndex | null): PackChapter {
  const { pack } = loaded;
  const packFile = resolve(displayRoot, loaded.file);
  const parametersFile = join(dirname(packFile), 'parameters.json');
  const { parameters: own } = readParameters(parametersFile, relative(displayRoot, parametersFile) || parametersFile, false, sourceLookup(pack.sources));
  const catalog: ParameterCatalog = new Map([...shared, ...own].map((p) => [p.name, p]));
  // The loaded pack has its parameter references replaced; the file still names them.
  const raw = JSON.parse(readFileSync(packFile, 'utf8')) as { rules: { conditions: unknown }[]; alsoConsider?: { conditions: unknown }[] };
  const rawRules = raw.rules;
  const byId = new Map(pack.rules.map((rule) => [rule.id, rule]));
  const rules = pack.rules.map((rule, i) => ruleEntry(rule, rawRules[i]?.conditions, pack, byId, fixtures));
  const alsoConsider = (pack.alsoConsider ?? []).map(
    (entry, i): AlsoConsiderEntry => ({ id: entry.id, program: entry.program, reason: entry.reason, citation: entry.citation, whenOutcome: entry.whenOutcome ?? [], conditions: conditionWords(entry.conditions, raw.alsoConsider?.[i]?.conditions) }),
  );
  const facts = factEntries(loaded, rules, alsoConsider, catalog);
  const used = usedParameters(facts, rules);
  return {
    program: pack.program,
    title: pack.title,
    kind: pack.kind,
    legalStatus: pack.legalStatus,
    standingCaution: pack.standingCaution ?? null,
    researchedAsOf: pack.researchedAsOf,
    version: loaded.version,
    file: loaded.file,
    sources: pack.sources,
    classifications: Object.entries(pack.classifications ?? {}).map(([field, c]) => ({ field, ...c })),
    rules,
    alsoConsider,
    facts,
    parameters: own,
    sharedParameters: shared.filter((p) => used.has(p.name)).map((p) => p.name),
  };
}

/**
 * The rule book of loaded packs. `rulesDir` is the folder they were loaded from (files are shown
 * relative to its parent, as the loader shows them); `fixturesDir` is shown relative to it too.
 */
export function buildRuleBook(packs: RulePacks, rulesDir: string, fixtures: FixtureIndex | null, fixturesDir: string): RuleBook {
  const displayRoot = join(rulesDir, '..');
  const sharedFile = join(rulesDir, SHARED_PARAMETERS_FILE);
  const { parameters: shared, sources: sharedSources } = readParameters(sharedFile, relative(displayRoot, sharedFile) || sharedFile, true);
  const chapters = packs.packs.map((loaded) => chapter(loaded, displayRoot, shared, fixtures));
  const used = new Set(chapters.flatMap((c) => c.sharedParameters));
  return {
    version: packs.version,
    fixtures: { dir: relative(displayRoot, fixturesDir) || fixturesDir, count: fixtures?.count ?? null },
    packs: chapters,
    sharedParameters: shared.filter((p) => used.has(p.name)),
    sharedSources,
  };
}

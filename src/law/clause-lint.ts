/**
 * Checks a clause file as the pack linter checks a pack: every clause cited from the file's own
 * sources, every clause, raw fact and parameter it names exists and is used as its kind allows,
 * no clause depends on itself, and the clauses the calculators read are there. Each problem names
 * the clause.
 */
import { citationProblems } from '../packs/citation.js';
import { echo } from '../text/inert.js';
import type { Clause, ClauseFile, ClauseNode } from './clause-schema.js';

/** How a raw fact of a conviction is read: a yes/no (with or without a years argument), days as a range, a date as a range, a list of types. */
export type RawFactKind = 'boolean' | 'booleanWithYears' | 'days' | 'date' | 'list';

export type Scope = Clause['scope'];

/** What the clauses may name: the raw facts with their kinds, the parameters, and the clauses code reads (with their scope). */
export interface Vocabulary {
  facts: Readonly<Record<string, RawFactKind>>;
  parameters: ReadonlySet<string>;
  required: Readonly<Record<string, Scope>>;
  /** The record keys a review point may name as the ones it bears on. */
  recordKeys: readonly string[];
  /** The yes/no parameters a clause may read as a condition (`{"parameter": name}`). */
  flags?: ReadonlySet<string>;
  /** The groupings the raw facts supply for a grouped count (`"grouped": name`). */
  groupings?: ReadonlySet<string>;
}

const quote = (name: string) => `"${echo(name)}"`;

/** The clauses a node names directly (inside quantifiers too). */
export function referencedClauses(node: ClauseNode, out: Set<string> = new Set()): Set<string> {
  if ('clause' in node) out.add(node.clause);
  else if ('all' in node) node.all.forEach((child) => referencedClauses(child, out));
  else if ('any' in node) node.any.forEach((child) => referencedClauses(child, out));
  else if ('not' in node) referencedClauses(node.not, out);
  else if ('some' in node) referencedClauses(node.some, out);
  else if ('every' in node) referencedClauses(node.every, out);
  else if ('countAtLeast' in node) referencedClauses(node.of, out);
  else if ('sumOf' in node) referencedClauses(node.over, out);
  return out;
}

/** The kind a fact leaf reads its fact as. */
function leafKind(node: ClauseNode & { fact: string }): RawFactKind {
  if ('atMost' in node || 'atLeast' in node) return 'days';
  if ('before' in node || 'onOrAfter' in node) return 'date';
  if ('includesAnyOf' in node) return 'list';
  return 'years' in node && node.years ? 'booleanWithYears' : 'boolean';
}

function parameterNames(node: ClauseNode): string[] {
  const names: string[] = [];
  const amount = (value: unknown) => {
    if (value !== null && typeof value === 'object' && 'parameter' in value) names.push((value as { parameter: string }).parameter);
  };
  if ('fact' in node) {
    const leaf = node as Record<string, unknown>;
    amount(leaf.years);
    amount(leaf.atMost);
    amount(leaf.atLeast);
    amount(leaf.includesAnyOf);
    amount((leaf.before as { yearsBeforeScreening?: unknown } | undefined)?.yearsBeforeScreening);
    amount((leaf.onOrAfter as { yearsBeforeScreening?: unknown } | undefined)?.yearsBeforeScreening);
  }
  if ('sumOf' in node) amount(node.atLeast);
  if ('countAtLeast' in node) amount(node.countAtLeast);
  return names;
}

function lintNode(node: ClauseNode, scope: Scope, byId: ReadonlyMap<string, Clause>, vocabulary: Vocabulary, problems: string[], at: string): void {
  for (const name of parameterNames(node)) if (!vocabulary.parameters.has(name)) problems.push(`${at}: unknown parameter ${quote(name)}`);
  if ('all' in node) node.all.forEach((child) => lintNode(child, scope, byId, vocabulary, problems, at));
  else if ('any' in node) node.any.forEach((child) => lintNode(child, scope, byId, vocabulary, problems, at));
  else if ('not' in node) lintNode(node.not, scope, byId, vocabulary, problems, at);
  else if ('clause' in node) {
    const target = byId.get(node.clause);
    if (!target) problems.push(`${at}: unknown clause ${quote(node.clause)}`);
    else if (target.scope === 'conviction' && scope === 'record') problems.push(`${at}: clause ${quote(node.clause)} is of each conviction; read it through some, every, countAtLeast or sumOf`);
  } else if ('fact' in node) {
    const kind = vocabulary.facts[node.fact];
    if (!Object.hasOwn(vocabulary.facts, node.fact) || !kind) problems.push(`${at}: unknown raw fact ${quote(node.fact)} (known: ${Object.keys(vocabulary.facts).join(', ')})`);
    else if (scope === 'record') problems.push(`${at}: raw fact ${quote(node.fact)} is of each conviction; read it through some, every, countAtLeast or sumOf`);
    else if (kind !== leafKind(node)) problems.push(`${at}: raw fact ${quote(node.fact)} is read as ${kind}, not as ${leafKind(node)}`);
  } else if ('openQuestion' in node) return;
  else if ('parameter' in node) {
    if (!vocabulary.flags?.has(node.parameter)) problems.push(`${at}: ${quote(node.parameter)} is not a yes/no parameter${vocabulary.flags?.size ? ` (known: ${[...vocabulary.flags].join(', ')})` : ''}`);
  } else {
    if (scope === 'conviction') problems.push(`${at}: a quantifier over the convictions belongs in a clause of the record`);
    const inner = 'some' in node ? node.some : 'every' in node ? node.every : 'countAtLeast' in node ? node.of : node.over;
    if ('sumOf' in node && vocabulary.facts[node.sumOf] !== 'days') problems.push(`${at}: sumOf needs a raw fact read as days, not ${quote(node.sumOf)}`);
    if ('countAtLeast' in node && node.grouped !== undefined && !vocabulary.groupings?.has(node.grouped)) problems.push(`${at}: unknown grouping ${quote(node.grouped)}`);
    lintNode(inner, 'conviction', byId, vocabulary, problems, at);
  }
}

/** The clauses on a cycle, as "a -> b -> a", or null. */
function findCycle(clauses: readonly Clause[], byId: ReadonlyMap<string, Clause>): string | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id].join(' -> ');
    const clause = byId.get(id);
    if (!clause) return null;
    state.set(id, 'visiting');
    path.push(id);
    const uses = [...referencedClauses(clause.when), ...(clause.review ?? []).flatMap((r) => (r.and ?? []).map((a) => a.clause))];
    for (const next of uses) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const clause of clauses) {
    const cycle = visit(clause.id);
    if (cycle) return cycle;
  }
  return null;
}

export function lintClauses(file: ClauseFile, vocabulary: Vocabulary): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Clause>();
  problems.push(...citationProblems(file.clauses.map((clause) => ({ where: `clause ${quote(clause.id)}`, citation: clause.citation })), file.sources, 'the clause file'));
  for (const clause of file.clauses) {
    if (byId.has(clause.id)) problems.push(`clause ${quote(clause.id)} is defined twice`);
    byId.set(clause.id, clause);
  }
  for (const clause of file.clauses) {
    const at = `clause ${quote(clause.id)}`;
    lintNode(clause.when, clause.scope, byId, vocabulary, problems, at);
    for (const review of clause.review ?? []) {
      for (const key of review.keys ?? []) if (!vocabulary.recordKeys.includes(key)) problems.push(`${at}: review ${quote(review.code)} names unknown record key ${quote(key)}`);
      for (const other of review.and ?? []) {
        const target = byId.get(other.clause);
        if (!target) problems.push(`${at}: review ${quote(review.code)} names unknown clause ${quote(other.clause)}`);
        else if (target.scope === 'conviction' && clause.scope === 'record') problems.push(`${at}: review ${quote(review.code)} reads clause ${quote(other.clause)} of each conviction from a clause of the record`);
      }
    }
  }
  for (const [id, scope] of Object.entries(vocabulary.required)) {
    const clause = byId.get(id);
    if (!clause) problems.push(`clause ${quote(id)} is missing (the calculators read it)`);
    else if (clause.scope !== scope) problems.push(`clause ${quote(id)} must be of the ${scope}, not of each ${clause.scope}`);
  }
  const cycle = findCycle(file.clauses, byId);
  if (cycle) problems.push(`clause ${quote(cycle.split(' -> ')[0]!)} depends on itself: ${cycle}`);
  return problems;
}

/**
 * The single changes relief flips tries on one case:
 * (a) every named scenario the case can take (rules/scenarios.json): each option of each item (a
 *     plea per conviction, no conviction per conviction), an entry a day later per entry with an
 *     exact date, the screening a day later, a divorce; a scenario that moves a date by days is
 *     also tried with the days that carry the date across the nearest lines the rule packs draw;
 * (b) each known case fact given other values: a yes/no flipped, an enumeration's other values, a
 *     number moved into the other intervals the packs' thresholds cut (settling's own
 *     representatives, src/settle), an exact date moved across the days the packs' dates and
 *     periods make matter (settling's date cuts), nearest first, at most PROBES_PER_FIELD of them.
 * The search (search.ts) screens at most VALUES_PER_FIELD values of each in full.
 * Unknown facts are not answered here: the questions `relief screen` asks are those whose answer
 * could settle or change a result, so a flip is a change to what is known. The screening date is
 * moved only by its scenario (a later filing), since --as-of overrides the field.
 */
import { EXACT_DATE_PATTERN, parseExactDate, toIsoDate, type EpochDay } from '../case/dates.js';
import { parseWhatIf, type WhatIf } from '../case/what-if.js';
import { pathKeys, readKeys, withValue } from '../case/paths.js';
import type { Scenario } from '../scenarios/book.js';
import { expandScenario } from '../scenarios/expand.js';
import { parseScenarioRequest, ScenarioError } from '../scenarios/request.js';
import { fieldKindOf } from '../settle/field-kinds.js';
import { dateCuts, representatives } from '../settle/representatives.js';
import type { Thresholds } from '../settle/thresholds.js';
import type { ChangeabilityOf } from './changeability.js';
import { touchedKeys, type CaseContext, type Change } from './changes.js';

/** Values screened in full per known fact (or per scenario and item): those that move a finding, nearest first. */
export const VALUES_PER_FIELD = 4;
/**
 * Values probed per number or date, on the known facts alone (Kleene logic, no settling): the
 * nearest PROBES_NEAR and others spread evenly over the rest, so that a line far from the value
 * (an age of 31 on a fixed date, a sentence of a year) is crossed too.
 */
export const PROBES_PER_FIELD = 32;
const PROBES_NEAR = 8;

/** The values to probe, nearest first: all of them, or the nearest and others spread over the rest. */
function probed<T>(values: readonly T[]): T[] {
  if (values.length <= PROBES_PER_FIELD) return [...values];
  const rest = values.slice(PROBES_NEAR);
  const spread = PROBES_PER_FIELD - PROBES_NEAR;
  return [...values.slice(0, PROBES_NEAR), ...Array.from({ length: spread }, (_, i) => rest[Math.floor(((i + 1) * rest.length) / spread) - 1]!)];
}

/** Fields never moved as facts: the screening date has its scenario; the rest are labels and notes. */
const NOT_MOVED = new Set(['screeningDate']);

export interface CandidateContext extends CaseContext {
  screeningDay: EpochDay;
  thresholds: Thresholds;
  changeability: ChangeabilityOf;
}

/** "criminalHistory.convictions[0].label" -> "criminalHistory.convictions.0.label", the form both --what-if and the report print. */
const dotted = (path: string) => pathKeys(path).join('.');

/** The days after `from` that carry it across the nearest lines (the cut days themselves), nearest first. */
function daysToCuts(context: CandidateContext, path: string, from: EpochDay): number[] {
  const cuts = [...new Set(dateCuts(context.raw, path, context.screeningDay, context.thresholds))].filter((day) => day > from).sort((a, b) => a - b);
  return probed(cuts.map((day) => day - from));
}

/** The values a scenario's argument is tried with on one item. */
function amountsFor(context: CandidateContext, scenario: Scenario, item: number | undefined): (string | undefined)[] {
  const argument = scenario.argument;
  if (argument?.kind === 'option') return Object.keys(scenario.options!);
  if (!argument) return [undefined];
  const amounts = new Set([argument.default]);
  const shift = scenario.steps?.length === 1 && scenario.steps[0]!.op === 'shiftDays' ? scenario.steps[0]!.field : undefined;
  if (argument.kind === 'days' && shift) {
    const path = scenario.target ? `${scenario.target}[${item}].${shift}` : shift;
    const value = readKeys(context.raw, pathKeys(path));
    const from = typeof value === 'string' && EXACT_DATE_PATTERN.test(value) ? parseExactDate(value) : path === 'screeningDate' ? context.screeningDay : undefined;
    if (from !== undefined) for (const days of daysToCuts(context, path, from)) amounts.add(days);
  }
  return [...amounts].map(String);
}

export function scenarioCandidates(context: CandidateContext): Change[] {
  const out: Change[] = [];
  const screeningDate = toIsoDate(context.screeningDay);
  for (const [name, scenario] of Object.entries(context.book.scenarios)) {
    const list = scenario.target ? readKeys(context.raw, scenario.target.split('.')) : undefined;
    const items = scenario.target ? (Array.isArray(list) ? list.map((_, i) => i) : []) : [undefined];
    for (const item of items) {
      for (const amount of amountsFor(context, scenario, item)) {
        const argument = `${name}${item === undefined ? '' : `:${item}`}${amount === undefined ? '' : `=${amount}`}`;
        let made: WhatIf[];
        try {
          made = expandScenario(context.book, parseScenarioRequest(argument)!, context.raw, screeningDate);
        } catch (error) {
          // A scenario this case cannot take (an entry known only by its year): not a candidate.
          if (error instanceof ScenarioError) continue;
          throw error;
        }
        const option = amount !== undefined && scenario.options ? scenario.options[amount] : undefined;
        out.push({
          flag: '--scenario',
          argument,
          group: `${name}${item === undefined ? '' : `:${item}`}`,
          kind: scenario.kind,
          description: option ? `${option.description} [${option.citation}]` : scenario.description,
          scenarioDescription: scenario.description,
          ...(scenario.citation ? { citation: scenario.citation } : {}),
          touches: made.map(touchedKeys),
        });
      }
    }
  }
  return out;
}

type Leaf = { path: string; value: boolean | string | number };

/** The known facts of the case: each yes/no, number and text at its path (lists of values are not moved). */
function leaves(value: unknown, path: string, out: Leaf[]): Leaf[] {
  if (Array.isArray(value)) {
    if (value.some((item) => item !== null && typeof item === 'object')) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out);
  } else if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') out.push({ path, value });
  return out;
}

/** The values, nearest the current one first. */
function nearest<T>(values: readonly { value: T; distance: number }[]): T[] {
  return [...values].sort((a, b) => a.distance - b.distance).map((v) => v.value);
}

/** A number moved into the intervals next to its own, among those the packs' thresholds cut (settling's split of the field). */
function otherNumbers(context: CandidateContext, path: string, current: number): number[] {
  const without = readKeys(context.raw, pathKeys(path).slice(0, -1)) as Record<string, unknown>;
  const field = pathKeys(path).at(-1) as string;
  const { [field]: _dropped, ...rest } = without;
  const root = withValue(context.raw, pathKeys(path).slice(0, -1), rest);
  const intervals = representatives(path, root, context.screeningDay, context.thresholds) ?? [];
  const here = intervals.findIndex((r) => (r.value as number) <= current && current <= (r.upTo ?? Infinity));
  const others = intervals
    .map((r, i) => ({ value: i < here ? (r.upTo as number) : (r.value as number), distance: Math.abs(i - here) }))
    .filter((_, i) => i !== here);
  return probed(nearest(others));
}

/** An exact date moved across the nearest days the packs' dates and periods make matter: to the cut day ahead, or the day before a cut behind. */
function otherDates(context: CandidateContext, path: string, current: string): string[] {
  const day = parseExactDate(current);
  const moves = new Set<number>();
  for (const cut of dateCuts(context.raw, path, context.screeningDay, context.thresholds)) moves.add(cut > day ? cut : cut - 1);
  moves.delete(day);
  return probed(nearest([...moves].map((to) => ({ value: to, distance: Math.abs(to - day) })))).map(toIsoDate);
}

function otherValues(context: CandidateContext, leaf: Leaf): (boolean | string | number)[] {
  const kind = fieldKindOf(leaf.path);
  if (kind.kind === 'boolean' && typeof leaf.value === 'boolean') return [!leaf.value];
  if (kind.kind === 'enum') return kind.values.filter((v) => v !== leaf.value);
  if (kind.kind === 'number' && typeof leaf.value === 'number') return otherNumbers(context, leaf.path, leaf.value);
  if (kind.kind === 'text' && typeof leaf.value === 'string' && EXACT_DATE_PATTERN.test(leaf.value)) return otherDates(context, leaf.path, leaf.value);
  return [];
}

/** A value as --what-if reads it (YAML): text that YAML would read as something else is quoted. */
function yamlValue(value: boolean | string | number): string {
  if (typeof value !== 'string') return String(value);
  return parseWhatIf(`x=${value}`)?.value === value ? value : JSON.stringify(value);
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function fieldCandidates(context: CandidateContext): Change[] {
  const out: Change[] = [];
  for (const leaf of leaves(context.raw, '', [])) {
    if (NOT_MOVED.has(leaf.path)) continue;
    const path = dotted(leaf.path);
    const how = context.changeability(leaf.path);
    for (const value of otherValues(context, leaf)) {
      out.push({
        flag: '--what-if',
        argument: `${path}=${yamlValue(value)}`,
        group: path,
        kind: how.kind,
        description: `${path}: ${shown(leaf.value)} -> ${shown(value)}`,
        ...(how.reason ? { reason: how.reason } : {}),
        ...(how.citation ? { citation: how.citation } : {}),
        touches: [pathKeys(path)],
      });
    }
  }
  return out;
}

/** Every single change tried: the scenarios first (they say more), then the facts moved. */
export function candidates(context: CandidateContext): Change[] {
  return [...scenarioCandidates(context), ...fieldCandidates(context)];
}

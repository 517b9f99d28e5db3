/**
 * A named scenario, as asked on the command line (`plead:0=1325-first`, `entered-later:0=1`,
 * `divorced=3`), turned into the "what if" changes it makes to one case: each step reads the case
 * as the steps before it left it, so a sentence is cut to the maximum the plea just set. The
 * changes are then applied and reported like --what-if ones, each naming its scenario.
 */
import { applyWhatIfs, type WhatIf } from '../case/what-if.js';
import { readKeys } from '../case/paths.js';
import { EXACT_DATE_PATTERN, parseExactDate, toIsoDate, anniversary } from '../case/dates.js';
import { echo } from '../text/inert.js';
import type { Scenario, ScenarioBook, Step } from './book.js';
import { ScenarioError, type ScenarioRequest } from './request.js';

/** The scenario a request names, with its steps and its number argument; checked against the book, not yet the case. */
export function resolveScenario(book: ScenarioBook, request: ScenarioRequest): { scenario: Scenario; steps: Step[]; amount: number | undefined } {
  const scenario = Object.hasOwn(book.scenarios, request.name) ? book.scenarios[request.name]! : undefined;
  if (!scenario) throw new ScenarioError(request.text, `no such scenario (known: ${Object.keys(book.scenarios).join(', ')}; relief scenarios lists them)`);
  if (scenario.target && request.index === undefined) throw new ScenarioError(request.text, `name the item of ${scenario.target} it changes, e.g. ${request.name}:0${scenario.options ? `=${Object.keys(scenario.options)[0]}` : ''}`);
  if (!scenario.target && request.index !== undefined) throw new ScenarioError(request.text, 'this scenario changes the whole case: it takes no item number');
  const argument = scenario.argument;
  if (argument?.kind === 'option') {
    const option = request.value !== undefined && Object.hasOwn(scenario.options!, request.value) ? scenario.options![request.value] : undefined;
    if (!option) throw new ScenarioError(request.text, `choose one of ${Object.keys(scenario.options!).join(', ')}, e.g. ${request.name}:0=${Object.keys(scenario.options!)[0]}`);
    return { scenario, steps: option.steps, amount: undefined };
  }
  if (!argument) {
    if (request.value !== undefined) throw new ScenarioError(request.text, 'this scenario takes no value');
    return { scenario, steps: scenario.steps!, amount: undefined };
  }
  const amount = request.value === undefined ? argument.default : Number(request.value);
  if (!Number.isInteger(amount) || (argument.kind === 'years' && amount < 0)) throw new ScenarioError(request.text, `the value is a whole number of ${argument.kind}`);
  return { scenario, steps: scenario.steps!, amount };
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The changes one scenario makes to `raw` (the case as read), screened on `screeningDate`
 * (YYYY-MM-DD): what-ifs with absolute paths, in order.
 */
export function expandScenario(book: ScenarioBook, request: ScenarioRequest, raw: unknown, screeningDate: string): WhatIf[] {
  const { scenario, steps, amount } = resolveScenario(book, request);
  const base = scenario.target ? `${scenario.target}.${request.index}` : '';
  const at = (field: string) => (base ? `${base}.${field}` : field);
  if (scenario.target) {
    const list = readKeys(raw, scenario.target.split('.'));
    if (!Array.isArray(list) || request.index! >= list.length) {
      const count = Array.isArray(list) ? list.length : 0;
      throw new ScenarioError(request.text, `${scenario.target} has ${count} item${count === 1 ? '' : 's'} (numbered from 0)`);
    }
  }
  const changes: WhatIf[] = [];
  let current = raw;
  const read = (field: string) => readKeys(current, at(field).split('.'));
  const change = (path: string, value: unknown) => {
    const step = { path, value };
    changes.push(step);
    current = applyWhatIfs(current, [step]);
  };
  const exactDate = (field: string): number => {
    const value = read(field);
    if (typeof value !== 'string' || !EXACT_DATE_PATTERN.test(value)) {
      throw new ScenarioError(request.text, `${at(field)} is ${value === undefined ? 'not recorded' : `known only as ${echo(String(value))}`}: moving it by days needs an exact date (YYYY-MM-DD)`);
    }
    return parseExactDate(value);
  };
  for (const step of steps) {
    switch (step.op) {
      case 'set':
        change(at(step.field), isRecord(step.value) ? parameterValue(book, step.value as { parameter: string; key?: string }) : step.value);
        break;
      case 'capAt': {
        const value = read(step.field);
        const limit = read(step.limitField);
        if (typeof value === 'number' && typeof limit === 'number' && value > limit) change(at(step.field), limit);
        break;
      }
      case 'remove':
        change(base, null);
        break;
      case 'shiftDays': {
        // The screening date moves from the date screened on: --as-of, the case's own, or today.
        const from = step.field === 'screeningDate' && !base ? parseExactDate(screeningDate) : exactDate(step.field);
        change(at(step.field), toIsoDate(from + amount!));
        break;
      }
      case 'yearsBeforeScreening':
        change(at(step.field), toIsoDate(anniversary(parseExactDate(screeningDate), -amount!)));
        break;
    }
  }
  return changes;
}

function parameterValue(book: ScenarioBook, value: { parameter: string; key?: string }): unknown {
  const found = book.parameter(value.parameter);
  return value.key === undefined ? found : (found as Record<string, unknown>)[value.key];
}

/**
 * json-rules-engine 7.3.1's default operators (its dist/engine-default-operators.js and
 * operator.js), written out so the compiled evaluator gives the same answers without loading it.
 * An operator with a validator is false when the fact value fails it, before anything is compared:
 * the numeric ones accept what parseFloat reads as a number (so "12" and [12] pass, then compare
 * the way JavaScript's < does), `contains` and `doesNotContain` only a list. `in` and `notIn` call
 * the condition value's indexOf, so a text value is searched for a substring, and any other value
 * throws, as in json-rules-engine.
 */
import type { OPERATORS } from '../packs/schema.js';

export type OperatorName = (typeof OPERATORS)[number];

/** (fact value, condition value) => whether the condition holds. Loosely typed, as the library's are. */
type Test = (factValue: any, value: any) => boolean;

const isNumeric = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';

const TESTS: Record<OperatorName, Test> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumeric(a) && a < b,
  lessThanInclusive: (a, b) => isNumeric(a) && a <= b,
  greaterThan: (a, b) => isNumeric(a) && a > b,
  greaterThanInclusive: (a, b) => isNumeric(a) && a >= b,
};

/** The test for an operator the pack names; packs are linted at load, so an unknown one is a bug. */
export function operatorTest(operator: string): Test {
  if (!Object.hasOwn(TESTS, operator)) throw new Error(`unknown operator "${operator}"`);
  return TESTS[operator as OperatorName];
}

/**
 * The compiled evaluator on hand-made conditions, one operator and edge at a time. Each case states
 * the expected status and also runs through the reference engine (json-rules-engine read in
 * Kleene logic), which must give the same evaluation, trace and key order included.
 */
import { describe, expect, it } from '@jest/globals';
import { CompiledPack } from '../../src/evaluate/compiled.js';
import { PackEngine } from '../../src/evaluate/reference.js';
import type { ConditionTrace, RuleEvaluation } from '../../src/evaluate/engine.js';
import type { DerivedFacts } from '../../src/facts/derive.js';
import { derived, type FactValue } from '../../src/facts/calculator.js';
import type { LoadedPack } from '../../src/packs/load.js';
import type { Condition, LeafCondition } from '../../src/packs/schema.js';

/** A pack of one rule: all the engines read of a loaded pack. */
function packOf(conditions: Condition): LoadedPack {
  const rule = { id: 'the-rule', name: 'The rule', kind: 'bar', citation: 'INA', explanation: 'Why.', conditions };
  return { pack: { rules: [rule] } } as unknown as LoadedPack;
}

/** Fact values as derived facts; a value may be anything a calculator could hand back, undefined included. */
function factsOf(values: Record<string, unknown>): DerivedFacts {
  return new Map(Object.entries(values).map(([name, value]) => [name, derived(value as FactValue, `${name} detail`)]));
}

/** Evaluates with both engines, checks they agree exactly, and returns the compiled evaluation. */
async function evaluate(conditions: Condition, values: Record<string, unknown>): Promise<RuleEvaluation> {
  const loaded = packOf(conditions);
  const facts = factsOf(values);
  const compiled = new CompiledPack(loaded).evaluate(facts);
  const reference = await new PackEngine(loaded).evaluate(facts);
  expect(compiled).toStrictEqual(reference);
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
  return compiled[0]!;
}

/** One leaf, evaluated under an `all` (a rule's top condition is always a combinator). */
async function leaf(condition: LeafCondition, values: Record<string, unknown>): Promise<ConditionTrace> {
  return (await evaluate({ all: [condition] }, values)).trace.children![0]!;
}

const status = async (operator: string, factValue: unknown, value: LeafCondition['value']) => (await leaf({ fact: 'x', operator, value }, { x: factValue })).status;

describe('operators, as json-rules-engine runs them', () => {
  it.each([
    ['equal', 3, 3, 'applies'],
    ['equal', '3', 3, 'does_not_apply'],
    ['equal', true, true, 'applies'],
    ['equal', false, true, 'does_not_apply'],
    ['notEqual', 'a', 'b', 'applies'],
    ['notEqual', 3, 3, 'does_not_apply'],
    ['in', 'dui', ['dui', 'burglary'], 'applies'],
    ['in', 'theft', ['dui', 'burglary'], 'does_not_apply'],
    ['in', 2, ['2'], 'does_not_apply'],
    ['in', 'ur', 'burglary', 'applies'], // a text value is searched for a substring
    ['notIn', 'theft', ['dui'], 'applies'],
    ['notIn', 'dui', ['dui'], 'does_not_apply'],
    ['contains', ['dui', 'burglary'], 'dui', 'applies'],
    ['contains', ['dui'], 'theft', 'does_not_apply'],
    ['contains', 'dui and theft', 'dui', 'does_not_apply'], // only a list can contain
    ['doesNotContain', ['dui'], 'theft', 'applies'],
    ['doesNotContain', 'text', 'x', 'does_not_apply'],
    ['lessThan', 2, 3, 'applies'],
    ['lessThan', 3, 3, 'does_not_apply'],
    ['lessThanInclusive', 3, 3, 'applies'],
    ['greaterThan', 4, 3, 'applies'],
    ['greaterThan', 3, 3, 'does_not_apply'],
    ['greaterThanInclusive', 3, 3, 'applies'],
    ['greaterThanInclusive', 2.5, 3, 'does_not_apply'],
    ['greaterThan', '12', 10, 'applies'], // parseFloat reads it, then < coerces it
    ['greaterThan', '12 days', 10, 'does_not_apply'], // parseFloat reads 12, but "12 days" > 10 is false
    ['greaterThan', true, 0, 'does_not_apply'], // not a number: false, though true > 0
    ['lessThan', 'abc', 'b', 'does_not_apply'], // not a number: false, though "abc" < "b"
    ['greaterThan', [12], 10, 'applies'], // [12] reads as "12"
    ['lessThan', 5, '10', 'applies'],
  ] as const)('%s: fact %j, value %j: %s', async (operator, factValue, value, expected) => {
    expect(await status(operator, factValue, value as LeafCondition['value'])).toBe(expected);
  });

  it('a leaf reports its fact, operator, expected and actual values, labelled by its name or by itself', async () => {
    expect(await leaf({ fact: 'age', operator: 'lessThan', value: 31 }, { age: 30 })).toEqual({ label: 'age lessThan 31', status: 'applies', fact: 'age', operator: 'lessThan', expected: 31, actual: 30 });
    expect((await leaf({ name: 'Under 31', fact: 'age', operator: 'lessThan', value: 31 }, { age: 30 })).label).toBe('Under 31');
    expect((await leaf({ fact: 'kind', operator: 'in', value: ['a', 'b'] }, { kind: 'a' })).label).toBe('kind in ["a","b"]');
  });

  it('`in` over a value that is neither a list nor text throws, in both engines', async () => {
    const loaded = packOf({ all: [{ fact: 'x', operator: 'in', value: 5 }] });
    const facts = factsOf({ x: 5 });
    expect(() => new CompiledPack(loaded).evaluate(facts)).toThrow(TypeError);
    await expect(new PackEngine(loaded).evaluate(facts)).rejects.toThrow(TypeError);
  });
});

describe('unknown facts', () => {
  it.each(['equal', 'notEqual', 'notIn', 'doesNotContain', 'lessThan', 'greaterThanInclusive'])('a null or undefined value is unknown under %s, shown as null', async (operator) => {
    for (const value of [null, undefined]) {
      const trace = await leaf({ fact: 'x', operator, value: operator.endsWith('In') ? ['a'] : 1 }, { x: value });
      expect([trace.status, trace.actual]).toEqual(['unknown', null]);
    }
  });

  it('false and 0 are known values', async () => {
    expect(await status('equal', false, false)).toBe('applies');
    expect(await status('lessThan', 0, 1)).toBe('applies');
  });
});

describe('paths on record facts', () => {
  const record = { hasFelony: false, count: 2, missing: null };
  const path = (key: string, operator = 'equal', value: LeafCondition['value'] = false) => ({ fact: 'record', path: `$.${key}`, operator, value });

  it('read the named key, and name it in the trace', async () => {
    expect(await leaf(path('hasFelony'), { record })).toEqual({ label: 'record.hasFelony equal false', status: 'applies', fact: 'record.hasFelony', operator: 'equal', expected: false, actual: false });
    expect((await leaf(path('count', 'greaterThanInclusive', 2), { record })).status).toBe('applies');
  });

  it('a key that is null or absent is unknown', async () => {
    expect((await leaf(path('missing'), { record })).status).toBe('unknown');
    expect(await leaf(path('absent'), { record })).toMatchObject({ status: 'unknown', actual: null });
  });

  it('a record that is null is unknown; a value that is not a record is compared as it is', async () => {
    expect(await leaf(path('hasFelony'), { record: null })).toMatchObject({ status: 'unknown', actual: null });
    expect(await leaf(path('hasFelony', 'equal', 7), { record: 7 })).toMatchObject({ status: 'applies', actual: 7 });
  });
});

describe('all, any and not in Kleene logic, every child traced', () => {
  const known = (value: boolean) => ({ fact: value ? 'yes' : 'no', operator: 'equal', value: true });
  const unknown = { fact: 'unknown', operator: 'equal', value: true };
  const facts = { yes: true, no: false, unknown: null };
  const children = (trace: ConditionTrace) => trace.children!.map((child) => child.status);

  it('all: false beats unknown, unknown beats true', async () => {
    const trace = (await evaluate({ all: [known(true), unknown, known(false)] }, facts)).trace;
    expect([trace.status, children(trace)]).toEqual(['does_not_apply', ['applies', 'unknown', 'does_not_apply']]);
    expect((await evaluate({ all: [known(true), unknown] }, facts)).status).toBe('unknown');
    expect((await evaluate({ all: [known(true), known(true)] }, facts)).status).toBe('applies');
  });

  it('any: true beats unknown, unknown beats false', async () => {
    const trace = (await evaluate({ any: [known(false), unknown, known(true)] }, facts)).trace;
    expect([trace.status, children(trace)]).toEqual(['applies', ['does_not_apply', 'unknown', 'applies']]);
    expect((await evaluate({ any: [known(false), unknown] }, facts)).status).toBe('unknown');
    expect((await evaluate({ any: [known(false)] }, facts)).status).toBe('does_not_apply');
  });

  it('not: flips what is known, keeps unknown unknown', async () => {
    expect((await evaluate({ not: known(true) }, facts)).status).toBe('does_not_apply');
    expect((await evaluate({ not: known(false) }, facts)).status).toBe('applies');
    expect((await evaluate({ not: unknown }, facts)).status).toBe('unknown');
  });

  it('nested combinators are labelled by name or kind; the top one by the rule\'s name', async () => {
    const evaluation = await evaluate({ name: 'top', any: [{ not: { any: [unknown, known(false)] } }, { name: 'both', all: [known(true), { not: known(false) }] }] }, facts);
    expect(evaluation.status).toBe('applies');
    const { trace } = evaluation;
    expect([trace.label, trace.combinator]).toEqual(['The rule', 'any']);
    expect(trace.children!.map((child) => [child.label, child.combinator, child.status])).toEqual([
      ['not', 'not', 'unknown'],
      ['both', 'all', 'applies'],
    ]);
    expect(trace.children![0]!.children![0]).toMatchObject({ label: 'any of', combinator: 'any', status: 'unknown' });
  });

  it('a fact the pack did not derive is a bug, not an unknown', async () => {
    const loaded = packOf({ all: [known(true)] });
    expect(() => new CompiledPack(loaded).evaluate(factsOf({}))).toThrow(/fact "yes" was not derived/);
    await expect(new PackEngine(loaded).evaluate(factsOf({}))).rejects.toThrow(/Undefined fact: yes/);
  });
});

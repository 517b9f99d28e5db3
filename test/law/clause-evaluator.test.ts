import { describe, expect, it } from '@jest/globals';
import { parseExactDate, rangeOfField } from '../../src/case/dates.js';
import { ClauseSet, type Subjects } from '../../src/law/clause-evaluator.js';
import type { Clause, ClauseNode } from '../../src/law/clause-schema.js';
import type { Tri } from '../../src/facts/tri.js';

/** One conviction's raw facts, as a test gives them. */
interface Row {
  flag?: Tri;
  other?: Tri;
  days?: { low: number; high: number };
  date?: string;
  types?: string[];
}

const cite = [{ source: 'INA', pin: '1' }];
const clause = (id: string, when: ClauseNode, scope: Clause['scope'] = 'record', review?: Clause['review']): Clause => ({ id, name: `${id} name`, citation: cite, text: `${id} text`, scope, when, ...(review ? { review } : {}) });

function subjects(rows: Row[]): Subjects {
  return {
    count: rows.length,
    facts: {
      flag: (i) => rows[i]!.flag ?? null,
      other: (i) => rows[i]!.other ?? null,
      days: (i) => rows[i]!.days ?? { low: 0, high: Infinity },
      date: (i) => rangeOfField(rows[i]!.date),
      types: (i) => rows[i]!.types,
    },
    fields: (fact, i) => [`c${i}.${fact}`],
    name: (i) => `conviction ${i}`,
  };
}

const params = { limit: 180, total: 1000, years: 5, wanted: ['drug'] };
const screeningDay = parseExactDate('2020-06-15');

/** The value (and the settling fields) of clause "x" over the rows, with the other clauses given. */
function evaluate(when: ClauseNode, rows: Row[], scope: Clause['scope'] = 'record', others: Clause[] = []) {
  const set = new ClauseSet({ sources: [{ id: 'INA', title: 'INA' }], clauses: [...others, clause('x', when, scope)] });
  const run = set.run({ subjects: subjects(rows), params, screeningDay });
  return { value: scope === 'record' ? run.valueOf('x') : run.valueOf('x', 0), fields: run.fields(['x'], scope === 'record' ? -1 : 0), run };
}
const one = (when: ClauseNode, row: Row) => evaluate(when, [row], 'conviction').value;

describe('clause evaluator: groups are Kleene logic', () => {
  const both = { all: [{ fact: 'flag' }, { fact: 'other' }] };
  const either = { any: [{ fact: 'flag' }, { fact: 'other' }] };
  it.each([
    [true, true, true, true],
    [true, false, false, true],
    [false, false, false, false],
    [true, null, null, true],
    [false, null, false, null],
    [null, null, null, null],
  ] as const)('flag %p, other %p: all %p, any %p', (flag, other, all, any) => {
    expect(one(both, { flag, other })).toBe(all);
    expect(one(either, { flag, other })).toBe(any);
  });
  it('not turns true and false, keeps unknown', () => {
    expect(one({ not: { fact: 'flag' } }, { flag: true })).toBe(false);
    expect(one({ not: { fact: 'flag' } }, { flag: false })).toBe(true);
    expect(one({ not: { fact: 'flag' } }, {})).toBeNull();
  });
  it('an open question is unknown and names no case field', () => {
    const result = evaluate({ any: [{ fact: 'flag' }, { openQuestion: 'q' }] }, [{ flag: false }], 'conviction');
    expect(result.value).toBeNull();
    expect(result.fields).toEqual([]);
  });
});

describe('clause evaluator: comparisons with ranges', () => {
  const atMost = { fact: 'days', atMost: { parameter: 'limit' } };
  const atLeast = { fact: 'days', atLeast: { parameter: 'limit' } };
  it('at most: 180 passes, 181 fails, a range across the limit is unknown', () => {
    expect(one(atMost, { days: { low: 180, high: 180 } })).toBe(true);
    expect(one(atMost, { days: { low: 181, high: 181 } })).toBe(false);
    expect(one(atMost, { days: { low: 0, high: 365 } })).toBeNull();
    expect(one(atMost, { days: { low: 0, high: 180 } })).toBe(true);
  });
  it('at least: 180 passes, 179 fails, a range across the limit is unknown', () => {
    expect(one(atLeast, { days: { low: 180, high: 180 } })).toBe(true);
    expect(one(atLeast, { days: { low: 179, high: 179 } })).toBe(false);
    expect(one(atLeast, { days: { low: 0, high: Infinity } })).toBeNull();
    expect(one({ fact: 'days', atLeast: 0 }, { days: { low: 0, high: Infinity } })).toBe(true);
  });
  it('dates: on or after / before the day the parameter\'s years before the screening date', () => {
    const recent = { fact: 'date', onOrAfter: { yearsBeforeScreening: { parameter: 'years' } } };
    const longAgo = { fact: 'date', before: { yearsBeforeScreening: { parameter: 'years' } } };
    expect(one(recent, { date: '2015-06-15' })).toBe(true);
    expect(one(recent, { date: '2015-06-14' })).toBe(false);
    expect(one(longAgo, { date: '2015-06-14' })).toBe(true);
    expect(one(longAgo, { date: '2015-06-15' })).toBe(false);
    // A year alone straddles the cutoff.
    expect(one(recent, { date: '2015' })).toBeNull();
    expect(one(longAgo, { date: '2015' })).toBeNull();
    expect(one(recent, {})).toBeNull();
  });
  it('a list of types: unknown when the list is', () => {
    const typed = { fact: 'types', includesAnyOf: { parameter: 'wanted' } };
    expect(one(typed, { types: ['drug', 'theft'] })).toBe(true);
    expect(one(typed, { types: ['theft'] })).toBe(false);
    expect(one(typed, {})).toBeNull();
  });
});

describe('clause evaluator: quantifiers over the convictions', () => {
  const rows = (...flags: Tri[]) => flags.map((flag) => ({ flag }));
  it('some and every', () => {
    expect(evaluate({ some: { fact: 'flag' } }, rows(false, true)).value).toBe(true);
    expect(evaluate({ some: { fact: 'flag' } }, rows(false, null)).value).toBeNull();
    expect(evaluate({ some: { fact: 'flag' } }, rows(false, false)).value).toBe(false);
    expect(evaluate({ some: { fact: 'flag' } }, []).value).toBe(false);
    expect(evaluate({ every: { fact: 'flag' } }, rows(true, true)).value).toBe(true);
    expect(evaluate({ every: { fact: 'flag' } }, rows(true, null)).value).toBeNull();
    expect(evaluate({ every: { fact: 'flag' } }, rows(null, false)).value).toBe(false);
    expect(evaluate({ every: { fact: 'flag' } }, []).value).toBe(true);
  });
  it('count at least: sure ones reach it, possible ones fall short, or unknown', () => {
    const two = { countAtLeast: 2, of: { fact: 'flag' } };
    expect(evaluate(two, rows(true, true, false)).value).toBe(true);
    expect(evaluate(two, rows(true, false, false)).value).toBe(false);
    expect(evaluate(two, rows(true, null, false)).value).toBeNull();
  });
  it('sum at least: over the members, sure members\' lows against possible members\' highs', () => {
    const sum = { sumOf: 'days', over: { fact: 'flag' }, atLeast: { parameter: 'total' } };
    const row = (flag: Tri, low: number, high = low) => ({ flag, days: { low, high } });
    expect(evaluate(sum, [row(true, 600), row(true, 400)]).value).toBe(true);
    expect(evaluate(sum, [row(true, 600), row(true, 399)]).value).toBe(false);
    expect(evaluate(sum, [row(true, 600), row(false, 400)]).value).toBe(false);
    expect(evaluate(sum, [row(true, 600), row(null, 400)]).value).toBeNull();
    expect(evaluate(sum, [row(true, 600), row(true, 0, 500)]).value).toBeNull();
  });
});

describe('clause evaluator: what could settle an unknown clause', () => {
  it('names only the unknown leaves that leave it unknown', () => {
    const when = { all: [{ fact: 'flag' }, { fact: 'other' }, { fact: 'days', atMost: 10 }] };
    expect(evaluate(when, [{ flag: null, other: true }], 'conviction').fields).toEqual(['c0.flag', 'c0.days']);
    // A false leaf settles the group: nothing is asked.
    expect(evaluate(when, [{ flag: null, other: false }], 'conviction').fields).toEqual([]);
  });
  it('through clauses and quantifiers, per conviction', () => {
    const inner = clause('inner', { fact: 'flag' }, 'conviction');
    const result = evaluate({ some: { clause: 'inner' } }, [{ flag: false }, { flag: null }, { flag: null }], 'record', [inner]);
    expect(result.fields).toEqual(['c1.flag', 'c2.flag']);
  });
});

describe('clause evaluator: review points and the trace', () => {
  const set = new ClauseSet({
    sources: [{ id: 'INA', title: 'INA' }],
    clauses: [
      clause('inner', { fact: 'flag' }, 'conviction', [{ code: 'innerOpen', when: 'notFalse', and: [{ clause: 'other', is: 'false' }], keys: ['k'] }]),
      clause('other', { fact: 'other' }, 'conviction'),
      clause('outer', { some: { clause: 'inner' } }, 'record', [{ code: 'outerTrue', when: 'true' }]),
    ],
  });
  const run = set.run({ subjects: subjects([{ flag: true, other: false }, { flag: null, other: true }, { flag: false, other: false }]), params, screeningDay });
  it('raises a point where its conditions hold, naming the conviction', () => {
    const codes = new Set(['innerOpen', 'outerTrue']);
    expect([0, 1, 2].flatMap((i) => run.convictionReviews(i, codes))).toEqual([{ code: 'innerOpen', subject: 'conviction 0', keys: ['k'] }]);
    expect(run.recordReviews(codes)).toEqual([{ code: 'outerTrue' }]);
    expect(run.recordReviews(new Set())).toEqual([]);
  });
  it('traces each clause once, with its name, citation and values per conviction', () => {
    const trace = run.trace(['outer']);
    expect(Object.keys(trace)).toEqual(['outer', 'inner']);
    expect(trace.outer).toMatchObject({ name: 'outer name', citation: 'INA 1', citations: cite, value: true, uses: ['inner'] });
    expect(trace.inner!.instances).toEqual([
      { name: 'conviction 0', value: true },
      { name: 'conviction 1', value: null },
      { name: 'conviction 2', value: false },
    ]);
  });
});

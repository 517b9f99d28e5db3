/**
 * Settling by cases agrees with brute force. For each fixture and boundary variant, and each
 * result Kleene logic leaves open that reaches at most 10 splittable case fields, every
 * combination of the fields' representative values is screened (up to 4,096 completions). Where
 * settling says settled, every combination that settles gives that value (eligible or eligible
 * with a waiver for an outcome settled as eligible with a waiver); where every combination settles
 * to one value and settling needed at most its depth, settling says settled too.
 */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { Screener } from '../../src/app/screen.js';
import { CompiledPack } from '../../src/evaluate/compiled.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { CaseCompletions, OUTCOME, type Assignment } from '../../src/settle/completions.js';
import { representatives } from '../../src/settle/representatives.js';
import { SETTLE_BUDGET } from '../../src/settle/search.js';
import { thresholdsOf } from '../../src/settle/thresholds.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';

const packs = await loadRulePacks();
const plain = new Screener(packs, { settle: false });
const settling = new Screener(packs, { witnesses: false });
const compiled = new Map(packs.packs.map((loaded) => [loaded.pack.program, new CompiledPack(loaded)]));
const thresholds = thresholdsOf(packs);
const cases = [...loadCaseFixtures(), ...loadCaseFixtures('teaching'), ...loadBoundaryFixtures().flatMap((f) => f.variants)];

const MAX_FIELDS = 10;
const MAX_COMBINATIONS = 4096;

function* combinations(fields: { field: string; reps: Assignment[] }[], at = 0, chosen: Assignment[] = []): Generator<Assignment[]> {
  if (at === fields.length) {
    yield chosen;
    return;
  }
  for (const rep of fields[at]!.reps) yield* combinations(fields, at + 1, [...chosen, rep]);
}

describe('settled by cases agrees with enumerating every completion', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, fixture) => {
    const caseFile = CaseFile.parse(fixture.caseValue);
    const screeningDay = parseExactDate((fixture.caseValue as { screeningDate: string }).screeningDate);
    const before = await plain.screen(caseFile, { screeningDay, source: 'brute force' });
    const after = await settling.screen(caseFile, { screeningDay, source: 'brute force' });
    const completions = new CaseCompletions(compiled, caseFile, screeningDay);
    const problems: string[] = [];
    for (const program of before.programs) {
      const results = [...(program.outcome === 'not_enough_information' ? [OUTCOME] : []), ...(program.undetermined ?? [])];
      for (const result of results) {
        const reached = completions.state([], program.program)!.reach.get(result) ?? [];
        const fields = reached
          .map((field) => ({ field, reps: (representatives(field, caseFile, screeningDay, thresholds) ?? []).map((r): Assignment => ({ path: field, value: r.value, ...(r.upTo !== undefined ? { upTo: r.upTo } : {}) })) }))
          .filter((f) => f.reps.length > 0);
        const count = fields.reduce((n, f) => n * f.reps.length, 1);
        if (fields.length === 0 || fields.length > MAX_FIELDS || count > MAX_COMBINATIONS) continue;
        const seen = new Set<string | null>();
        for (const assignments of combinations(fields)) {
          const state = completions.state(assignments, program.program);
          if (state) seen.add(state.values.get(result) ?? null);
          else if (assignments.some((a) => a.upTo !== undefined)) seen.add(null); // an interval's value ruled out: open
        }
        const settled = after.programs.find((p) => p.program === program.program)!;
        const value = result === OUTCOME ? (settled.outcome === 'not_enough_information' ? null : settled.outcome!) : (settled.classifications?.[result] ?? null);
        const definite = [...seen].filter((v): v is string => v !== null);
        if (value !== null) {
          const allowed = value === 'eligible_with_waiver' ? ['eligible', 'eligible_with_waiver'] : [value];
          const wrong = definite.filter((v) => !allowed.includes(v));
          if (wrong.length) problems.push(`${program.program} ${result}: settled as ${value}, but completions give ${wrong.join(', ')}`);
        } else if (!seen.has(null) && fields.length <= SETTLE_BUDGET.maxDepth) {
          const classes = new Set(definite.map((v) => (result === OUTCOME && v !== 'barred' ? 'not_barred' : v)));
          if (classes.size === 1) problems.push(`${program.program} ${result}: every completion gives ${definite.join(' or ')}, but it was left open`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

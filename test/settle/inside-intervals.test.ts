/**
 * A representative stands for its whole interval (a number) or span (a date): settling is sound
 * only if every value inside gives what the representative gives. The brute-force test enumerates
 * the representatives themselves, so it cannot see a line the representatives miss; this one does.
 * For every result settled by cases on the fixtures and boundary variants, completions are drawn
 * with each field split on set to a random value inside a random interval or span (seeded), checked
 * like a case file (a completion the record rules out is skipped) and screened from scratch without
 * settling: each must give the settled value, or be open (its other unknowns still unknown), never
 * another value.
 */
import { describe, expect, it } from '@jest/globals';
import { parseDateSpec, parseExactDate, toIsoDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { applyWhatIfs } from '../../src/case/what-if.js';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { representatives, type Representative } from '../../src/settle/representatives.js';
import { thresholdsOf } from '../../src/settle/thresholds.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';

const packs = await loadRulePacks();
const settling = new Screener(packs, { witnesses: false });
const plain = new Screener(packs, { settle: false });
const thresholds = thresholdsOf(packs);
const cases = [...loadCaseFixtures(), ...loadCaseFixtures('teaching'), ...loadBoundaryFixtures().flatMap((f) => f.variants)];

const DRAWS = 24;

/** A small seeded generator (mulberry32): the same draws on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value inside what `rep` stands for: a number of its interval (an open-ended one up to twice its start plus a year), a day of its span. */
function inside(rep: Representative, next: () => number): unknown {
  if (typeof rep.value === 'number' && rep.upTo !== undefined) {
    const end = rep.upTo === Infinity ? rep.value * 2 + 365 : rep.upTo;
    return rep.value + Math.floor(next() * (end - rep.value + 1));
  }
  const span = typeof rep.value === 'string' ? parseDateSpec(rep.value) : undefined;
  if (span && span.latest > span.earliest) return toIsoDate(span.earliest + Math.floor(next() * (span.latest - span.earliest + 1)));
  return rep.value;
}

const notBarred = (value: string) => value === 'eligible' || value === 'eligible_with_waiver';

describe('a result settled by cases holds for every value inside the intervals split on', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, fixture, i) => {
    const screeningDay = parseExactDate((fixture.caseValue as { screeningDate: string }).screeningDate);
    const report = await settling.screen(CaseFile.parse(fixture.caseValue), { screeningDay, source: 'inside' });
    const settled = report.programs.flatMap((program) => (program.byCases ?? []).filter((b) => b.settled).map((b) => ({ program: program.program, ...b })));
    const next = random(20121215 + i);
    const problems: string[] = [];
    for (const { program, result, value, splitOn } of settled) {
      for (let draw = 0; draw < DRAWS; draw++) {
        const set = splitOn.map((path) => {
          const reps = representatives(path, fixture.caseValue, screeningDay, thresholds) ?? [];
          return { path: path.replace(/\[(\d+)\]/g, '.$1'), value: reps.length ? inside(reps[Math.floor(next() * reps.length)]!, next) : null };
        });
        const completed = CaseFile.safeParse(applyWhatIfs(fixture.caseValue, set));
        if (!completed.success) continue; // a value the record rules out (more days suspended than imposed)
        const fresh = (await plain.screen(completed.data, { screeningDay, source: 'inside', programs: [program] })).programs[0]!;
        const got = result === 'outcome' ? fresh.outcome! : (fresh.classifications?.[result] ?? null);
        const open = got === null || got === 'not_enough_information';
        const agrees = got === value || (value === 'eligible_with_waiver' && notBarred(got!));
        if (!open && !agrees) problems.push(`${program} ${result} settled as ${value}, but ${JSON.stringify(set)} gives ${got}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExactDate } from '../../src/case/dates.js';
import { InputError } from '../../src/case/input-error.js';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks, rulePacksOn } from '../../src/packs/load.js';
import { DatedPacks, indexInForce } from '../../src/packs/dated-parameters.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-dated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/** A copy of the real rules with one parameter of rules/t-visa/parameters.json replaced. */
function rulesWithParameter(name: string, parameter: unknown): string {
  const dir = join(scratch, `rules-${counter++}`);
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, 't-visa', 'parameters.json');
  const parameters = JSON.parse(readFileSync(file, 'utf8'));
  parameters.parameters[name] = parameter;
  writeFileSync(file, JSON.stringify(parameters));
  return dir;
}

async function problemsOf(dir: string): Promise<string> {
  try {
    await loadRulePacks(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as PackError).problems.join(' | ');
  }
  throw new Error('the packs loaded');
}

const day = parseExactDate;
const values = [
  { from: '2000-10-28', value: 15, citation: [{ source: 'old' }] },
  { from: '2003-12-19', value: 18, citation: [{ source: 'new' }] },
];

describe('the value in force on a date', () => {
  it('is the latest value whose "from" is on or before the date', () => {
    expect(indexInForce(values, day('2000-10-27'))).toBe(-1);
    expect(indexInForce(values, day('2000-10-28'))).toBe(0);
    expect(indexInForce(values, day('2003-12-18'))).toBe(0);
    expect(indexInForce(values, day('2003-12-19'))).toBe(1);
    expect(indexInForce(values, 'latest')).toBe(1);
  });

  const age = { name: 'age', file: 'rules/t-visa/parameters.json', values, firstCitation: 'the old act' };
  const later = { name: 'later', file: 'rules/shared-parameters.json', values: [{ from: '2001-01-01', value: 1, citation: [{ source: 'later' }] }], firstCitation: 'the later act' };
  const programs = [
    { program: 'daca', title: 'DACA', shortTitle: 'DACA', dated: [] },
    { program: 't-visa', title: 'T nonimmigrant status', shortTitle: 'T visa', dated: [age, later] },
  ];

  it('builds one set of packs per epoch, and gives the latest packs after the last change', () => {
    const built: number[] = [];
    const dated = new DatedPacks(programs, 'latest', (when) => {
      built.push(when);
      return `packs of ${when}`;
    });
    expect(dated.on(day('2024-01-01'), 'case')).toEqual({ packs: 'latest', notInForce: [], laterLaw: new Set() });
    const early = dated.on(day('2001-01-01'), 'case').packs;
    expect(dated.on(day('2003-12-18'), 'case').packs).toBe(early);
    expect(built).toHaveLength(1);
  });

  it('leaves out a program before the first value of a parameter it reads, naming the latest such first date, and screens the others', () => {
    const left: ReadonlySet<string>[] = [];
    const dated = new DatedPacks(programs, 'latest', (_when, notInForce) => {
      left.push(notInForce);
      return 'packs without the T visa';
    });
    const onDate = dated.on(day('1999-05-01'), 'client.yaml');
    expect(onDate).toEqual({
      packs: 'packs without the T visa',
      notInForce: [{ program: 't-visa', title: 'T nonimmigrant status', shortTitle: 'T visa', inForceFrom: '2001-01-01', parameter: 'later', citation: 'the later act' }],
      laterLaw: new Set(['t-visa']),
    });
    expect(left).toEqual([new Set(['t-visa'])]);
    expect(dated.on(day('2000-11-01'), 'client.yaml').notInForce).toEqual([expect.objectContaining({ inForceFrom: '2001-01-01', parameter: 'later' })]);
    // --program daca: the T visa is not asked for, so not looked at; its law still came later (no pointer names it).
    expect(dated.on(day('1999-05-01'), 'client.yaml', ['daca']).notInForce).toEqual([]);
    expect(dated.on(day('1999-05-01'), 'client.yaml', ['daca']).laterLaw).toEqual(new Set(['t-visa']));
  });

  it('is a clear input error when no program asked for is in force, naming the date, each first date, parameter, file and law', () => {
    const dated = new DatedPacks(programs, 'latest', () => 'x');
    expect(() => dated.on(day('1999-05-01'), 'client.yaml', ['t-visa'])).toThrow(InputError);
    expect(() => dated.on(day('1999-05-01'), 'client.yaml', ['t-visa'])).toThrow(
      'client.yaml: screeningDate: 1999-05-01 is before the law of every program asked for, so none can be screened on that date: T visa (t-visa) from 2001-01-01, the first date from which its rules give parameter "later" (rules/shared-parameters.json) a value (the later act) (choose a later screening date, or --as-of)',
    );
    const onlyDated = new DatedPacks([programs[1]!], 'latest', () => 'never built');
    expect(() => onlyDated.on(day('1999-05-01'), 'client.yaml')).toThrow('1999-05-01 is before the law of every program asked for');
    expect(onlyDated.on(day('2001-01-01'), 'client.yaml').packs).toBe('never built');
  });
});

describe('dated parameters in the bundled packs', () => {
  it('screen a case under the value in force on its screening date, with that value\'s citation and date', async () => {
    const rulePacks = await loadRulePacks();
    const fact = (packs: typeof rulePacks) => packs.packs.find((p) => p.pack.program === 't-visa')!.facts.get('underCooperationExemptionAgeAtFirstAct')!;
    const before = fact(rulePacksOn(rulePacks, day('2003-12-18'), 'case'));
    const after = fact(rulePacksOn(rulePacks, day('2003-12-19'), 'case'));
    expect(before.parameters).toEqual([expect.objectContaining({ name: 'cooperationExemptionAge', value: 15, inForceFrom: '2000-10-28', citation: expect.stringContaining('TVPA 2000') })]);
    expect((before.params as { years: number }).years).toBe(15);
    expect(after.parameters).toEqual([expect.objectContaining({ value: 18, inForceFrom: '2003-12-19' })]);
    expect(rulePacksOn(rulePacks, day('2025-01-01'), 'case')).toBe(rulePacks);
    expect(rulePacksOn(rulePacks, day('2004-01-01'), 'case').version).toBe(rulePacks.version);
  });
});

describe('a dated parameter that is not well formed', () => {
  it('is reported in its file: both forms, no citation per value, values out of order, none at all', async () => {
    expect(await problemsOf(rulesWithParameter('minorAge', { value: 18, values, description: 'd' }))).toContain('a parameter holds "value" or dated "values", not both');
    expect(await problemsOf(rulesWithParameter('minorAge', { values: [{ from: '2000-10-28', value: 15 }], description: 'd' }))).toMatch(/parameter "minorAge" in rules-\d+\/t-visa\/parameters.json at values\[0\].citation/);
    expect(await problemsOf(rulesWithParameter('minorAge', { values: [...values].reverse(), description: 'd' }))).toContain('must come after the previous value\'s "from" (2003-12-19)');
    expect(await problemsOf(rulesWithParameter('minorAge', { values: [], description: 'd' }))).toContain('a dated parameter needs at least one value');
    expect(await problemsOf(rulesWithParameter('minorAge', { values, citation: [{ source: 'INA' }], description: 'd' }))).toContain('cites the law beside each of its values');
  });
});

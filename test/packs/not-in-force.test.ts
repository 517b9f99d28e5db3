/**
 * Which programs a screening date leaves out (packs/dated-parameters.ts, packs/load.ts): a program
 * is not in force on a date before the first value of a dated parameter its rules read, its own or
 * a shared one its pack uses; a shared one no pack reads leaves every program in. The packs of one
 * epoch are built once, without the programs it leaves out.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExactDate } from '../../src/case/dates.js';
import { DEFAULT_RULES_DIR, loadRulePacks, packsOn, type RulePacks } from '../../src/packs/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-not-in-force-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/** A copy of the real rules with parameters of rules/shared-parameters.json replaced or added. */
function rulesWithSharedParameters(parameters: Record<string, unknown>): string {
  const dir = join(scratch, `rules-${counter++}`);
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, 'shared-parameters.json');
  const shared = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(shared.parameters, parameters);
  writeFileSync(file, JSON.stringify(shared));
  return dir;
}

const day = parseExactDate;
const screened = (rulePacks: RulePacks) => rulePacks.packs.map((loaded) => loaded.pack.program);
const ALL = ['daca', 'morton', 'non-lpr-cancellation', 's744-rpi', 't-visa', 'u-visa', 'vawa-cancellation', 'vawa-self-petition'];

describe('the bundled packs on a date before the T and U visas', () => {
  it('leave out the T and U visas (the VTVPA 2000), built once for every date of the epoch, and keep them from 2000-10-28', async () => {
    const rulePacks = await loadRulePacks();
    const early = packsOn(rulePacks, day('1999-06-01'), 'case');
    expect(screened(early.packs)).toEqual(ALL.filter((program) => program !== 't-visa' && program !== 'u-visa'));
    expect(early.notInForce).toEqual([
      expect.objectContaining({ program: 't-visa', inForceFrom: '2000-10-28', parameter: 'cooperationExemptionAge' }),
      expect.objectContaining({ program: 'u-visa', inForceFrom: '2000-10-28', parameter: 'qualifyingCriminalActivity' }),
    ]);
    expect(early.packs.version).toBe(rulePacks.version);
    expect(packsOn(rulePacks, day('2000-10-27'), 'case').packs).toBe(early.packs);
    const onTheDay = packsOn(rulePacks, day('2000-10-28'), 'case');
    expect(screened(onTheDay.packs)).toEqual(ALL);
    expect(onTheDay.notInForce).toEqual([]);
  });
});

describe('a shared dated parameter', () => {
  const dated = (description: string) => ({
    values: [
      { from: '2005-01-01', value: 180, citation: [{ source: 'INA', pin: '101(f)(7)' }] },
      { from: '2010-01-01', value: 200, citation: [{ source: 'INA', pin: '101(f)(7)' }] },
    ],
    description,
  });

  it('leaves out, before its first value, exactly the programs whose packs read it, citing it by its own sources', async () => {
    // confinementBarDays is read by the two VAWA packs and non-LPR cancellation only.
    const rulePacks = await loadRulePacks(rulesWithSharedParameters({ confinementBarDays: dated('Confined as a result of conviction for an aggregate period of {confinementBarDays} days or more.') }));
    const before = packsOn(rulePacks, day('2004-12-31'), 'case');
    expect(screened(before.packs)).toEqual(['daca', 'morton', 's744-rpi', 't-visa', 'u-visa']);
    expect(before.notInForce.map((entry) => [entry.program, entry.inForceFrom, entry.parameter, entry.citation])).toEqual([
      ['non-lpr-cancellation', '2005-01-01', 'confinementBarDays', 'INA 101(f)(7)'],
      ['vawa-cancellation', '2005-01-01', 'confinementBarDays', 'INA 101(f)(7)'],
      ['vawa-self-petition', '2005-01-01', 'confinementBarDays', 'INA 101(f)(7)'],
    ]);
    expect(screened(packsOn(rulePacks, day('2005-01-01'), 'case').packs)).toEqual(ALL);
    // Before the T and U visas too: the other programs are screened; asked for the VAWA packs alone, none is in force.
    expect(screened(packsOn(rulePacks, day('1999-06-01'), 'case').packs)).toEqual(['daca', 'morton', 's744-rpi']);
    expect(() => packsOn(rulePacks, day('1999-06-01'), 'case.yaml', ['vawa-cancellation', 'vawa-self-petition'])).toThrow(
      /1999-06-01 is before the law of every program asked for, so none can be screened on that date: VAWA cancellation \(vawa-cancellation\) from 2005-01-01, .*; VAWA self-petition \(vawa-self-petition\) from 2005-01-01/,
    );
  });

  it('that no pack reads leaves every program in force', async () => {
    const rulePacks = await loadRulePacks(rulesWithSharedParameters({ unreadDatedDays: dated('Read by no pack.') }));
    const onDate = packsOn(rulePacks, day('2004-12-31'), 'case');
    expect(screened(onDate.packs)).toEqual(ALL);
    expect(onDate.notInForce).toEqual([]);
  });
});

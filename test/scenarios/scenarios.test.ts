/** Named scenarios (rules/scenarios.json, src/scenarios): coherent what-ifs for the questions students ask (issue 15, item 2). */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR } from '../../src/packs/rules-dir.js';
import { loadScenarioBook } from '../../src/scenarios/book.js';
import { expandScenario } from '../../src/scenarios/expand.js';
import { parseScenarioRequest } from '../../src/scenarios/request.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-scenarios-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ramos1326 = join(FIXTURES_DIR, 'cases', 'ramos-1326.case.yaml');
const book = loadScenarioBook(DEFAULT_RULES_DIR);
const request = (text: string) => parseScenarioRequest(text)!;

/** Each program's outcome, or its classifications. */
async function results(...args: string[]): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await runCli(['screen', ...args, '--format', 'json']);
  expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
  const report = JSON.parse(stdout) as { programs: { program: string; outcome?: string; classifications?: Record<string, string | null> }[] };
  return Object.fromEntries(report.programs.map((p) => [p.program, p.outcome ?? p.classifications]));
}

/** A copy of a case file with some of its raw content changed. */
function caseWith(name: string, change: (raw: Record<string, any>) => void): string {
  const raw = parseYaml(readFileSync(join(FIXTURES_DIR, 'cases', `${name}.case.yaml`), 'utf8')) as Record<string, any>;
  change(raw);
  const file = join(scratch, `${name}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, stringify(raw));
  return file;
}

describe('--scenario plead', () => {
  it('gives Ramos the results of the three --what-if flags of docs/commands.md, and says the statute is 1325', async () => {
    const flags = ['--what-if', 'criminalHistory.convictions.0.maximumPenaltyDays=180', '--what-if', 'criminalHistory.convictions.0.offenseTypes=[illegal_entry_1325_first]', '--what-if', 'criminalHistory.convictions.0.label=misdemeanor'];
    const pleaded = await results(ramos1326, '--scenario', 'plead:0=1325-first');
    expect(pleaded).toEqual(await results(ramos1326, ...flags));
    expect(pleaded).not.toEqual(await results(ramos1326));
    expect(pleaded['s744-rpi']).toBe('eligible_with_waiver');
    const { stdout } = await runCli(['screen', ramos1326, '--scenario', 'plead:0=1325-first', '--width', '1000']);
    expect(stdout).toContain('WHAT IF: scenario plead:0=1325-first: criminalHistory.convictions.0.statute = "8 U.S.C. 1325(a)"');
  });

  it('takes the new maximum from the shared parameters and cuts a longer sentence to it', () => {
    const raw = { criminalHistory: { convictions: [{ statute: '8 U.S.C. 1326(a)', maximumPenaltyDays: 730, sentenceImposedDays: 400, sentenceToCustodyDays: 100 }] } };
    const changes = expandScenario(book, request('plead:0=1325-first'), raw, '2014-07-01');
    const set = Object.fromEntries(changes.map((c) => [c.path.replace('criminalHistory.convictions.0.', ''), c.value]));
    const maximum = (JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'shared-parameters.json'), 'utf8')) as any).parameters.statutoryMaximumDaysByOffenseType.value.illegal_entry_1325_first;
    expect(set).toMatchObject({ statute: '8 U.S.C. 1325(a)', label: 'misdemeanor', maximumPenaltyDays: maximum, offenseTypes: ['illegal_entry_1325_first'], sentenceImposedDays: maximum });
    // A sentence within the new maximum is left as it was.
    expect(set).not.toHaveProperty('sentenceToCustodyDays');
  });
});

describe('the other scenarios', () => {
  it('no-conviction takes the conviction out', async () => {
    const none = await results(ramos1326, '--scenario', 'no-conviction:0');
    expect(none.morton).toEqual({ priority: expect.not.stringMatching(/^1$/), level: 'none' });
  });

  it('entered-later moves an exact entry date, and refuses one known only roughly', async () => {
    const exact = caseWith('daca-baseline', () => undefined);
    const raw = parseYaml(readFileSync(exact, 'utf8')) as { entries: { date: string }[] };
    const [change] = expandScenario(book, request('entered-later:0=2'), raw, '2013-01-15');
    const day = (text: string) => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
    expect(day(change!.value as string) - day(raw.entries[0]!.date)).toBe(2);
    const rough = await runCli(['screen', ramos1326, '--scenario', 'entered-later:0']);
    expect(rough.code).toBe(EXIT.usage);
    expect(rough.stderr).toContain('entries.0.date is known only as 1989-03/1990-03: moving it by days needs an exact date');
  });

  it('divorced sets the marriage to the abuser ended by divorce the given years before the screening', () => {
    const changes = expandScenario(book, request('divorced=3'), {}, '2014-07-01');
    expect(changes).toEqual([
      { path: 'family.maritalStatus', value: 'divorced' },
      { path: 'abuse.marriageStatus', value: 'ended' },
      { path: 'abuse.marriageEndReason', value: 'divorce' },
      { path: 'abuse.marriageEndedOn', value: '2011-07-01' },
    ]);
  });

  it('screened-later moves the screening date, recorded or not', () => {
    expect(expandScenario(book, request('screened-later=30'), { screeningDate: '2014-07-01' }, '2014-07-01')).toEqual([{ path: 'screeningDate', value: '2014-07-31' }]);
    expect(expandScenario(book, request('screened-later'), {}, '2026-11-22')).toEqual([{ path: 'screeningDate', value: '2026-11-23' }]);
  });
});

describe('asking for a scenario wrongly', () => {
  it.each([
    ['plead:0=1324', 'choose one of 1325-first, 1325-subsequent, 1326-reentry'],
    ['plead=1325-first', 'name the item of criminalHistory.convictions it changes'],
    ['plead:3=1325-first', 'criminalHistory.convictions has 1 item (numbered from 0)'],
    ['divorced:0', 'it takes no item number'],
    ['entered-later:0=soon', 'the value is a whole number of days'],
    ['plead:first', 'must be NAME, NAME:ITEM or NAME:ITEM=VALUE'],
    ['parole', 'no such scenario'],
  ])('%s is a usage error: %s', async (scenario, message) => {
    const { code, stdout, stderr } = await runCli(['screen', ramos1326, '--scenario', scenario]);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: '' });
    expect(stderr).toContain(message);
  });

  it('finds an unknown scenario before it reads the case', async () => {
    const { code, stderr } = await runCli(['screen', join(scratch, 'missing.yaml'), '--scenario', 'parole']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).not.toContain('missing.yaml');
  });
});

describe('the scenario book', () => {
  it('is listed by relief scenarios, every scenario and option with its kind', async () => {
    const { code, stdout } = await runCli(['scenarios']);
    expect(code).toBe(EXIT.ok);
    for (const [name, scenario] of Object.entries(book.scenarios)) {
      expect(stdout).toContain(`--scenario ${name}`);
      for (const option of Object.keys(scenario.options ?? {})) expect(stdout).toContain(`${option}: `);
    }
    expect(stdout).toContain('a counterfactual: a fact that cannot change');
    expect(stdout).toContain('a choice the client or counsel can still make');
  });

  it('refuses a book whose step names a parameter that does not exist (exit 3)', async () => {
    const rules = join(scratch, 'rules');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const file = join(rules, 'scenarios.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"key": "illegal_entry_1325_first"', '"key": "illegal_entry_1325_frist"'));
    const { code, stderr } = await runCli(['screen', ramos1326, '--rules', rules, '--scenario', 'plead:0=1325-first']);
    expect(code).toBe(EXIT.invalidRulePack);
    expect(stderr).toContain('plead: no shared parameter statutoryMaximumDaysByOffenseType.illegal_entry_1325_frist');
  });
});

describe('screened-later with --as-of', () => {
  it('moves the screening date from the --as-of date', async () => {
    const { stdout } = await runCli(['screen', ramos1326, '--as-of', '2014-08-01', '--scenario', 'screened-later=10', '--format', 'json']);
    expect((JSON.parse(stdout) as { screeningDate: string }).screeningDate).toBe('2014-08-11');
  });
});

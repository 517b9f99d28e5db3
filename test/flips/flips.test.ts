/** relief flips: the smallest changes that change a result, each marked a choice, a question of law or a counterfactual (issue 15, item 3). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldKind } from '../../src/case/fields.js';
import { parseWhatIf } from '../../src/case/what-if.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { CHANGE_KINDS, CHANGEABLE_FACTS_FILE, loadChangeability } from '../../src/flips/changeability.js';
import { DEFAULT_RULES_DIR } from '../../src/packs/rules-dir.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

interface JsonChange {
  flag: '--scenario' | '--what-if';
  argument: string;
  kind: string;
  description: string;
  reason?: string;
  citation?: string;
}
interface JsonFlip {
  kind: string;
  changes: JsonChange[];
  result: Record<string, unknown>;
}
interface JsonFlips {
  screeningDate: string;
  screenedWith: string[];
  search: { changeGroups: number; valuesPerField: number; probesPerField: number; probes: number; pairsPerProgram: number; singleChanges: number; skipped: number; screenings: number; screeningBound: number };
  programs: { program: string; result: Record<string, unknown>; pairsTried: number; flips: JsonFlip[] }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'relief-flips-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const caseFile = (name: string) => join(FIXTURES_DIR, 'cases', `${name}.case.yaml`);

/** relief flips' JSON report; each search run once, for the tests that read it. */
const searched = new Map<string, Promise<JsonFlips>>();
function flips(...args: string[]): Promise<JsonFlips> {
  const key = args.join('\n');
  if (!searched.has(key)) {
    searched.set(
      key,
      runCli(['flips', ...args, '--format', 'json']).then(({ code, stdout, stderr }) => {
        expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
        return JSON.parse(stdout) as JsonFlips;
      }),
    );
  }
  return searched.get(key)!;
}

/** A program's result as relief screen gives it: its outcome, or its classifications (priority and level). */
async function screened(file: string, program: string, args: string[]): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await runCli(['screen', file, ...args, '--format', 'json']);
  expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
  const found = (JSON.parse(stdout) as { programs: Record<string, unknown>[] }).programs.find((p) => p.program === program)!;
  return found.outcome !== undefined ? { outcome: found.outcome as string } : { classifications: found.classifications };
}

const flagsOf = (flip: JsonFlip) => flip.changes.flatMap((c) => [c.flag, c.argument]);
const programOf = (report: JsonFlips, id: string) => report.programs.find((p) => p.program === id)!;

describe('Ramos with a 1326 conviction, S.744', () => {
  let report: JsonFlips;
  beforeAll(async () => {
    report = await flips(caseFile('ramos-1326'), '--program', 's744-rpi');
  });

  it('lists the plea to 1325 as a choice that settles the result: eligible with a waiver', async () => {
    const s744 = programOf(report, 's744-rpi');
    expect(s744.result).toEqual({ outcome: 'not_enough_information' });
    const plea = s744.flips.find((f) => f.changes.length === 1 && f.changes[0]!.flag === '--scenario' && f.changes[0]!.argument === 'plead:0=1325-first');
    expect(plea).toMatchObject({ kind: 'choice', result: { outcome: 'eligible_with_waiver' } });
    expect(await screened(caseFile('ramos-1326'), 's744-rpi', ['--scenario', 'plead:0=1325-first'])).toEqual({ outcome: 'eligible_with_waiver' });
  });

  it('prints it under the choices, as the flag that makes it and the new result', async () => {
    const { code, stdout } = await runCli(['flips', caseFile('ramos-1326'), '--program', 's744-rpi']);
    expect(code).toBe(EXIT.ok);
    const choices = stdout.indexOf('Choices (the client or counsel can still make them):');
    expect(choices).toBeGreaterThan(stdout.indexOf('S.744 RPI: now NOT ENOUGH INFORMATION'));
    expect(stdout.indexOf('--scenario plead:0=1325-first -> ELIGIBLE WITH A WAIVER')).toBeGreaterThan(choices);
    expect(stdout.indexOf('Counterfactuals (past facts that cannot change):')).toBeGreaterThan(stdout.indexOf('--scenario plead:0=1325-first'));
  });

  it('screens with --as-of, and says so', async () => {
    const later = await flips(caseFile('ramos-1326'), '--program', 's744-rpi', '--as-of', '2015-03-01');
    expect(later.screeningDate).toBe('2015-03-01');
    expect(later.screenedWith).toEqual(['--as-of', '2015-03-01', '--program', 's744-rpi']);
  });
});

describe('Claudia', () => {
  let report: JsonFlips;
  beforeAll(async () => {
    report = await flips(caseFile('claudia'));
  });

  it('marks a past fact that flips DACA or the T visa a counterfactual, and an attorney\'s determination a question of law', () => {
    const all = [...programOf(report, 'daca').flips, ...programOf(report, 't-visa').flips];
    const single = (argument: string) => all.find((f) => f.changes.length === 1 && f.changes[0]!.argument === argument);
    // Entering at 16 is past the DACA line (before the 16th birthday); the entry is history.
    expect(single('entries.0.ageAtEntry=16')).toMatchObject({ kind: 'counterfactual', result: { outcome: 'barred' } });
    expect(single('trafficking.occurred=false')).toMatchObject({ kind: 'counterfactual', result: { outcome: 'barred' } });
    expect(single('trafficking.extremeHardship=false')).toMatchObject({ kind: 'question_of_law', result: { outcome: 'barred' } });
    expect(single('trafficking.extremeHardship=false')!.changes[0]!.citation).toContain('INA 101(a)(15)(T)(i)(IV)');
  });

  it('orders each program\'s flips: choices, questions of law, counterfactuals; single changes before pairs in each', () => {
    for (const program of report.programs) {
      const order = program.flips.map((f) => [CHANGE_KINDS.indexOf(f.kind as never), f.changes.length] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(order).toEqual(sorted);
      // A pair is a choice only when both its changes are.
      for (const flip of program.flips) expect(CHANGE_KINDS.indexOf(flip.kind as never)).toBe(Math.max(...flip.changes.map((c) => CHANGE_KINDS.indexOf(c.kind as never))));
    }
  });

  it('keeps within its stated bounds', () => {
    const { search } = report;
    expect(search.screenings).toBeLessThanOrEqual(search.screeningBound);
    // The case, the values screened in full per fact or scenario item, and the pairs allowed per program.
    expect(search.screeningBound).toBe(1 + search.valuesPerField * search.changeGroups + search.pairsPerProgram * report.programs.length);
    expect(search.probes).toBeLessThanOrEqual(search.probesPerField * search.changeGroups);
    expect(search.singleChanges).toBeLessThanOrEqual(search.valuesPerField * search.changeGroups);
    for (const program of report.programs) expect(program.pairsTried).toBeLessThanOrEqual(search.pairsPerProgram);
  });

  it('tries each known fact with at most the stated number of other values, each one --what-if reads as the field\'s kind', () => {
    const valuesOf = new Map<string, Set<string>>();
    for (const change of report.programs.flatMap((p) => p.flips.flatMap((f) => f.changes)).filter((c) => c.flag === '--what-if')) {
      const parsed = parseWhatIf(change.argument)!;
      expect(fieldKind(parsed.path.replace(/\.\d+(?=\.|$)/g, ''))).toBe('value');
      valuesOf.set(parsed.path, (valuesOf.get(parsed.path) ?? new Set()).add(JSON.stringify(parsed.value)));
    }
    expect(valuesOf.size).toBeGreaterThan(5);
    for (const values of valuesOf.values()) expect(values.size).toBeLessThanOrEqual(report.search.valuesPerField);
  });
});

describe('every flip listed is true', () => {
  // The test that cannot lie: each flip of two bundled cases, screened by relief screen with its flags, gives the result it states.
  it.each([['ramos-1326'], ['claudia']])('%s: relief screen with each change gives the new result stated', async (name) => {
    const report = await flips(caseFile(name));
    let checked = 0;
    for (const program of report.programs) {
      for (const flip of program.flips) {
        expect({ flip: flagsOf(flip), result: await screened(caseFile(name), program.program, [...report.screenedWith, ...flagsOf(flip)]) }).toEqual({ flip: flagsOf(flip), result: flip.result });
        expect(flip.result).not.toEqual(program.result);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('what can change (rules/changeable-facts.json)', () => {
  const data = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, CHANGEABLE_FACTS_FILE), 'utf8')) as { fields: Record<string, { kind: string; reason: string; citation: { source: string }[] }> };

  it('names only fields of the case file, each with its reason and citation', () => {
    for (const [field, entry] of Object.entries(data.fields)) {
      expect({ field, kind: fieldKind(field) }).toEqual({ field, kind: 'value' });
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(entry.citation.length).toBeGreaterThan(0);
      for (const part of entry.citation) expect(part.source.length).toBeGreaterThan(0);
    }
  });

  it('reads a field at any item of its list, and counts a field it does not name a counterfactual', () => {
    const of = loadChangeability(DEFAULT_RULES_DIR);
    expect(of('criminalHistory.convictions[2].crimeInvolvingMoralTurpitude').kind).toBe('question_of_law');
    expect(of('criminalHistory.convictions.0.expunged').kind).toBe('choice');
    expect(of('person.dateOfBirth')).toEqual({ kind: 'counterfactual' });
  });

  it('refuses a file naming a field the case file does not have (exit 3, naming it)', async () => {
    const rules = join(scratch, 'rules');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const file = join(rules, CHANGEABLE_FACTS_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"person.education"', '"person.eduction"'));
    const { code, stderr } = await runCli(['flips', caseFile('ramos'), '--rules', rules]);
    expect(code).toBe(EXIT.invalidRulePack);
    expect(stderr).toContain('fields.person.eduction: no such field in the case file');
  });
});

describe('bad input fails as relief screen does', () => {
  it.each([
    ['an unknown program', [caseFile('ramos'), '--program', 'daca,parole']],
    ['a missing case file', [join(scratch, 'missing.yaml')]],
    ['a case dated after the screening date', [caseFile('ramos-1326'), '--as-of', '2014-01-01']],
  ])('%s', async (_what, args) => {
    const flipped = await runCli(['flips', ...args]);
    const screen = await runCli(['screen', ...args]);
    expect({ code: flipped.code, stderr: flipped.stderr, stdout: flipped.stdout }).toEqual({ code: screen.code, stderr: screen.stderr, stdout: '' });
    expect(flipped.code).not.toBe(EXIT.ok);
  });
});

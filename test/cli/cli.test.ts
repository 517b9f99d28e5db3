/** The command in-process: exit codes, the JSON contract, error paragraphs, colour policy. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR } from '../../src/packs/load.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = runCli;

const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');
const ramos1326 = join(FIXTURES_DIR, 'cases', 'ramos-1326.case.yaml');

describe('relief screen', () => {
  it('prints a readable report with the disclaimer, rule version and status labels', async () => {
    const { code, stdout } = await run(['screen', claudia]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('screening aid, not legal advice');
    expect(stdout).toMatch(/Rule packs: version [0-9a-f]{12}/);
    expect(stdout).toContain('Historical and superseded ICE policy');
    expect(stdout).toContain('In litigation');
    expect(stdout).toContain('Priority: 1');
    expect(stdout).not.toMatch(/\u001b\[/);
    // The helping factors, an overridden one among them, are in the detailed report.
    expect(stdout).not.toContain('(overridden by morton-mandatory-detention)');
    expect((await run(['screen', claudia, '--detail', '--width', '1000'])).stdout).toContain('(overridden by morton-mandatory-detention)');
  });

  it('keeps the JSON contract', async () => {
    const { code, stdout } = await run(['screen', ramos1326, '--format', 'json']);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ tool: 'relief-screen', caseId: 'ramos-gallegos-1326', screeningDate: '2014-07-01', rulesVersion: expect.stringMatching(/^[0-9a-f]{12}$/) });
    const daca = report.programs.find((p: { program: string }) => p.program === 'daca');
    const morton = report.programs.find((p: { program: string }) => p.program === 'morton');
    expect(daca).toMatchObject({ outcome: 'barred', needsReview: expect.any(Boolean), findings: expect.any(Array), missing: expect.any(Array) });
    expect(daca.findings.find((f: { rule: string }) => f.rule === 'daca-felony')).toMatchObject({ status: 'applies', kind: 'bar', citation: expect.stringContaining('DACA FAQ'), explanation: expect.any(String), facts: [expect.objectContaining({ fact: 'record' })] });
    expect(morton).toMatchObject({ classifications: { priority: '1', level: '2' }, factors: { positive: expect.any(Array), negative: expect.any(Array) } });
    expect(morton.outcome).toBeUndefined();
    // The documented keys, no more and no fewer (docs/json-contract.md).
    expect(Object.keys(report).sort()).toEqual(['audit', 'caseId', 'disclaimer', 'notInForce', 'programs', 'questions', 'rulesVersion', 'screeningDate', 'source', 'staleResearch', 'tool', 'whatIfs']);
    for (const question of report.questions) expect(Object.keys(question).sort()).toEqual(['decisive', 'field', 'programs', 'question']);
    const common = ['alsoConsider', 'cautions', 'derivedFacts', 'factors', 'findings', 'kind', 'legalStatus', 'missing', 'needsReview', 'packVersion', 'program', 'researchedAsOf', 'reviewReasons', 'shortTitle', 'sources', 'title'];
    expect(Object.keys(daca).sort()).toEqual([...common, 'outcome', 'outcomeReasons'].sort());
    expect(Object.keys(morton).sort()).toEqual([...common, 'classifications', 'undetermined'].sort());
    expect(Object.keys(daca.findings[0]).sort()).toEqual(['citation', 'citations', 'conditions', 'explanation', 'facts', 'kind', 'name', 'rule', 'status']);
    expect(daca.cautions[0]).toMatchObject({ code: 'legal-status', reason: expect.stringContaining('Texas'), citation: expect.stringContaining('2(g)1') });
    for (const item of [...daca.cautions, ...morton.cautions]) expect(Object.keys(item).every((key) => ['code', 'reason', 'citation', 'citations', 'rule'].includes(key))).toBe(true);
    // Beside each readable citation, its parts; each source they name is listed once with its full reference.
    const felonyFinding = daca.findings.find((f: { rule: string }) => f.rule === 'daca-felony');
    expect(felonyFinding.citations).toContainEqual({ source: 'brief', pin: '2(c)' });
    const named = new Set(daca.findings.flatMap((f: { citations: { source: string }[] }) => f.citations.map((part) => part.source)));
    for (const id of named) expect(daca.sources.filter((s: { id: string }) => s.id === id)).toHaveLength(1);
    expect(daca.sources.find((s: { id: string }) => s.id === 'brief')).toMatchObject({ cite: 'criteria brief', title: expect.stringContaining('shared/domain/criteria.md') });
    for (const item of [...daca.missing, ...morton.missing]) expect(Object.keys(item).sort()).toEqual(['decisive', 'field', 'neededFor', 'question']);
    // The explain tree (docs/commands.md, --explain): groups named, leaves read positively, the derived facts' sources.
    const felony = daca.findings.find((f: { rule: string }) => f.rule === 'daca-felony').conditions;
    expect(felony).toMatchObject({ combinator: 'all', group: 'ALL OF', status: 'applies' });
    // DACA's record is computed by the clauses of rules/daca: the leaf names the clause behind its key, the fact carries their trace.
    expect(Object.keys(felony.children[0]).sort()).toEqual(['actual', 'caseFields', 'clause', 'derivedFact', 'expected', 'fact', 'label', 'negated', 'operator', 'statement', 'status', 'truth']);
    expect(felony.children[0]).toMatchObject({ fact: 'record.hasFelony', actual: true, truth: 'yes', negated: false, derivedFact: 'record', caseFields: [], clause: 'hasFelony' });
    expect(Object.keys(daca.derivedFacts.record).sort()).toEqual(['calculator', 'caseFields', 'clauses', 'description', 'detail', 'parameters']);
    expect(daca.derivedFacts.record.clauses).toMatchObject({ file: 'rules/daca/clauses.json', roots: { hasFelony: 'hasFelony' }, clauses: { felony: { value: true, citation: expect.stringContaining('8 CFR 236.22(b)(6)') } } });
    expect(daca.derivedFacts.record.parameters).toContainEqual({ name: 'felonyAboveDays', value: 365, citation: expect.stringContaining('DACA FAQ'), citations: expect.arrayContaining([{ source: 'FAQ', note: expect.any(String) }]), file: 'rules/daca/parameters.json', inForceFrom: null });
  });

  it('refuses an --as-of date before the facts it would screen', async () => {
    const { code, stderr } = await run(['screen', ramos1326, '--as-of', '2014-05-01']);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain('criminalHistory.convictions[0].convictionDate: the conviction date (2014-06) is after the screening date 2014-05-01');
  });

  it('lets --as-of override the case file screening date', async () => {
    const { stdout } = await run(['screen', ramos1326, '--format', 'json', '--as-of', '2014-08-01']);
    expect(JSON.parse(stdout).screeningDate).toBe('2014-08-01');
  });

  it('falls back to today when neither the case nor --as-of gives a date', async () => {
    const file = join(scratch, 'undated.yaml');
    writeFileSync(file, 'caseId: undated\n');
    const { code, stdout } = await run(['screen', file, '--format', 'json', '--program', 'daca']);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toMatchObject({ screeningDate: '2026-11-22', programs: [{ program: 'daca', outcome: 'not_enough_information' }] });
  });

  it('explains every rule condition by condition with --explain', async () => {
    const { stdout } = await run(['screen', ramos1326, '--explain', '--program', 'daca', '--width', '200']);
    expect(stdout).toContain('Every rule, condition by condition');
    expect(stdout).toContain('Has been convicted of a felony: applies\n      [yes] a conviction punishable by more than one year (record.hasFelony = true)');
    expect(stdout).toContain('from: 1 conviction(s): illegal reentry (W.D. Pa.): felony');
  });

  it('answers "what if he had pleaded to a first 1325 misdemeanor instead of 1326" (seed 000)', async () => {
    const plea = [
      '--what-if', 'criminalHistory.convictions.0.statute=8 U.S.C. 1325(a)',
      '--what-if', 'criminalHistory.convictions.0.label=misdemeanor',
      '--what-if', 'criminalHistory.convictions.0.maximumPenaltyDays=180',
      '--what-if', 'criminalHistory.convictions.0.offenseTypes=[illegal_entry_1325_first]',
    ];
    const { code, stdout } = await run(['screen', ramos1326, '--format', 'json', ...plea]);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(stdout);
    expect(report.whatIfs).toContain('criminalHistory.convictions.0.maximumPenaltyDays = 180');
    const daca = report.programs.find((p: { program: string }) => p.program === 'daca');
    // A first 1325 offense with no custody is one non-significant misdemeanor (brief 2(e)); he stays
    // barred by age and arrival, but no longer as a felon.
    expect(daca.findings.find((f: { rule: string }) => f.rule === 'daca-felony').status).toBe('does_not_apply');
    expect(daca.outcomeReasons).toEqual(['ELEMENT:daca-age-limit-on-announcement', 'ELEMENT:daca-arrived-before-age-limit']);
    // Morton: still Priority 1 (convicted), but Level 3, not Level 2 (brief 5(e)).
    expect(report.programs.find((p: { program: string }) => p.program === 'morton')).toMatchObject({ classifications: { priority: '1', level: '3' } });
    expect((await run(['screen', ramos1326, ...plea])).stdout).toContain('WHAT IF: criminalHistory.convictions.0.label = "misdemeanor"');
  });

  it('validates what-if changes like the case file itself', async () => {
    const { code, stderr } = await run(['screen', ramos1326, '--what-if', 'person.dateOfBirth=yesterday']);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain('person.dateOfBirth: must be a date');
    expect((await run(['screen', ramos1326, '--what-if', 'no equals sign'])).code).toBe(EXIT.usage);
    expect((await run(['screen', ramos1326, '--what-if', 'person.dateOfBirth=[1990'])).code).toBe(EXIT.usage);
    const scalar = join(scratch, 'scalar.yaml');
    writeFileSync(scalar, 'just a sentence\n');
    expect((await run(['screen', scalar, '--what-if', 'caseId=x'])).code).toBe(EXIT.invalidCase);
  });

  it('colours only a terminal, and honours NO_COLOR and --no-color', async () => {
    expect((await run(['screen', claudia], { colorSupported: true })).stdout).toMatch(/\u001b\[/);
    expect((await run(['screen', claudia], { colorSupported: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(['--no-color', 'screen', claudia], { colorSupported: true })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('errors and exit codes', () => {
  it('a malformed case file: one paragraph naming the file, exit 1', async () => {
    const file = join(scratch, 'malformed.yaml');
    writeFileSync(file, 'person: {dateOfBirth: "1990-01-01"\n');
    const { code, stdout, stderr } = await run(['screen', file]);
    expect(code).toBe(EXIT.invalidCase);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^relief: the case file is not valid: ${file}:\\n  - not valid YAML`));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a typo in a key: names the key, exit 1', async () => {
    const file = join(scratch, 'typo.yaml');
    writeFileSync(file, 'removal:\n  mandatoryDetension: true\n');
    const { code, stderr } = await run(['screen', file]);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain('removal: unknown field "mandatoryDetension"');
  });

  it('a missing case file: exit 1', async () => {
    const { code, stderr } = await run(['screen', join(scratch, 'nope.yaml')]);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain('no such file');
  });

  it('a rule pack with an unknown fact: names the pack and rule, exit 3', async () => {
    const rules = join(scratch, 'rules');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const packFile = join(rules, 'morton', 'pack.json');
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('"fact": "veteran"', '"fact": "veteranStatus"'));
    const { code, stderr } = await run(['screen', claudia, '--rules', rules]);
    expect(code).toBe(EXIT.invalidRulePack);
    expect(stderr).toMatch(/^relief: a rule pack is not valid: .*morton\/pack\.json:\n  - rule "morton-care-veteran": unknown fact "veteranStatus"/);
  });

  it('usage errors: exit 2', async () => {
    expect((await run(['screen', claudia, '--as-of', '2014-02-30'])).code).toBe(EXIT.usage);
    expect((await run(['screen', claudia, '--format', 'xml'])).code).toBe(EXIT.usage);
    expect((await run(['screen', claudia, '--program', 'dapa'])).code).toBe(EXIT.usage);
    expect((await run(['frobnicate'])).code).toBe(EXIT.usage);
  });
});

describe('other commands', () => {
  it('relief schema prints the case file as JSON Schema', async () => {
    const { code, stdout } = await run(['schema']);
    expect(code).toBe(EXIT.ok);
    const schema = JSON.parse(stdout);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.criminalHistory.properties.category.enum).toEqual(['none', 'illegal_entry_misdemeanor', 'reentry_felony', 'crime_involving_moral_turpitude', 'level_1', 'level_2', 'level_3']);
  });
  it('relief rules lists the packs with their versions', async () => {
    const { code, stdout } = await run(['rules']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^rule packs version [0-9a-f]{12}\n/);
    expect(stdout).toMatch(/daca\s+[0-9a-f]{12}\s+\d+ rules/);
  });
  it('--help and --version exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    // Each command is listed with its arguments though only its name and description are loaded.
    for (const term of ['screen [options] <case-file>', 'intake [options]', 'batch [options] <inputs...>', 'schema ', 'rules [options]']) expect(help.stdout).toContain(`  ${term}`);
    expect((await run(['--version'])).stdout.trim()).toBe('0.1.0');
  });
});

describe('--engine', () => {
  it('relief screen: the reference engine gives the report the compiled evaluator (the default) gives', async () => {
    for (const args of [['screen', ramos1326, '--format', 'json'], ['screen', claudia, '--explain']]) {
      const compiled = await run(args);
      expect(compiled.code).toBe(EXIT.ok);
      expect(await run([...args, '--engine', 'reference'])).toEqual(compiled);
      expect(await run([...args, '--engine', 'compiled'])).toEqual(compiled);
    }
  });

  it('relief batch: the same records and summary with either engine', async () => {
    const compiled = await runBatchCli([claudia, ramos1326, '--as-of', '2014-08-01']);
    expect(compiled.code).toBe(EXIT.ok);
    expect(await runBatchCli([claudia, ramos1326, '--as-of', '2014-08-01', '--engine', 'reference'])).toEqual(compiled);
  });

  it('is documented in --help, and an unknown engine is a usage error naming the choices', async () => {
    for (const command of ['screen', 'batch']) {
      expect((await run([command, '--help'])).stdout).toMatch(/--engine <engine> +what evaluates the rule packs/);
      const { code, stderr } = await run([command, claudia, '--engine', 'fast']);
      expect(code).toBe(EXIT.usage);
      expect(stderr).toContain('Allowed choices are compiled, reference');
    }
  });
});

describe('relief screen --program', () => {
  it('takes a comma-separated list, or the option repeated, and never the case file after it', async () => {
    const programs = async (...args: string[]) => (JSON.parse((await run(['screen', ...args, '--format', 'json'])).stdout) as { programs: { program: string }[] }).programs.map((p) => p.program);
    expect(await programs('--program', 'daca,morton', ramos1326)).toEqual(['daca', 'morton']);
    expect(await programs('--program', 'daca', '--program', 's744-rpi', ramos1326)).toEqual(['daca', 's744-rpi']);
    const empty = await run(['screen', ramos1326, '--program', 'daca,,morton']);
    expect(empty.code).toBe(EXIT.usage);
  });
});

describe('relief screen --what-if with a value YAML reads as a number', () => {
  it('says how to quote it as text', async () => {
    const { code, stderr } = await run(['screen', ramos1326, '--what-if', 'person.dateOfBirth=1990']);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain(`quote it to make it text, e.g. --what-if 'person.dateOfBirth="1990"'`);
    // Quoted, it is a date of birth known only to the year.
    expect((await run(['screen', ramos1326, '--what-if', 'person.dateOfBirth="1990"', '--format', 'json'])).code).toBe(EXIT.ok);
  });
});

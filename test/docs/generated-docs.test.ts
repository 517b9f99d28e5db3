/**
 * The documents generated from the code, the packs and the fixtures (src/docs/generated.ts) are
 * what `npm run docs` would write, so none can drift; the README stays short and lists every
 * program with the legal status its pack gives; every fixture case file names the JSON Schema in
 * its first line, so an editor validates it.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { docStates, REPOSITORY_ROOT } from '../../src/docs/generated.js';
import { CASE_FILE_SCHEMA_ID, CASE_FILE_SCHEMA_PATH, caseFileJsonSchema, schemaModeline } from '../../src/case/json-schema.js';
import { CALCULATORS } from '../../src/facts/registry.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { caseYaml } from '../../src/intake/case-yaml.js';
import { runCli } from '../support/run-cli.js';
import { COMMANDS } from '../../src/cli/main.js';

const README_LIMIT_BYTES = 12_000;

describe('generated documents', () => {
  it('each is what npm run docs writes (run it after changing a pack, a calculator, a fixture or a report type)', async () => {
    const stale = (await docStates()).filter(({ current, expected }) => current !== expected).map(({ path }) => path);
    expect(stale).toEqual([]);
  }, 60_000);

  it('docs/calculators.md lists every registered calculator', () => {
    const doc = readFileSync(join(REPOSITORY_ROOT, 'docs/calculators.md'), 'utf8');
    for (const name of CALCULATORS.keys()) expect(doc).toContain(`### \`${name}\``);
    expect(doc).toContain(`these ${CALCULATORS.size} calculators`);
  });

  it('docs/json-contract.md names every key of a real report', async () => {
    const doc = readFileSync(join(REPOSITORY_ROOT, 'docs/json-contract.md'), 'utf8');
    const { stdout } = await runCli(['screen', join(REPOSITORY_ROOT, 'fixtures/cases/claudia.case.yaml'), '--format', 'json']);
    const keys = new Set<string>();
    // Keys of the contract, not of the data it carries: a fact's value, a witness's fields, a derived fact's name, a clause's id.
    const walk = (value: unknown, dataBelow: boolean): void => {
      if (Array.isArray(value)) return value.forEach((item) => walk(item, false));
      if (value === null || typeof value !== 'object') return;
      for (const [key, item] of Object.entries(value)) {
        if (!dataBelow) keys.add(key);
        if (!['value', 'actual', 'expected', 'set'].includes(key)) walk(item, ['derivedFacts', 'roots', 'clauses'].includes(key));
      }
    };
    walk(JSON.parse(stdout), false);
    // A key is named in a table (`key`) or inside a type of one ({ key: … }).
    expect([...keys].filter((key) => !doc.includes(`\`${key}\``) && !doc.includes(` ${key}: `))).toEqual([]);
    expect(keys.size).toBeGreaterThan(50);
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(REPOSITORY_ROOT, 'README.md'), 'utf8');

  it(`stays under ${README_LIMIT_BYTES} bytes: the rest lives in docs/ and rules/*/README.md`, () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(README_LIMIT_BYTES);
  });

  it("lists every program with its pack's legal status and a commentary that exists", async () => {
    for (const { pack } of (await loadRulePacks()).packs) {
      expect(readme).toContain(`| \`${pack.program}\` |`);
      expect(readme).toContain(`(\`${pack.legalStatus.kind}\`)`);
      expect(statSync(join(REPOSITORY_ROOT, 'rules', pack.program, 'README.md')).isFile()).toBe(true);
    }
  });

  it("shows one example of every command, each naming fixture files that exist", () => {
    const lines = [...readme.matchAll(/^relief ([a-z][a-z-]*)(.*?)(?:#.*)?$/gm)];
    expect(new Set(lines.map(([, command]) => command))).toEqual(new Set(COMMANDS.map(({ name }) => name)));
    for (const [, , rest] of lines) {
      for (const path of rest!.split(/\s+/).filter((word) => word.startsWith('fixtures/'))) expect(statSync(join(REPOSITORY_ROOT, path)).isFile()).toBe(true);
    }
  });

  it('links only to files that exist', () => {
    for (const file of ['README.md', ...readdirSync(join(REPOSITORY_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]) {
      const text = readFileSync(join(REPOSITORY_ROOT, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        expect({ file, target, exists: statSync(join(REPOSITORY_ROOT, dirname(file), target!), { throwIfNoEntry: false }) !== undefined }).toEqual({ file, target, exists: true });
      }
    }
  });
});

describe('editor validation of case files', () => {
  it('the JSON Schema has a stable $id', () => {
    expect(caseFileJsonSchema()).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: CASE_FILE_SCHEMA_ID });
  });

  it('every fixture case file starts with the yaml-language-server line naming the schema by its relative path', () => {
    const fixtures = join(REPOSITORY_ROOT, 'fixtures');
    const caseFiles = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.case.yaml'));
    expect(caseFiles.length).toBeGreaterThan(10);
    for (const name of caseFiles) {
      const file = join(fixtures, name);
      const schema = relative(dirname(file), join(REPOSITORY_ROOT, CASE_FILE_SCHEMA_PATH));
      expect({ name, firstLine: readFileSync(file, 'utf8').split('\n')[0] }).toEqual({ name, firstLine: schemaModeline(schema).trimEnd() });
    }
  });

  it("a case file the interview saves names this installation's schema file", () => {
    const [firstLine] = caseYaml({ caseId: 'x' }).split('\n');
    const url = firstLine!.replace('# yaml-language-server: $schema=', '');
    expect(url).toMatch(/^file:\/\//);
    expect(statSync(new URL(url)).isFile()).toBe(true);
  });
});

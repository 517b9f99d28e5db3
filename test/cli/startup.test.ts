/**
 * Start-up loads only what the command needs (docs/architecture.md, "Start-up"). The built CLI runs in a child
 * process under an ESM resolve hook that writes down every module it resolves; every package the
 * code imports is imported from an ES module, so each one loaded shows up there. How fast start-up
 * is lives in bench/startup.js, not here.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Help } from 'commander';
import { COMMANDS, commandNamed } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { TEST_TODAY } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLAUDIA = join(ROOT, 'fixtures', 'cases', 'claudia.case.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'relief-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HOOKS = join(scratch, 'record-modules.mjs');
writeFileSync(
  HOOKS,
  `import { appendFileSync } from 'node:fs';
let log;
export function initialize(file) { log = file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + '\\n');
  return resolved;
}
`,
);

interface Loaded {
  code: number | null;
  /** npm packages, by name. */
  packages: Set<string>;
  /** relief's own modules, as paths under dist/ ("cli/main.js"). */
  own: Set<string>;
}

let runs = 0;
/** Runs the built CLI (bin/relief.js on dist/) and lists the modules it loaded. */
function loadedBy(args: string[]): Loaded {
  const log = join(scratch, `modules-${++runs}.txt`);
  writeFileSync(log, '');
  const register = join(scratch, `register-${runs}.mjs`);
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(HOOKS).href)}, { data: ${JSON.stringify(log)} });\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(ROOT, 'bin', 'relief.js'), ...args], { encoding: 'utf8' });
  const packages = new Set<string>();
  const own = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    const inPackage = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (inPackage) packages.add(inPackage[1]!);
    else if (url.startsWith(pathToFileURL(join(ROOT, 'dist')).href)) own.add(url.slice(pathToFileURL(join(ROOT, 'dist')).href.length + 1));
  }
  return { code: run.status, packages, own };
}

const inquirer = (packages: Set<string>) => [...packages].filter((name) => name.startsWith('@inquirer/'));

describe('start-up', () => {
  it('relief --help loads commander and the command line, no command and no pipeline', () => {
    const { code, packages, own } = loadedBy(['--help']);
    expect(code).toBe(EXIT.ok);
    expect([...packages]).toEqual(['commander']);
    expect([...own].filter((path) => /-(?:command|action)\.js$/.test(path))).toEqual([]);
    for (const path of ['case/load.js', 'case/schema.js', 'packs/load.js']) expect(own).not.toContain(path);
  });

  it('relief screen --help loads the screen options but not the screening', () => {
    const { code, packages, own } = loadedBy(['screen', '--help']);
    expect(code).toBe(EXIT.ok);
    expect(own).toContain('cli/screen-command.js');
    for (const path of ['cli/screen-action.js', 'cli/batch-command.js', 'cli/intake-command.js', 'packs/load.js', 'case/schema.js', 'app/screen.js']) expect(own).not.toContain(path);
    expect(packages).not.toContain('zod');
  });

  it('relief screen loads what screening one case needs, and nothing of the interview or the batch', () => {
    const { code, packages, own } = loadedBy(['screen', CLAUDIA, '--no-color']);
    expect(code).toBe(EXIT.ok);
    expect(packages).toContain('zod');
    expect(inquirer(packages)).toEqual([]);
    for (const name of ['cli-table3', 'cli-progress', 'csv-parse', 'json-rules-engine']) expect(packages).not.toContain(name);
    expect([...own].filter((path) => /^(?:batch|intake)\//.test(path) || /^cli\/(?:batch|intake|schema|rules)-/.test(path))).toEqual([]);
  });

  it('relief screen --engine reference loads json-rules-engine, the reference it is checked against', () => {
    const { code, packages, own } = loadedBy(['screen', CLAUDIA, '--no-color', '--engine', 'reference']);
    expect(code).toBe(EXIT.ok);
    expect(packages).toContain('json-rules-engine');
    expect(own).toContain('evaluate/reference.js');
  });

  it('relief quiz --help loads the quiz options, not the quiz, its prompts or the packs', () => {
    const { code, packages, own } = loadedBy(['quiz', '--help']);
    expect(code).toBe(EXIT.ok);
    expect(own).toContain('cli/quiz-command.js');
    for (const path of ['cli/quiz-action.js', 'quiz/quiz.js', 'packs/load.js', 'app/screen.js']) expect(own).not.toContain(path);
    expect(inquirer(packages)).toEqual([]);
  });

  it('relief batch does not load the interview', () => {
    const { code, packages } = loadedBy(['batch', CLAUDIA, '--jobs', '1', '--quiet', '--as-of', '2026-01-01']);
    expect(code).toBe(EXIT.ok);
    expect(inquirer(packages)).toEqual([]);
  });
});

describe('the command table', () => {
  it('lists each command the way commander lists its full definition', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, now: () => TEST_TODAY, colorSupported: false, env: {} };
    for (const entry of COMMANDS) {
      const command = (await entry.define())(io, () => false);
      expect(command.name()).toBe(entry.name);
      expect(new Help().subcommandTerm(command)).toBe(entry.term);
    }
  });

  it('finds the command as commander does, after the program options, and in "help <command>"', () => {
    expect(commandNamed(['--no-color', 'screen', 'case.yaml', '--as-of', '2020-01-01'])).toBe('screen');
    expect(commandNamed(['help', 'batch'])).toBe('batch');
    expect(commandNamed(['-V'])).toBeUndefined();
  });
});

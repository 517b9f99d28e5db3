/**
 * Every command's --help ends with real examples (src/cli/examples.ts), and each runs as printed:
 * the help of each command is read, its "$ relief …" lines are run in a scratch folder holding the
 * bundled fixtures, and each must succeed (an interactive one must get as far as asking for a
 * terminal, which a test has not). So an example cannot name a file, option or scenario that is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../src/cli/main.js';
import { EXAMPLES } from '../../src/cli/examples.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-help-examples-'));
beforeAll(() => symlinkSync(join(ROOT, 'fixtures'), join(scratch, 'fixtures')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The "$ relief …" lines a command's help prints, in order. */
async function helpLines(command: string): Promise<string[]> {
  const { code, stdout } = await runCli([command, '--help']);
  expect(code).toBe(EXIT.ok);
  const examples = stdout.slice(stdout.indexOf('\nExamples'));
  return [...examples.matchAll(/^ {2}\$ (relief .*)$/gm)].map((match) => match[1]!);
}

/**
 * Runs one printed line as a user would, the built command in the scratch folder (batch starts
 * worker threads, which run dist/), standard input not a terminal; "> FILE" writes its output there.
 */
function runLine(line: string): { code: number | null; stderr: string } {
  const words = line.split(/\s+/).slice(1);
  const arrow = words.indexOf('>');
  const argv = arrow < 0 ? words : words.slice(0, arrow);
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/relief.js'), ...argv], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  if (arrow >= 0) writeFileSync(join(scratch, words[arrow + 1]!), run.stdout);
  return { code: run.status, stderr: run.stderr };
}

describe('--help examples', () => {
  it('every command has two or three, or one for relief schema', () => {
    for (const { name } of COMMANDS) expect(EXAMPLES[name]?.length).toBeGreaterThanOrEqual(name === 'schema' ? 1 : 2);
  });

  for (const { name } of COMMANDS) {
    it(`relief ${name} --help ends with its examples, and each runs`, async () => {
      const examples = EXAMPLES[name] ?? [];
      expect(await helpLines(name)).toEqual(examples.flatMap((example) => example.lines));
      for (const example of examples) {
        for (const line of example.lines) {
          const { code, stderr } = runLine(line);
          if (example.interactive) {
            // Reaching the terminal check means the line parsed: its options, its case.
            expect([code, stderr]).toEqual([EXIT.usage, expect.stringContaining('terminal')]);
          } else {
            // relief diff says "something changed" with exit 1, as its examples show.
            expect({ line, code, stderr }).toEqual({ line, code: line.startsWith('relief diff') ? 1 : EXIT.ok, stderr: code === EXIT.ok || code === 1 ? stderr : '' });
          }
        }
      }
    }, 120_000);
  }
});

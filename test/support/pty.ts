/**
 * The built `relief` in a real pseudo-terminal (util-linux `script`, else python3's pty), for the
 * tests of the commands that talk to a person (intake, quiz): keys are typed as each prompt
 * appears, so a test does not depend on timing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { FIXTURES_DIR } from './fixtures.js';

export const ROOT = resolve(FIXTURES_DIR, '..');
export const BIN = join(ROOT, 'bin', 'relief.js');

type PtyRunner = (command: string) => [string, string[]];
const SCRIPT_PTY: PtyRunner = (command) => ['script', ['-qfec', command, '/dev/null']];
const PYTHON_PTY: PtyRunner = (command) => ['python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(["sh", "-c", sys.argv[1]]) >> 8)', command]];

/** util-linux `script`, else python3's pty module (RELIEF_TEST_PTY=python3 picks it to check it). */
function ptyRunner(): PtyRunner | undefined {
  if (process.env.RELIEF_TEST_PTY !== 'python3' && spawnSync('script', ['--version']).status === 0) return SCRIPT_PTY;
  if (spawnSync('python3', ['-c', 'import pty']).status === 0) return PYTHON_PTY;
  return undefined;
}
const inPty = ptyRunner();
export const hasPty = inPty !== undefined;

/** The environment without the variables that switch colour on or off (CI among them: colour libraries go plain under CI), so each run sets its own. */
function withoutColorSettings(): Record<string, string | undefined> {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, CI: _ci, ...rest } = process.env;
  return rest;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const ENTER = '\r';
export const CTRL_C = '\x03';
export const DOWN = '\u001b[B';

export interface TerminalRun {
  output: string;
  code: number | null;
  /** The prompts answered, in order. */
  prompts: string[];
}

export interface Driver {
  /** The prompt open at the end of the text shown since the last answer (colour codes removed), given the prompts answered so far; undefined for none. */
  prompt: (fresh: string, answered: readonly string[]) => string | undefined;
  /** The keys to type for a prompt. */
  keys: (prompt: string) => string;
}

/** Runs `relief <args>` in a pseudo-terminal 500 columns wide, typing each prompt's keys as it appears. */
export async function inTerminal(args: string[], cwd: string, driver: Driver, env: Record<string, string> = {}): Promise<TerminalRun> {
  const command = `stty cols 500 rows 50; exec ${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}`;
  const [program, programArgs] = inPty!(command);
  const child = spawn(program, programArgs, { cwd, env: { ...withoutColorSettings(), TERM: 'xterm-256color', ...env } });
  let output = '';
  let answeredUpTo = 0;
  const prompts: string[] = [];
  // A prompt the keys do not recognise would wait forever: stop after 10 s without output.
  let watchdog = setTimeout(() => child.kill(), 10_000);
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    clearTimeout(watchdog);
    watchdog = setTimeout(() => child.kill(), 10_000);
    const plain = output.replace(ANSI, '');
    const prompt = driver.prompt(plain.slice(answeredUpTo), prompts);
    // A prompt is drawn again as it echoes what is typed: only another prompt is the next question.
    if (!prompt || prompt === prompts.at(-1)) return;
    answeredUpTo = plain.length;
    prompts.push(prompt);
    child.stdin.write(driver.keys(prompt));
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(watchdog);
  return { output, code, prompts };
}

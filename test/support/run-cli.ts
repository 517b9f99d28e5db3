/** The relief CLI run in-process, its output captured: one runner for every test of the command line. */
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  colorSupported?: boolean;
  env?: Record<string, string>;
  /** Standard input (relief screen -): its chunks, as a pipe would give them. */
  stdin?: () => AsyncIterable<Uint8Array>;
}

/** Today is fixed, so a case without a screening date screens the same on any day. */
export const TEST_TODAY = new Date('2026-11-22T12:00:00Z');

export async function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => TEST_TODAY,
    colorSupported: options.colorSupported ?? false,
    env: options.env ?? {},
    ...(options.stdin ? { stdin: options.stdin } : {}),
  });
  return { code, stdout, stderr };
}

/** `relief batch` in the main thread, so a test sees every record without worker threads. */
export const runBatchCli = (argv: string[]): Promise<CliRun> => runCli(['batch', '--jobs', '1', ...argv]);

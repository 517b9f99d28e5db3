import { once } from 'node:events';
import { removeTemporariesNow } from '../files/temporary.js';

/** What the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today, for the default screening date; and the time an audit stamp says a result was produced. */
  now: () => Date;
  /** Standard input, read only when asked for (relief screen -); absent: an empty one. */
  stdin?: () => AsyncIterable<Uint8Array>;
  /** Whether stdout is a terminal that takes colour (before NO_COLOR and --no-color). */
  colorSupported: boolean;
  env: Record<string, string | undefined>;
  /** Resolves when stdout can take more (back-pressure for long batch output); absent: at once. */
  stdoutDrained?: () => Promise<void>;
  /** stdout's width in columns, when it is a terminal (reports wrap to it; 80 otherwise). */
  stdoutColumns?: number;
  /** stderr, when it is a terminal (for the batch progress bar). */
  stderrTerminal?: NodeJS.WriteStream;
}

export function processIO(): CliIO {
  // A reader that stops early (relief batch … | head) closes the pipe: end quietly, not with a stack,
  // and leave no temporary file behind (a report being written, an -o file never to be finished).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    removeTemporariesNow();
    process.exit(0);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    stdin: () => process.stdin,
    colorSupported: Boolean(process.stdout.isTTY),
    env: process.env,
    stdoutDrained: async () => {
      if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    },
    ...(process.stdout.isTTY ? { stdoutColumns: process.stdout.columns } : {}),
    ...(process.stderr.isTTY ? { stderrTerminal: process.stderr } : {}),
  };
}

/** What the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today, for the default screening date. */
  now: () => Date;
  /** Whether stdout is a terminal that takes colour (before NO_COLOR and --no-color). */
  colorSupported: boolean;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    colorSupported: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

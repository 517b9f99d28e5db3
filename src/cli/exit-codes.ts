/** Exit codes, documented in docs/commands.md. A screening that ran is a success whatever its outcome. */
export const EXIT = {
  ok: 0,
  /** The case file is missing, unreadable, not JSON/YAML, or fails validation. */
  invalidCase: 1,
  /** Wrong command-line usage (unknown option, bad date). */
  usage: 2,
  /** A rule pack (invalid JSON, unknown fact, operator or calculator, missing citation) or a client-summary catalog failed to load. */
  invalidRulePack: 3,
  /** A bug in relief-screen itself. */
  internal: 4,
  /** relief diff: the two outputs differ (a client's result, or a client on one side only); 0 when they do not. */
  diffFoundChanges: 1,
  /** relief batch ran to the end, but some inputs could not be screened (each is an error record). */
  batchHadErrors: 5,
  /** relief intake was stopped with Ctrl-C before the case was saved; the draft keeps the answers (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;

/** A command that finished and reported its own outcome, ending with this exit code. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitWith';
  }
}

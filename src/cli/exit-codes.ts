/** Exit codes, documented in the README. A screening that ran is a success whatever its outcome. */
export const EXIT = {
  ok: 0,
  /** The case file is missing, unreadable, not JSON/YAML, or fails validation. */
  invalidCase: 1,
  /** Wrong command-line usage (unknown option, bad date). */
  usage: 2,
  /** A rule pack failed to load: invalid JSON, unknown fact, operator or calculator, missing citation. */
  invalidRulePack: 3,
  /** A bug in relief-screen itself. */
  internal: 4,
} as const;

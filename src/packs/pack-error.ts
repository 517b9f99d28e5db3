/**
 * A rule pack that cannot be used, with the file and its problems. A module of its own so that the
 * command line can tell this error apart without loading the code that reads and checks the packs.
 */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`rule pack ${file}: ${problems.join('; ')}`);
    this.name = 'PackError';
  }
}

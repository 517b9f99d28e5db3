/**
 * A client-summary catalog that cannot be used (missing, not JSON, a key or placeholder wrong),
 * with the file and its problems. A module of its own so that the command line can tell this error
 * apart without loading zod and the catalog schema.
 */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`client-summary catalog ${file}: ${problems.join('; ')}`);
    this.name = 'CatalogError';
  }
}

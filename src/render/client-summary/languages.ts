/**
 * The languages a client summary can be written in: those whose catalog file exists. A module of
 * its own, without zod or the catalog schema, so that the command line can list the choices in
 * --help and check --client-summary before anything else loads.
 */
import { readdirSync } from 'node:fs';
import { CatalogError } from './catalog-error.js';
import { DEFAULT_LOCALES_DIR } from './locales-dir.js';

/** A catalog's file name: a BCP 47 language tag ("en", "es", "es-MX"), never a path. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The languages whose catalogs exist, sorted: the choices of --client-summary. */
export function clientSummaryLanguages(dir: string = DEFAULT_LOCALES_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    throw new CatalogError(dir, [`the folder of client-summary catalogs cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return files
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .filter((language) => LANGUAGE_TAG.test(language))
    .sort();
}

/**
 * Where the client-summary catalogs shipped with relief-screen live: locales/client-summary/ at the
 * package root, read at run time like rules/, so a new language is a new file and no rebuild.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../../../locales/client-summary', import.meta.url));

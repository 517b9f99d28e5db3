/**
 * Where the rule packs shipped with relief-screen live. A module of its own so that the command
 * line can show it in --help without loading the code that reads and checks the packs.
 */
import { fileURLToPath } from 'node:url';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

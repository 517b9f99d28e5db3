/**
 * relief-screen's own version, read at run time from the package.json of the installed package
 * (found from this module, as rules-dir.ts finds rules/), so a release changes it in one place and
 * `relief --version` and every audit stamp say the same.
 */
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || version === '') throw new Error(`relief-screen's package.json (${file.pathname}) names no version`);
  return version;
}

export const TOOL_VERSION = packageVersion();

/**
 * Finding a local Chromium to print the HTML report with. relief-screen ships no browser: it uses
 * the one the machine has (Debian's `chromium` package, or Google Chrome), or the one named by
 * RELIEF_CHROMIUM.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The environment variable naming the browser to print with, ahead of any found on PATH. */
export const CHROMIUM_VARIABLE = 'RELIEF_CHROMIUM';

/** The names Chromium and Chrome are installed under, looked for on PATH in this order. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Debian's package puts it here; looked at when PATH does not lead to it (a cron job's short PATH). */
const DEBIAN_PATH = '/usr/bin/chromium';

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to print with: RELIEF_CHROMIUM when set (and null when it names no executable file:
 * a setting that is wrong is not silently replaced by another browser), else the first of the
 * usual names on PATH, else Debian's path; null when there is none.
 */
export function findChromium(env: Record<string, string | undefined>): string | null {
  const chosen = env[CHROMIUM_VARIABLE];
  if (chosen) return isExecutableFile(chosen) ? chosen : null;
  const folders = (env.PATH ?? '').split(delimiter).filter((folder) => isAbsolute(folder));
  for (const name of NAMES) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (isExecutableFile(path)) return path;
    }
  }
  return isExecutableFile(DEBIAN_PATH) ? DEBIAN_PATH : null;
}

/** What to do when no browser was found: install one, name one, or print the HTML by hand. */
export function noChromiumMessage(env: Record<string, string | undefined>): string {
  const chosen = env[CHROMIUM_VARIABLE];
  const looked = chosen
    ? `${CHROMIUM_VARIABLE} is set, but names no executable file`
    : `none of ${NAMES.join(', ')} is on PATH, and ${DEBIAN_PATH} is not there`;
  return (
    `no Chromium to print the PDF with (${looked}). Install one (on Debian or Ubuntu: apt-get install chromium) ` +
    `or set ${CHROMIUM_VARIABLE} to its path; or print the report yourself: ` +
    'relief screen CASE --format html > report.html, then open report.html in a browser and print it to a PDF.'
  );
}

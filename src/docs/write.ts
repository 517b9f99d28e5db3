/**
 * `npm run docs`: regenerates every generated document (src/docs/generated.ts) after a change to the
 * code, a pack or a fixture; `--check` only lists the stale ones (exit 1 if any). Run after `npm run
 * build` (the npm script does both).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT, docStates } from './generated.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const { path, current, expected } of await docStates()) {
  if (current === expected) continue;
  stale++;
  if (!check) writeFileSync(join(REPOSITORY_ROOT, path), expected);
  process.stdout.write(`${check ? 'stale' : 'wrote'} ${path}\n`);
}
if (stale === 0) process.stdout.write('every generated document is current\n');
process.exitCode = check && stale > 0 ? 1 : 0;

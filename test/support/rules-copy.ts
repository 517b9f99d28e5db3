/**
 * Copies of the real rules folder for tests of the loader's checks, each edited in one file, and
 * `relief rules --rules <dir>` run in-process on them.
 */
import { afterAll, expect } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR } from '../../src/packs/load.js';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';

export interface RulesCopies {
  /** A copy of the real rules folder. */
  copy(): string;
  /** A copy with one file (relative to the rules folder) edited by `edit`. */
  withFile(file: string, edit: (json: Record<string, any>) => void): string;
  /** A copy's folder as the loader's messages show it (relative to the scratch folder's parent). */
  shown(dir: string): string;
}

/** Copies in one scratch folder, removed after the test file. */
export function rulesCopies(prefix: string): RulesCopies {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let counter = 0;
  const copy = (): string => {
    const dir = join(scratch, `rules-${counter++}`);
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    return dir;
  };
  const withFile = (file: string, edit: (json: Record<string, any>) => void): string => {
    const dir = copy();
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    return dir;
  };
  return { copy, withFile, shown: (dir) => dir.slice(scratch.length + 1) };
}

/** `relief rules --rules <dir>` in-process: a broken pack is exit 3 and one paragraph on stderr, never a stack trace. */
export async function reliefRules(dir: string): Promise<string> {
  let stderr = '';
  const code = await main(['rules', '--rules', dir], { stdout: () => undefined, stderr: (t) => (stderr += t), now: () => new Date(), colorSupported: false, env: {} });
  expect(code).toBe(EXIT.invalidRulePack);
  expect(stderr).toMatch(/^relief: a rule pack is not valid: \S+:\n( {2}- .*\n)+$/);
  expect(stderr).not.toMatch(/\n\s+at /);
  return stderr;
}

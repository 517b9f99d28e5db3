/**
 * Every document generated from the code, the packs or the fixtures, and how each is made: one list,
 * so that `npm run docs` regenerates all of them and one test checks that each file is current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import { loadRulePacks } from '../packs/load.js';
import { ruleBook } from '../rulebook/generate.js';
import { templateMarkdown } from '../cli/roster-template-columns.js';
import { CASE_FILE_SCHEMA_PATH, caseFileJsonSchemaText } from '../case/json-schema.js';
import { calculatorsMarkdown } from './calculators.js';
import { jsonContractMarkdown } from './json-contract.js';
import { withProgramsTable } from './programs.js';

/** The repository's root (from src/docs in the tests, from dist/docs when run). */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GeneratedDoc {
  /** From the repository's root. */
  path: string;
  /** What the file should hold, given what it holds now (README.md keeps its hand-written text). */
  render(current: string): Promise<string>;
}

export const GENERATED_DOCS: readonly GeneratedDoc[] = [
  { path: 'README.md', render: async (current) => withProgramsTable(current, await loadRulePacks()) },
  { path: 'docs/calculators.md', render: async () => calculatorsMarkdown() },
  { path: 'docs/json-contract.md', render: async () => jsonContractMarkdown(REPOSITORY_ROOT) },
  { path: CASE_FILE_SCHEMA_PATH, render: async () => caseFileJsonSchemaText() },
  { path: 'docs/rule-book.md', render: async () => ruleBook(await loadRulePacks(), DEFAULT_RULES_DIR, 'markdown') },
  { path: 'docs/roster-columns.md', render: async () => templateMarkdown() },
];

export interface DocState {
  path: string;
  current: string;
  expected: string;
}

/** Each generated document as it is on disk and as it should be. */
export async function docStates(root: string = REPOSITORY_ROOT): Promise<DocState[]> {
  return Promise.all(
    GENERATED_DOCS.map(async ({ path, render }) => {
      let current = '';
      try {
        current = readFileSync(join(root, path), 'utf8');
      } catch {
        // A missing file is stale: it is written.
      }
      return { path, current, expected: await render(current) };
    }),
  );
}

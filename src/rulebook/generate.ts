/** `relief rules --doc`: the rule book of the packs in a folder, in Markdown or HTML. */
import { fileURLToPath } from 'node:url';
import type { RulePacks } from '../packs/load.js';
import { buildRuleBook } from './book.js';
import { DEFAULT_FIXTURES_DIR, readFixtureIndex } from './fixtures.js';
import { renderRuleBookHtml } from './html.js';
import { renderRuleBookMarkdown } from './markdown.js';

export type RuleBookFormat = 'markdown' | 'html';

export function ruleBook(packs: RulePacks, rulesDir: string, format: RuleBookFormat, fixturesDir: string = fileURLToPath(DEFAULT_FIXTURES_DIR)): string {
  const book = buildRuleBook(packs, rulesDir, readFixtureIndex(fixturesDir), fixturesDir);
  return format === 'html' ? renderRuleBookHtml(book) : renderRuleBookMarkdown(book);
}

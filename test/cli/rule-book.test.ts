/**
 * relief rules --doc: the rule book lists every rule of every pack with its parameters resolved and
 * its pack's sources, says which fixtures test each rule, comes as Markdown or a self-contained HTML
 * page with every pack text escaped, and docs/rule-book.md is what it prints (so the book cannot
 * drift from the packs or the fixtures).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR, loadRulePacks, type RulePacks } from '../../src/packs/load.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { citationText, sourceLookup, type Citation } from '../../src/packs/citation.js';
import { escapeHtml } from '../../src/render/html-page.js';
import { conditionWords } from '../../src/rulebook/words.js';
import { runCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-rule-book-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let packs: RulePacks;
let markdown: string;
let html: string;
beforeAll(async () => {
  packs = await loadRulePacks();
  const md = await runCli(['rules', '--doc']);
  const page = await runCli(['rules', '--doc', '--format', 'html']);
  expect([md.code, page.code, md.stderr, page.stderr]).toEqual([EXIT.ok, EXIT.ok, '', '']);
  markdown = md.stdout;
  html = page.stdout;
});

/** The Markdown section of one rule: from its heading to the next rule's anchor. */
function ruleSection(program: string, id: string): string {
  const start = markdown.indexOf(`<a id="rule-${program}--${id}"></a>`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('<a id="', start + 10);
  return markdown.slice(start, end);
}

describe('relief rules --doc', () => {
  it('lists every rule id of every pack, in both formats, with its name, kind and citation', () => {
    let rules = 0;
    for (const { pack } of packs.packs) {
      for (const rule of pack.rules) {
        rules++;
        const section = ruleSection(pack.program, rule.id);
        expect(section).toContain(`### \`${rule.id}\`: ${escapeMarkdown(rule.name)}`);
        expect(section).toContain(escapeMarkdown(rule.citation));
        expect(section).toContain(escapeMarkdown(rule.explanation));
        expect(html).toContain(`id="rule-${pack.program}--${rule.id}"`);
        expect(html).toContain(`<h3><code>${rule.id}</code>: ${escapeHtml(rule.name)}</h3>`);
      }
    }
    expect(rules).toBeGreaterThan(100);
  });

  it('resolves every parameter reference: values and citations, never { "parameter": … }', async () => {
    for (const text of [markdown, html]) expect(text).not.toMatch(/\{\s*(\\?"|&quot;)?parameter/);
    // Every parameter of every parameters file that a pack uses is printed with its citation, and linked to.
    const daca = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'daca/parameters.json'), 'utf8')) as { parameters: Record<string, { citation: Citation }> };
    const dacaSources = sourceLookup(packs.packs.find(({ pack }) => pack.program === 'daca')!.pack.sources);
    for (const [name, parameter] of Object.entries(daca.parameters)) {
      expect(markdown).toContain(`<a id="parameter-daca--${name}"></a>**\`${name}\`** = `);
      // Written with the pack's sources, as every report writes a citation.
      expect(markdown).toContain(escapeMarkdown(citationText(parameter.citation, dacaSources)));
    }
    // The one condition that compares with a parameter names it beside its value.
    expect(ruleSection('morton', 'morton-care-repeat-offender')).toMatch(/is at least 2 \(parameter \[`repeatOffenderConvictions`\]\(#parameter-morton--repeatOffenderConvictions\)\)/);
    // A derived fact shows the values it takes, and where each came from.
    expect(markdown).toContain('- `years` = 31 (parameter [`ageCeilingOnAnnouncement`](#parameter-daca--ageCeilingOnAnnouncement))');
    const shared = markdown.slice(markdown.indexOf('<a id="shared-parameters"></a>'));
    expect(shared).toContain('<a id="parameter-shared--aggravatedFelonyCategories"></a>');
  });

  it("gives each pack's legal status, research date and every source", () => {
    for (const { pack } of packs.packs) {
      const start = markdown.indexOf(`<a id="pack-${pack.program}"></a>`);
      const chapter = markdown.slice(start, markdown.indexOf('<a id="rule-', start));
      expect(chapter).toContain(escapeMarkdown(pack.legalStatus.label));
      expect(chapter).toContain(escapeMarkdown(pack.legalStatus.detail));
      expect(chapter).toContain(`**Research as of**: ${pack.researchedAsOf}`);
      for (const source of pack.sources) {
        const cite = source.cite && source.cite !== source.id ? ` (cited as ${escapeMarkdown(source.cite)})` : '';
        expect(chapter).toContain(`- **${escapeMarkdown(source.id)}**${cite}: ${escapeMarkdown(source.title)}`);
        if (source.uncited) expect(chapter).toContain(`Listed, not cited: ${escapeMarkdown(source.uncited)}.`);
      }
    }
    // The shared parameters' own sources are listed with them.
    const shared = markdown.slice(markdown.indexOf('<a id="shared-parameters"></a>'));
    expect(shared).toContain('**Sources of the shared parameters**:');
    expect(shared).toContain('- **INA**: Immigration and Nationality Act');
  });

  it('words the condition tree with named groups and the value each leaf needs', () => {
    const education = ruleSection('daca', 'daca-education-or-military');
    expect(education).toContain('- ANY OF:\n  - graduated, certificate of completion or GED: holds when [`educationCompleted`](#fact-daca--educationCompleted) is true');
    expect(education).toContain('  - ALL OF (honorably discharged veteran):\n    - served in the Coast Guard or Armed Forces: holds when');
    // A negatively named condition reads once: its name, and the value that makes it hold.
    expect(ruleSection('daca', 'daca-no-lawful-status-on-announcement')).toContain('- no lawful status on June 15, 2012: holds when [`lawfulStatusOnAnnouncement`](#fact-daca--lawfulStatusOnAnnouncement) is false');
    const felony = ruleSection('daca', 'daca-felony');
    expect(felony).toContain('[`record`](#fact-daca--record) (calculator `penaltyAndCustodyRecord`, taking `felonyAboveDays` = 365;');
  });

  it('words NOT groups, unnamed leaves and a value compared through a parameter', () => {
    const words = conditionWords(
      { not: { name: 'in proceedings or fled', any: [{ fact: 'inProceedings', operator: 'equal', value: true }, { fact: 'record', path: '$.count', operator: 'lessThan', value: 3 }] } },
      { not: { any: [{}, { value: { parameter: 'limit' } }] } },
    );
    expect(words).toEqual({
      label: 'NOT',
      children: [
        {
          label: 'ANY OF (in proceedings or fled)',
          children: [
            { label: 'inProceedings', test: { fact: 'inProceedings', declared: 'inProceedings', comparison: 'is true' } },
            { label: 'record.count', test: { fact: 'record.count', declared: 'record', comparison: 'is less than 3', parameter: 'limit' } },
          ],
        },
      ],
    });
  });

  it('lists the fixtures whose expectations name a rule, and those asserting the classification it sets', () => {
    const felony = ruleSection('daca', 'daca-felony');
    expect(felony).toContain('- `cases/ramos-1326`: applies');
    expect(felony).toContain('- `cases/ramos-1325`: does not apply');
    expect(felony).toContain('`boundaries/daca-criminal-record.yaml`: does not apply in «punishable by exactly one year is a DACA misdemeanor');
    const level2 = ruleSection('morton', 'morton-level-2');
    expect(level2).toContain("- **Tested by**: no fixture's expectation names this rule.");
    expect(level2).toContain('- **Fixtures asserting level 2**:\n  - `cases/ramos-1326`\n');
    expect(ruleSection('morton', 'morton-p1-convicted-of-crime')).toMatch(/- \*\*Fixtures asserting priority 1\*\* \(which other rules can also set\):/);
  });

  it('refuses the rule book\'s options without --doc', async () => {
    const run = await runCli(['rules', '--format', 'html']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toBe('relief: --format and --fixtures are options of the rule book: add --doc\n');
  });

  it('says so when there is no fixtures folder, and names a fixture file it cannot read', async () => {
    const none = await runCli(['rules', '--doc', '--fixtures', join(scratch, 'nowhere')]);
    expect(none.code).toBe(EXIT.ok);
    expect(none.stdout).toMatch(/No fixtures folder was found at \S+nowhere, so no fixtures are listed\./);
    const broken = join(scratch, 'fixtures');
    mkdirSync(join(broken, 'cases'), { recursive: true });
    mkdirSync(join(broken, 'boundaries'));
    writeFileSync(join(broken, 'cases', 'x.expected.yaml'), 'programs: [unclosed');
    const bad = await runCli(['rules', '--doc', '--fixtures', broken]);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/^relief: cannot list the fixtures that test each rule: cases\/x\.expected\.yaml cannot be read as YAML/);
  });

  it('is one self-contained HTML page: no script, no stylesheet or image from elsewhere', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=/i);
    // Links leave the page only for a source's web address.
    const external = [...html.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1]!);
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((href) => /^https?:\/\//.test(href))).toBe(true);
  });

  it('escapes pack text in both formats: a rule name cannot open a tag, and an address that is not the web is no link', async () => {
    const dir = join(scratch, 'rules');
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = join(dir, 'daca', 'pack.json');
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    pack.rules[0].name = '<script>alert(1)</script> *bold* [x](javascript:alert(1)) \u001b[2J';
    pack.sources[0].url = 'javascript:alert(1)';
    writeFileSync(file, JSON.stringify(pack));
    const page = await runCli(['rules', '--rules', dir, '--doc', '--format', 'html']);
    expect(page.code).toBe(EXIT.ok);
    expect(page.stdout).not.toContain('<script>');
    expect(page.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.stdout).not.toContain('href="javascript');
    expect(page.stdout).not.toContain('\u001b');
    const md = await runCli(['rules', '--rules', dir, '--doc']);
    expect(md.stdout).toContain('\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:alert(1)) \\\\x1b\\[2J');
    expect(md.stdout).not.toMatch(/(?<!\\)\]\(javascript/);
  });

  it('docs/rule-book.md is what relief rules --doc prints', () => {
    expect(readFileSync(join(ROOT, 'docs/rule-book.md'), 'utf8')).toBe(markdown);
  });
});

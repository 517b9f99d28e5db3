/**
 * The rule book as Markdown (docs/rule-book.md is this, generated). Every text from a pack goes
 * through escapeMarkdown, so a pack's words cannot become markup; anchors are made of letters,
 * digits and hyphens only.
 */
import { escapeMarkdown } from '../render/markdown.js';
import { inert } from '../text/inert.js';
import { KIND_WORDS, LEGAL_STATUS_WORDS, type FactEntry, type PackChapter, type RuleBook, type RuleEntry } from './book.js';
import { TITLE, anchors, fixtureLines, introduction, placeLines, statuses } from './sentences.js';
import type { ParameterInfo } from './values.js';
import { formatValue, parameterValueWords } from './values.js';
import type { WordNode } from './words.js';
import type { Source } from '../packs/citation.js';
import { ChapterPhrases } from './phrases.js';

/** Pack text as Markdown: inert (the book may be printed on a terminal), then escaped. */
const md = (text: string): string => escapeMarkdown(inert(text));
const code = (text: string): string => `\`${inert(text).replace(/`/g, "'")}\``;
const anchor = (id: string): string => `<a id="${id}"></a>`;
const link = (text: string, id: string): string => `[${text}](#${id})`;

/** A pack's chapter in this format. */
class Chapter extends ChapterPhrases {
  constructor(pack: PackChapter) {
    super(pack, { text: md, code, link, value: md });
  }

  conditionLines(node: WordNode, depth: number): string[] {
    const indent = '  '.repeat(depth);
    if (!node.test) return [`${indent}- ${md(node.label)}:`, ...node.children!.flatMap((child) => this.conditionLines(child, depth + 1))];
    const { fact, declared, comparison, parameter } = node.test;
    const from = parameter ? ` (parameter ${this.parameterLink(parameter)})` : '';
    const factLink = link(code(fact), anchors.fact(this.pack.program, declared));
    return [`${indent}- ${md(node.label)}: holds when ${factLink} ${md(comparison)}${from}`];
  }

  rule(rule: RuleEntry): string[] {
    const { program } = this.pack;
    const lines = [anchor(anchors.rule(program, rule.id)), `### ${code(rule.id)}: ${md(rule.name)}`, '', `*${KIND_WORDS[rule.kind]}* · ${md(rule.citation)}`, '', md(rule.explanation), ''];
    lines.push('**Applies when:**', '', ...this.conditionLines(rule.conditions, 0), '');
    const items: string[] = [];
    if (rule.sets) {
      const also = rule.sets.alsoSetBy.length ? ` (also set by ${this.ruleLinks(rule.sets.alsoSetBy)})` : '';
      items.push(`- **Sets** ${md(rule.sets.field)} = ${md(rule.sets.value)}${also}`);
    }
    if (rule.defeats.length) items.push(`- **Defeats** (when it applies): ${this.ruleLinks(rule.defeats)}`);
    if (rule.defeatedBy.length) items.push(`- **Defeated by**: ${this.ruleLinks(rule.defeatedBy)}`);
    if (rule.review) {
      const only = rule.review.onlyIfApplies.length ? `, only while ${this.ruleLinks(rule.review.onlyIfApplies)} applies` : '';
      items.push(`- **Attorney review** when it ${statuses(rule.review.when)}${only}: ${md(rule.review.reason)}`);
    }
    if (rule.caution) items.push(`- **Caution** when it ${statuses(rule.caution.when)}: ${md(rule.caution.reason)}`);
    const facts = rule.reads.map((name) => this.pack.facts.find((fact) => fact.name === name)!);
    items.push('- **Reads**:', ...facts.map((fact) => `  - ${this.factLine(fact)}`));
    items.push(...this.fixtureItems(rule));
    return [...lines, ...items, ''];
  }

  fixtureItems(rule: RuleEntry): string[] {
    const items: string[] = [];
    const named = fixtureLines(rule.fixtures);
    if (named.length === 0) items.push('- **Tested by**: no fixture\'s expectation names this rule.');
    else {
      items.push('- **Tested by**:');
      for (const line of named) {
        const groups = line.groups.map((g) => (g.variants.length ? `${md(g.assertion)} in ${g.variants.map((v) => `«${md(v)}»`).join(', ')}` : md(g.assertion)));
        items.push(`  - ${code(line.fixture)}: ${groups.join('; ')}`);
      }
    }
    if (rule.sets) {
      const places = placeLines(rule.classificationFixtures);
      const value = `${md(rule.sets.field)} ${md(rule.sets.value)}`;
      if (places.length === 0) items.push(`- **Fixtures asserting ${value}**: none.`);
      else {
        items.push(`- **Fixtures asserting ${value}**${rule.sets.alsoSetBy.length ? ' (which other rules can also set)' : ''}:`);
        for (const place of places) items.push(`  - ${code(place.fixture)}${place.variants.length ? `: ${place.variants.map((v) => `«${md(v)}»`).join(', ')}` : ''}`);
      }
    }
    return items;
  }

  fact(fact: FactEntry): string[] {
    const lines = [anchor(anchors.fact(this.pack.program, fact.name)), `#### ${code(fact.name)}`, '', `${md(fact.description)} Calculator ${code(fact.calculator)}: ${md(fact.calculatorDescription)}`, ''];
    for (const param of fact.params) lines.push(`- ${this.param(param)}`);
    const readBy = [...fact.readBy.map((id) => link(code(id), anchors.rule(this.pack.program, id))), ...fact.readByAlsoConsider.map((id) => `${code(id)} (also consider)`)];
    lines.push(`- Read by: ${readBy.length ? readBy.join(', ') : 'no rule of this pack'}`, '');
    return lines;
  }

  render(): string[] {
    const { pack } = this;
    const lines = [anchor(anchors.pack(pack.program)), `## ${md(pack.title)} (${code(pack.program)})`, ''];
    lines.push(`- **Legal status**: ${LEGAL_STATUS_WORDS[pack.legalStatus.kind]}. ${md(pack.legalStatus.label)}. ${md(pack.legalStatus.detail)}`);
    lines.push(`- **Research as of**: ${md(pack.researchedAsOf)}`);
    lines.push(`- **Kind**: ${pack.kind === 'eligibility' ? 'eligibility (an outcome: eligible, with a waiver, barred, not enough information)' : 'discretion (classifications and factors, never "eligible")'}`);
    lines.push(`- **Pack**: ${code(pack.file)}, version ${code(pack.version)}, ${pack.rules.length} rules`);
    if (pack.standingCaution) lines.push(`- **Standing caution** (on every screening): ${md(pack.standingCaution.reason)} (${md(pack.standingCaution.citation)})`);
    for (const c of pack.classifications) lines.push(`- **Classification** ${code(c.field)}: ${md(c.description)}; values in order ${c.order.map(md).join(', ')}, otherwise ${md(c.otherwise)}`);
    lines.push('', '**Sources**:', '');
    for (const source of pack.sources) lines.push(sourceLine(source));
    lines.push('', '**Rules**:', '');
    for (const rule of pack.rules) lines.push(`- ${link(code(rule.id), anchors.rule(pack.program, rule.id))}: ${md(rule.name)} (${KIND_WORDS[rule.kind]})`);
    lines.push('');
    for (const rule of pack.rules) lines.push(...this.rule(rule));
    if (pack.alsoConsider.length) lines.push(`### Also consider`, '', 'Other programs the report names, one line each, when the condition holds (not when it is unknown).', '');
    for (const entry of pack.alsoConsider) {
      const when = entry.whenOutcome.length ? ` (only when the outcome is ${entry.whenOutcome.map(md).join(' or ')})` : '';
      lines.push(`- ${code(entry.id)}: ${link(code(entry.program), anchors.pack(entry.program))}${when}: ${md(entry.reason)} (${md(entry.citation)}) When:`, ...this.conditionLines(entry.conditions, 1));
    }
    if (pack.alsoConsider.length) lines.push('');
    lines.push(`### Derived facts of ${code(pack.program)}`, '');
    for (const fact of pack.facts) lines.push(...this.fact(fact));
    lines.push(`### Parameters of ${code(pack.program)} (${code(pack.parameters[0]?.file ?? 'none')})`, '');
    for (const parameter of pack.parameters) lines.push(...parameterLines(parameter, pack.program));
    if (pack.sharedParameters.length) lines.push(`Shared parameters it uses: ${pack.sharedParameters.map((name) => this.parameterLink(name)).join(', ')}.`, '');
    return lines;
  }
}

/** A source's address: a link when it is a web address (its destination percent-encoded where Markdown would read it), else text. */
function address(url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return md(url);
  const destination = url.replace(/[()<>\\`"'\[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${md(url)}](${destination})`;
}

/** A source as a citation names it (its id, and its short name when that differs), its full reference and address. */
function sourceLine(source: Source): string {
  const cite = source.cite && source.cite !== source.id ? ` (cited as ${md(source.cite)})` : '';
  const uncited = source.uncited ? ` Listed, not cited: ${md(source.uncited)}.` : '';
  return `- **${md(source.id)}**${cite}: ${md(source.title)}${source.url ? ` ${address(source.url)}` : ''}${uncited}`;
}

function parameterLines(parameter: ParameterInfo, program: string): string[] {
  if (parameter.dated) return [`- ${anchor(anchors.parameter(program, parameter.name, parameter.shared))}**${code(parameter.name)}**, dated: ${md(parameterValueWords(parameter))}. ${md(parameter.description)}`];
  return [`- ${anchor(anchors.parameter(program, parameter.name, parameter.shared))}**${code(parameter.name)}** = ${md(formatValue(parameter.value))}. ${md(parameter.description)} *Citation*: ${md(parameter.citation)}`];
}

export function renderRuleBookMarkdown(book: RuleBook): string {
  const lines = [`# ${TITLE}`, '', ...introduction(book).flatMap((p) => [md(p), '']), '## Programs', ''];
  for (const pack of book.packs) lines.push(`- ${link(md(pack.title), anchors.pack(pack.program))} (${code(pack.program)}): ${pack.rules.length} rules; ${LEGAL_STATUS_WORDS[pack.legalStatus.kind]}; research as of ${md(pack.researchedAsOf)}`);
  lines.push(`- ${link('Shared parameters', 'shared-parameters')}`, '');
  for (const pack of book.packs) lines.push(...new Chapter(pack).render());
  lines.push(anchor('shared-parameters'), `## Shared parameters (${code(book.sharedParameters[0]?.file ?? 'none')})`, '');
  for (const parameter of book.sharedParameters) lines.push(...parameterLines(parameter, ''));
  lines.push('', '**Sources of the shared parameters**:', '');
  for (const source of book.sharedSources) lines.push(sourceLine(source));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

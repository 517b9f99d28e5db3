/**
 * The rule book as one self-contained HTML page (html-page.ts: inline style, no script, no network).
 * It says what the Markdown form says (sentences.ts), laid out for a browser and for print; every
 * text from a pack reaches the page through escapeHtml, and a source's address is a link only when
 * it is an http(s) address.
 */
import { escapeHtml, htmlPage } from '../render/html-page.js';
import { inert } from '../text/inert.js';
import { KIND_WORDS, LEGAL_STATUS_WORDS, type FactEntry, type PackChapter, type RuleBook, type RuleEntry } from './book.js';
import { TITLE, anchors, fixtureLines, introduction, placeLines, statuses } from './sentences.js';
import { formatValue, parameterValueWords, type ParameterInfo } from './values.js';
import type { WordNode } from './words.js';
import { ChapterPhrases } from './phrases.js';
import type { Source } from '../packs/citation.js';

/** Pack text as HTML: inert (the page may be printed on a terminal), then escaped. */
const h = (text: string): string => escapeHtml(inert(text));
const code = (text: string): string => `<code>${h(text)}</code>`;
const link = (html: string, id: string): string => `<a href="#${id}">${html}</a>`;
const list = (items: readonly string[]): string => (items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '');
const quoted = (variants: readonly string[]): string => variants.map((v) => `«${h(v)}»`).join(', ');

const CSS = `
a { color: #0b4f6c; }
code { font-size: .92em; background: #f3f3f3; padding: 0 .15em; }
.rule { border-top: 1px solid #ccc; margin-top: 1rem; padding-top: .25rem; }
.kind { font-style: italic; }
.conditions ul { margin: .1rem 0; }
.group { font-weight: 700; }
.value { word-break: break-word; }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.about dt { font-weight: 700; }
dl.about dd { margin: 0; }
`;

/** A pack's chapter in this format. */
class Chapter extends ChapterPhrases {
  constructor(pack: PackChapter) {
    super(pack, { text: h, code, link, value: (text) => `<span class="value">${h(text)}</span>` });
  }

  conditions(node: WordNode): string {
    if (!node.test) return `<span class="group">${h(node.label)}:</span>${list(node.children!.map((child) => this.conditions(child)))}`;
    const { fact, declared, comparison, parameter } = node.test;
    const from = parameter ? ` (parameter ${this.parameterLink(parameter)})` : '';
    return `${h(node.label)}: holds when ${link(code(fact), anchors.fact(this.pack.program, declared))} ${h(comparison)}${from}`;
  }

  tested(rule: RuleEntry): string[] {
    const rows: string[] = [];
    const named = fixtureLines(rule.fixtures).map((line) => {
      const groups = line.groups.map((g) => (g.variants.length ? `${h(g.assertion)} in ${quoted(g.variants)}` : h(g.assertion)));
      return `${code(line.fixture)}: ${groups.join('; ')}`;
    });
    rows.push(`<dt>Tested by</dt><dd>${named.length ? list(named) : 'no fixture\'s expectation names this rule.'}</dd>`);
    if (rule.sets) {
      const places = placeLines(rule.classificationFixtures).map((p) => `${code(p.fixture)}${p.variants.length ? `: ${quoted(p.variants)}` : ''}`);
      const title = `Fixtures asserting ${h(rule.sets.field)} ${h(rule.sets.value)}${rule.sets.alsoSetBy.length ? ' (which other rules can also set)' : ''}`;
      rows.push(`<dt>${title}</dt><dd>${places.length ? list(places) : 'none.'}</dd>`);
    }
    return rows;
  }

  rule(rule: RuleEntry): string {
    const rows: string[] = [];
    if (rule.sets) rows.push(`<dt>Sets</dt><dd>${h(rule.sets.field)} = ${h(rule.sets.value)}${rule.sets.alsoSetBy.length ? ` (also set by ${this.ruleLinks(rule.sets.alsoSetBy)})` : ''}</dd>`);
    if (rule.defeats.length) rows.push(`<dt>Defeats (when it applies)</dt><dd>${this.ruleLinks(rule.defeats)}</dd>`);
    if (rule.defeatedBy.length) rows.push(`<dt>Defeated by</dt><dd>${this.ruleLinks(rule.defeatedBy)}</dd>`);
    if (rule.review) {
      const only = rule.review.onlyIfApplies.length ? `, only while ${this.ruleLinks(rule.review.onlyIfApplies)} applies` : '';
      rows.push(`<dt>Attorney review</dt><dd>when it ${statuses(rule.review.when)}${only}: ${h(rule.review.reason)}</dd>`);
    }
    if (rule.caution) rows.push(`<dt>Caution</dt><dd>when it ${statuses(rule.caution.when)}: ${h(rule.caution.reason)}</dd>`);
    const facts = rule.reads.map((name) => this.pack.facts.find((fact) => fact.name === name)!);
    rows.push(`<dt>Reads</dt><dd>${list(facts.map((fact) => this.factLine(fact)))}</dd>`, ...this.tested(rule));
    return [
      `<section class="rule" id="${anchors.rule(this.pack.program, rule.id)}">`,
      `<h3>${code(rule.id)}: ${h(rule.name)}</h3>`,
      `<p><span class="kind">${KIND_WORDS[rule.kind]}</span> · <span class="cite">${h(rule.citation)}</span></p>`,
      `<p>${h(rule.explanation)}</p>`,
      `<div class="conditions"><strong>Applies when:</strong>${list([this.conditions(rule.conditions)])}</div>`,
      `<dl class="about">${rows.join('')}</dl>`,
      '</section>',
    ].join('\n');
  }

  /** The other programs the pack points at, each with its condition. */
  alsoConsider(): string[] {
    const entries = this.pack.alsoConsider.map((entry) => {
      const when = entry.whenOutcome.length ? ` (only when the outcome is ${h(entry.whenOutcome.join(' or '))})` : '';
      return `${code(entry.id)}: ${link(code(entry.program), anchors.pack(entry.program))}${when}: ${h(entry.reason)} <span class="cite">(${h(entry.citation)})</span> When:${list([this.conditions(entry.conditions)])}`;
    });
    return entries.length ? ['<h3>Also consider</h3>', '<p>Other programs the report names, one line each, when the condition holds (not when it is unknown).</p>', list(entries)] : [];
  }

  fact(fact: FactEntry): string {
    const readBy = [...fact.readBy.map((id) => link(code(id), anchors.rule(this.pack.program, id))), ...fact.readByAlsoConsider.map((id) => `${code(id)} (also consider)`)];
    const items = [...fact.params.map((param) => this.param(param)), `Read by: ${readBy.length ? readBy.join(', ') : 'no rule of this pack'}`];
    return [
      `<section id="${anchors.fact(this.pack.program, fact.name)}">`,
      `<h4>${code(fact.name)}</h4>`,
      `<p>${h(fact.description)} Calculator ${code(fact.calculator)}: ${h(fact.calculatorDescription)}</p>`,
      list(items),
      '</section>',
    ].join('\n');
  }

  render(): string {
    const { pack } = this;
    const about = [
      `<dt>Legal status</dt><dd>${LEGAL_STATUS_WORDS[pack.legalStatus.kind]}. ${h(pack.legalStatus.label)}. ${h(pack.legalStatus.detail)}</dd>`,
      `<dt>Research as of</dt><dd>${h(pack.researchedAsOf)}</dd>`,
      `<dt>Kind</dt><dd>${pack.kind === 'eligibility' ? 'eligibility (an outcome: eligible, with a waiver, barred, not enough information)' : 'discretion (classifications and factors, never "eligible")'}</dd>`,
      `<dt>Pack</dt><dd>${code(pack.file)}, version ${code(pack.version)}, ${pack.rules.length} rules</dd>`,
    ];
    if (pack.standingCaution) about.push(`<dt>Standing caution</dt><dd>${h(pack.standingCaution.reason)} <span class="cite">(${h(pack.standingCaution.citation)})</span></dd>`);
    for (const c of pack.classifications) about.push(`<dt>Classification ${code(c.field)}</dt><dd>${h(c.description)}; values in order ${h(c.order.join(', '))}, otherwise ${h(c.otherwise)}</dd>`);
    const sources = pack.sources.map(sourceItem);
    const rules = pack.rules.map((rule) => `${link(code(rule.id), anchors.rule(pack.program, rule.id))}: ${h(rule.name)} (${KIND_WORDS[rule.kind]})`);
    const shared = pack.sharedParameters.length ? `<p>Shared parameters it uses: ${pack.sharedParameters.map((name) => this.parameterLink(name)).join(', ')}.</p>` : '';
    return [
      `<section class="pack" id="${anchors.pack(pack.program)}">`,
      `<h2>${h(pack.title)} (${code(pack.program)})</h2>`,
      `<dl class="about">${about.join('')}</dl>`,
      `<h3>Sources</h3>${list(sources)}`,
      `<h3>Rules</h3>${list(rules)}`,
      ...pack.rules.map((rule) => this.rule(rule)),
      ...this.alsoConsider(),
      `<h3>Derived facts of ${code(pack.program)}</h3>`,
      ...pack.facts.map((fact) => this.fact(fact)),
      `<h3>Parameters of ${code(pack.program)} (${code(pack.parameters[0]?.file ?? 'none')})</h3>`,
      list(pack.parameters.map((p) => parameterItem(p, pack.program))),
      shared,
      '</section>',
    ].join('\n');
  }
}

/** A source as a citation names it (its id, and its short name when that differs), its full reference, linked address, and why it is listed if no citation names it. */
function sourceItem(source: Source): string {
  const cite = source.cite && source.cite !== source.id ? ` (cited as ${h(source.cite)})` : '';
  const url = source.url ? ` ${/^https?:\/\/\S+$/i.test(source.url) ? `<a href="${h(source.url)}">${h(source.url)}</a>` : h(source.url)}` : '';
  const uncited = source.uncited ? ` Listed, not cited: ${h(source.uncited)}.` : '';
  return `<strong>${h(source.id)}</strong>${cite}: ${h(source.title)}${url}${uncited}`;
}

function parameterItem(parameter: ParameterInfo, program: string): string {
  if (parameter.dated) return `<span id="${anchors.parameter(program, parameter.name, parameter.shared)}"><strong>${code(parameter.name)}</strong></span>, dated: <span class="value">${h(parameterValueWords(parameter))}</span>. ${h(parameter.description)}`;
  const value = `<span class="value">${h(formatValue(parameter.value))}</span>`;
  return `<span id="${anchors.parameter(program, parameter.name, parameter.shared)}"><strong>${code(parameter.name)}</strong></span> = ${value}. ${h(parameter.description)} <span class="cite">Citation: ${h(parameter.citation)}</span>`;
}

export function renderRuleBookHtml(book: RuleBook): string {
  const contents = book.packs.map((pack) => `${link(h(pack.title), anchors.pack(pack.program))} (${code(pack.program)}): ${pack.rules.length} rules; ${LEGAL_STATUS_WORDS[pack.legalStatus.kind]}; research as of ${h(pack.researchedAsOf)}`);
  const body = [
    `<h1>${h(TITLE)}</h1>`,
    ...introduction(book).map((p) => `<p>${h(p)}</p>`),
    '<h2>Programs</h2>',
    list([...contents, link('Shared parameters', 'shared-parameters')]),
    ...book.packs.map((pack) => new Chapter(pack).render()),
    `<section id="shared-parameters"><h2>Shared parameters (${code(book.sharedParameters[0]?.file ?? 'none')})</h2>`,
    list(book.sharedParameters.map((p) => parameterItem(p, ''))),
    '<h3>Sources of the shared parameters</h3>',
    list(book.sharedSources.map(sourceItem)),
    '</section>',
  ].join('\n');
  return htmlPage({ language: 'en', title: TITLE, runningHeader: `${TITLE} · rules ${book.version}`, css: CSS, body });
}

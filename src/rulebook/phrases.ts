/**
 * The phrases of a pack's chapter that read the same in every format (a parameter's link, a list
 * of rules, a fact's calculator and values), written through the format's own escaping, code and
 * link makers: markdown.ts and html.ts each supply those and lay out the rest.
 */
import type { FactEntry, FactParam, PackChapter, RuleRef } from './book.js';
import { SHORT_VALUE, anchors } from './sentences.js';

export interface InlineFormat {
  /** Pack text, escaped for the format. */
  text: (text: string) => string;
  code: (text: string) => string;
  link: (content: string, id: string) => string;
  /** A parameter's value where it is shown whole. */
  value: (text: string) => string;
}

export class ChapterPhrases {
  /** The pack's own parameters: any other a fact reads is a shared one, anchored at the book's end. */
  private readonly own: Set<string>;

  constructor(
    readonly pack: PackChapter,
    protected readonly format: InlineFormat,
  ) {
    this.own = new Set(pack.parameters.map((p) => p.name));
  }

  parameterLink(name: string): string {
    const { link, code } = this.format;
    return link(code(name), anchors.parameter(this.pack.program, name, !this.own.has(name)));
  }

  ruleLinks(refs: readonly RuleRef[]): string {
    const { link, code, text } = this.format;
    return refs.map((ref) => `${link(code(ref.id), anchors.rule(this.pack.program, ref.id))} (${text(ref.name)})`).join('; ');
  }

  /** "`years` = 31 (parameter `ageCeiling`)"; a long value that came from parameters is left to them. */
  param(param: FactParam): string {
    const { code, value } = this.format;
    const from = param.parameters.map((name) => this.parameterLink(name)).join(', ');
    if (from && param.value.length > SHORT_VALUE) return `${code(param.key)} = the value of parameter ${from}`;
    return `${code(param.key)} = ${value(param.value)}${from ? ` (parameter ${from})` : ''}`;
  }

  /**
   * A fact as a rule lists it: its calculator and the values it takes, short ones inline; the
   * fact's own entry names the parameter each came from, with its citation.
   */
  factLine(fact: FactEntry): string {
    const { link, code, text } = this.format;
    const values = fact.params.map((param) => `${code(param.key)} = ${param.value.length <= SHORT_VALUE ? text(param.value) : '(see the fact)'}`);
    const takes = values.length ? `, taking ${values.join('; ')}` : '';
    return `${link(code(fact.name), anchors.fact(this.pack.program, fact.name))} (calculator ${code(fact.calculator)}${takes})`;
  }
}

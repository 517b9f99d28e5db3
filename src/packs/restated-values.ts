/**
 * The linter's check that names say the concept and texts take numbers from the parameters: a rule
 * id or fact name that spells a value ("under31OnAnnouncement", "daca-present-on-june-15-2012")
 * breaks when the law changes, and prose that writes "more than 90 days" beside a parameter drifts
 * from it. For each rule and fact, the values of the parameters it uses (every dated value
 * included) are looked for in its id or name and in its words; a text writes "{parameterName}"
 * instead (placeholders.ts fills it in).
 *
 * What counts as restating a value: a number as digits standing alone (not a citation's "(2)",
 * "214.202" or "1101(a)"), as an ordinal ("16th") or as a word ("three"); a threshold written as
 * the number below it ("more than 180 days" for 181, "over 17"); days that are whole years written
 * as years ("a year or more" for 365, "more than one year" for 366, "five years" for 1825); a date
 * as ISO ("2012-06-15"), written ("June 15, 2012") or in an id ("june-15-2012").
 *
 * A review note's words are held to the parameters of the facts whose calculator raises its code
 * (the juvenile note to the record's juvenile age).
 */
import { NUMBER_WORDS, writtenDate } from './placeholders.js';
import { leaves } from './conditions.js';
import { isParameterRef, type Condition, type PackFile } from './schema.js';


/** Words before a number that make it a name: "Level 2", "Priority 1", "Title 8", "section 5". */
const LABELS = 'level|priority|title|section|part|chapter|tier';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a text can write a parameter's value, as patterns; none for a value prose does not hold. */
function textPatterns(value: unknown): RegExp[] {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const digits = escape(String(value));
    // Standing alone: not inside a citation's "(2)", "214.202", "1101(a)" or "§ 5", not part of a longer number,
    // and not a label's number ("Level 2", "Priority 1" are the memos' names, not counts).
    const alone = `(?<![\\w.(§/-])(?<!\\b(?:${LABELS}) )${digits}`;
    const patterns = [new RegExp(`${alone}(?![\\w)(/]|[.,-]\\d)`, 'i'), new RegExp(`${alone}(?:st|nd|rd|th)\\b`, 'i')];
    const word = NUMBER_WORDS[value];
    if (word) patterns.push(new RegExp(`\\b${word}\\b`, 'i'));
    return [...patterns, ...thresholdPatterns(value)];
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    return [new RegExp(escape(value)), new RegExp(escape(writtenDate(value))), new RegExp(`(?<!\\d)${month}/${day}/${year}(?!\\d)`)];
  }
  return [];
}

const DAYS_IN_YEAR = 365;

/** A number as prose may write it: digits, or its word where it has one. */
const numberAlternatives = (n: number): string => [String(n), NUMBER_WORDS[n]].filter(Boolean).join('|');

/**
 * The ways prose writes a threshold without its digits: as the number below it ("more than 180"
 * for 181, as the statute words it), and days that are whole years as years ("a year or more" for
 * 365, "more than one year" for 366).
 */
function thresholdPatterns(value: number): RegExp[] {
  if (!Number.isInteger(value) || value < 2) return [];
  const patterns = [new RegExp(`\\b(?:more than|over|in excess of|exceeding) (?:${numberAlternatives(value - 1)})(?![\\w.(/]|[.,]\\d)`, 'i')];
  const years = (days: number): string | undefined => {
    if (days < DAYS_IN_YEAR || days % DAYS_IN_YEAR !== 0) return undefined;
    const n = days / DAYS_IN_YEAR;
    return n === 1 ? '(?:a|one|1) year' : `(?:${numberAlternatives(n)}) years`;
  };
  const whole = years(value);
  if (whole) patterns.push(new RegExp(`\\b${whole}\\b`, 'i'));
  const below = years(value - 1);
  if (below) patterns.push(new RegExp(`\\b(?:more than|over|in excess of) ${below.replace(' years', ' years?')}\\b`, 'i'));
  return patterns;
}

/** The ways an id or a name can spell a value: digits in "under31", "june-15-2012", a number's word in "three-years". */
function namePatterns(value: unknown): RegExp[] {
  if (typeof value === 'number' && Number.isInteger(value)) {
    const patterns = [new RegExp(`(?<!\\d)${value}(?!\\d)`)];
    const word = NUMBER_WORDS[value];
    if (word) patterns.push(new RegExp(`(?:^|-|[a-z])${word.replace(/[- ]/g, '-?')}(?=$|-|[A-Z])`, 'i'));
    return patterns;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    const monthName = writtenDate(value).split(' ')[0]!;
    return [new RegExp(escape(value)), new RegExp(`${monthName}-?${day}-?${year}`, 'i'), new RegExp(`(?<!\\d)${year}(?!\\d)`)];
  }
  return [];
}

/** A parameter a rule or fact uses: its name and every value it has held (one, or each dated value). */
export interface UsedParameter {
  name: string;
  values: readonly unknown[];
}

function findings(what: string, text: string, used: readonly UsedParameter[], patternsOf: (value: unknown) => RegExp[]): string[] {
  const problems: string[] = [];
  for (const parameter of used) {
    for (const value of parameter.values) {
      const match = patternsOf(value).map((pattern) => pattern.exec(text)).find(Boolean);
      if (match) {
        problems.push(`${what} restates ${JSON.stringify(value)}, the value of parameter "${parameter.name}" ("${match[0]}"): name the concept${patternsOf === textPatterns ? `, and write "{${parameter.name}}" where the value goes` : ''}`);
        break;
      }
    }
  }
  return problems;
}

function conditionNames(condition: Condition): string[] {
  const own = condition.name === undefined ? [] : [condition.name];
  if ('fact' in condition) return own;
  if ('not' in condition) return [...own, ...conditionNames(condition.not)];
  return [...own, ...('all' in condition ? condition.all : condition.any).flatMap(conditionNames)];
}

export interface RestatedValueInput {
  /** The pack as parsed, before placeholders are filled. */
  pack: PackFile;
  /** For each fact, the parameters its declaration uses. */
  factParameters: ReadonlyMap<string, readonly UsedParameter[]>;
  /** For each rule, the parameters its conditions compare with directly. */
  conditionParameters: ReadonlyMap<string, readonly UsedParameter[]>;
  /**
   * Facts that are records (penaltyAndCustodyRecord): they read many parameters, each for one of
   * their keys, so a rule's id is not held to all of them ("morton-level-2" is the memo's name for
   * a level, not the felony count of 2 the record also uses); its words are.
   */
  recordFacts: ReadonlySet<string>;
  /** For each review code, the parameters of the facts whose calculator raises it. */
  reviewNoteParameters: ReadonlyMap<string, readonly UsedParameter[]>;
}

/** An id without its statute tokens: "t-visa-waiver-212d3-entry" cites INA 212(d)(3), it states no value. */
const withoutStatuteTokens = (id: string): string => id.replace(/(^|-)\d+[a-z][a-z\d]*(?=-|$)/g, '$1');

/** Every id, name or text of the pack that restates the value of a parameter its rule or fact uses. */
export function restatedValueProblems({ pack, factParameters, conditionParameters, recordFacts, reviewNoteParameters }: RestatedValueInput): string[] {
  const problems: string[] = [];
  for (const [code, note] of Object.entries(pack.reviewNotes)) {
    problems.push(...findings(`review note "${code}"`, note.reason, reviewNoteParameters.get(code) ?? [], textPatterns));
  }
  for (const [name, fact] of Object.entries(pack.facts)) {
    const used = factParameters.get(name) ?? [];
    problems.push(...findings(`fact "${name}": its name`, name, used, namePatterns));
    problems.push(...findings(`fact "${name}": its description`, fact.description, used, textPatterns));
  }
  for (const rule of pack.rules) {
    const direct = new Map<string, UsedParameter>();
    const all = new Map<string, UsedParameter>();
    for (const parameter of conditionParameters.get(rule.id) ?? []) {
      direct.set(parameter.name, parameter);
      all.set(parameter.name, parameter);
    }
    for (const leaf of leaves(rule.conditions)) {
      for (const parameter of factParameters.get(leaf.fact) ?? []) {
        all.set(parameter.name, parameter);
        if (!recordFacts.has(leaf.fact)) direct.set(parameter.name, parameter);
      }
    }
    const used = [...all.values()];
    const at = `rule "${rule.id}"`;
    problems.push(...findings(`${at}: its id`, withoutStatuteTokens(rule.id), [...direct.values()], namePatterns));
    const texts: [string, string][] = [
      ['its name', rule.name],
      ['its explanation', rule.explanation],
      ...conditionNames(rule.conditions).map((text): [string, string] => [`a condition's name ("${text}")`, text]),
      ...(rule.review ? [['its review reason', rule.review.reason] as [string, string]] : []),
      ...(rule.caution ? [['its caution', rule.caution.reason] as [string, string]] : []),
    ];
    for (const [what, text] of texts) problems.push(...findings(`${at}: ${what}`, text, used, textPatterns));
  }
  // An also-consider entry is held to the parameters of the facts its condition reads, as a rule is.
  for (const entry of pack.alsoConsider ?? []) {
    const read = [...leaves(entry.conditions)].map((leaf) => leaf.fact);
    const used = [...new Map(read.flatMap((fact) => factParameters.get(fact) ?? []).map((parameter) => [parameter.name, parameter])).values()];
    const direct = [...new Map(read.filter((fact) => !recordFacts.has(fact)).flatMap((fact) => factParameters.get(fact) ?? []).map((parameter) => [parameter.name, parameter])).values()];
    const at = `alsoConsider "${entry.id}"`;
    problems.push(...findings(`${at}: its id`, withoutStatuteTokens(entry.id), direct, namePatterns));
    const texts: [string, string][] = [['its reason', entry.reason], ...conditionNames(entry.conditions).map((text): [string, string] => [`a condition's name ("${text}")`, text])];
    for (const [what, text] of texts) problems.push(...findings(`${at}: ${what}`, text, used, textPatterns));
  }
  return problems;
}

/** The parameters a raw rule's conditions compare with ("value": { "parameter": name }), each once. */
export function conditionParameterNames(rawRule: unknown): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'value' && isParameterRef(value)) names.add(value.parameter);
      else visit(value);
    }
  };
  visit((rawRule as { conditions?: unknown } | null)?.conditions);
  return [...names];
}

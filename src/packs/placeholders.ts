/**
 * Numbers in a pack's words come from its parameters: a rule's name, explanation or review reason,
 * an also-consider entry's reason, a condition's name or a fact's description writes "{ageCeilingOnAnnouncement}" where the value
 * goes, and the loader fills it in. Prose then cannot drift from the law the parameter holds, and
 * a dated parameter (dated-parameters.ts) reads as the value in force on the screening date. The
 * linter (restated-values.ts) flags a text that writes the value itself.
 */
import type { Condition, Pack, Rule } from './schema.js';

/**
 * "{name}": a parameter's name in braces, the value as digits or a written date. A format may
 * follow: "{name:words}" writes a number as a word ("three"), "{name:Words}" capitalized at the
 * start of a sentence, "{name:iso}" a date as 2012-06-15, "{name:years}" a number of days that is
 * whole years as those years (1825 -> 5), "{name:inYears}" the same as the law words a period
 * (365 -> "one year", 1825 -> "five years").
 */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?::(words|Words|iso|years|inYears))?\}/g;

/** Numbers as prose writes them in words, where the packs do. */
export const NUMBER_WORDS: Readonly<Record<number, string>> = {
  2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten',
  11: 'eleven', 12: 'twelve', 13: 'thirteen', 14: 'fourteen', 15: 'fifteen', 16: 'sixteen', 17: 'seventeen',
  18: 'eighteen', 19: 'nineteen', 20: 'twenty', 21: 'twenty-one', 25: 'twenty-five', 30: 'thirty', 31: 'thirty-one',
  60: 'sixty', 65: 'sixty-five', 90: 'ninety', 180: 'one hundred eighty',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2012-06-15" -> "June 15, 2012": how the law and the explanations write a date. */
export function writtenDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${MONTHS[month! - 1]} ${day}, ${year}`;
}

type Format = 'words' | 'Words' | 'iso' | 'years' | 'inYears' | undefined;

const DAYS_IN_YEAR = 365;

/** A parameter's value as prose writes it, or null for a value prose cannot hold (a list, a record) or a format that does not fit it. */
export function valueInWords(value: unknown, format?: Format): string | null {
  if (typeof value === 'number') {
    if (format === 'iso') return null;
    if (!format) return String(value);
    if (format === 'years') return Number.isInteger(value / DAYS_IN_YEAR) ? String(value / DAYS_IN_YEAR) : null;
    if (format === 'inYears') {
      const years = value / DAYS_IN_YEAR;
      if (!Number.isInteger(years) || years < 1) return null;
      return years === 1 ? 'one year' : `${NUMBER_WORDS[years] ?? years} years`;
    }
    const word = NUMBER_WORDS[value];
    if (!word) return String(value);
    return format === 'Words' ? word[0]!.toUpperCase() + word.slice(1) : word;
  }
  if (typeof value === 'string') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (format === 'iso') return date ? value : null;
    if (format) return null;
    return date ? writtenDate(value) : value;
  }
  return null;
}

type Lookup = ReadonlyMap<string, { value: unknown }>;

/** A text with each "{name}" replaced by the parameter's value in words; a name the pack cannot fill is a problem. */
function filled(text: string, parameters: Lookup, where: string, problems: string[]): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string, format: Format) => {
    const parameter = parameters.get(name);
    const words = parameter && valueInWords(parameter.value, format);
    if (words === undefined || words === null) {
      problems.push(parameter ? `${where}: "${whole}" cannot write the value of parameter "${name}" in a text (a number, a date or a word can be written; "iso" is for dates, "words" for numbers, "years" and "inYears" for days that are whole years)` : `${where}: "${whole}" names no parameter of this pack or the shared file`);
      return whole;
    }
    return words;
  });
}

function filledCondition(condition: Condition, fill: (text: string) => string): Condition {
  const name = condition.name === undefined ? {} : { name: fill(condition.name) };
  if ('fact' in condition) return { ...condition, ...name };
  if ('not' in condition) return { ...condition, ...name, not: filledCondition(condition.not, fill) };
  if ('all' in condition) return { ...condition, ...name, all: condition.all.map((child) => filledCondition(child, fill)) };
  return { ...condition, ...name, any: condition.any.map((child) => filledCondition(child, fill)) };
}

function filledRule(rule: Rule, parameters: Lookup, problems: string[]): Rule {
  const fill = (text: string): string => filled(text, parameters, `rule "${rule.id}"`, problems);
  return {
    ...rule,
    name: fill(rule.name),
    explanation: fill(rule.explanation),
    conditions: filledCondition(rule.conditions, fill) as Rule['conditions'],
    ...(rule.review ? { review: { ...rule.review, reason: fill(rule.review.reason) } } : {}),
    ...(rule.caution ? { caution: { ...rule.caution, reason: fill(rule.caution.reason) } } : {}),
  };
}

/** The pack with every placeholder in its words filled in from `parameters` (the values in force). */
export function withParameterWords(pack: Pack, parameters: Lookup, problems: string[]): Pack {
  const mapValues = <T>(record: Record<string, T>, change: (key: string, item: T) => T): Record<string, T> =>
    Object.fromEntries(Object.entries(record).map(([key, item]) => [key, change(key, item)]));
  return {
    ...pack,
    reviewNotes: mapValues(pack.reviewNotes, (code, note) => ({ ...note, reason: filled(note.reason, parameters, `review note "${code}"`, problems) })),
    facts: mapValues(pack.facts, (name, fact) => ({ ...fact, description: filled(fact.description, parameters, `fact "${name}"`, problems) })),
    ...(pack.classifications
      ? { classifications: mapValues(pack.classifications, (field, c) => ({ ...c, description: filled(c.description, parameters, `classification "${field}"`, problems) })) }
      : {}),
    rules: pack.rules.map((rule) => filledRule(rule, parameters, problems)),
    ...(pack.alsoConsider
      ? {
          alsoConsider: pack.alsoConsider.map((entry) => {
            const fill = (text: string): string => filled(text, parameters, `alsoConsider "${entry.id}"`, problems);
            return { ...entry, reason: fill(entry.reason), conditions: filledCondition(entry.conditions, fill) as typeof entry.conditions };
          }),
        }
      : {}),
  };
}

/**
 * A discretion program's classifications (Morton's priority and level) from its classification
 * rules: the first value, in the pack's order, that a rule settles. When a higher value can be
 * neither confirmed nor ruled out, or the framework's scope is itself unknown, the value is null and
 * listed as undetermined; a review reason says which values remain open when a rule left open is
 * open on a point already raised for review (a question of law, not a fact still to ask). When no
 * rule settles a value, the field takes the pack's `otherwise` (Morton: priority and level "none"),
 * so null means only "not determined by the known facts".
 */
import type { LoadedPack } from '../packs/load.js';
import type { Rule } from '../packs/schema.js';
import type { Finding, ReviewReason } from './program-result.js';

export const NOT_APPLICABLE = 'not_applicable';

export interface Classifications {
  values: Record<string, string | null>;
  undetermined: string[];
}

/** What each rule of a pack sets, by rule id: the same for every case, so gathered once per pack. */
const setsByPack = new WeakMap<LoadedPack, ReadonlyMap<string, Rule['sets']>>();

function setsOfRules(loaded: LoadedPack): ReadonlyMap<string, Rule['sets']> {
  let sets = setsByPack.get(loaded);
  if (!sets) {
    sets = new Map(loaded.pack.rules.map((rule) => [rule.id, rule.sets]));
    setsByPack.set(loaded, sets);
  }
  return sets;
}

export function classify(loaded: LoadedPack, findings: Finding[], reviewReasons: ReviewReason[], openOnALegalPoint: (finding: Finding) => boolean): Classifications {
  const specs = loaded.pack.classifications ?? {};
  const fields = Object.keys(specs);
  const scope = findings.filter((f) => f.kind === 'scope');
  // Outside its scope (e.g. a person outside the United States) a framework classifies nothing.
  if (scope.some((f) => f.status === 'does_not_apply')) {
    return { values: Object.fromEntries(fields.map((field) => [field, NOT_APPLICABLE])), undetermined: [] };
  }
  const openScope = scope.filter((f) => f.status === 'unknown');
  if (openScope.length) {
    if (openScope.some(openOnALegalPoint)) reviewReasons.push({ code: 'undetermined:scope', reason: `Whether the framework applies is not settled: ${openScope.map((f) => f.name).join('; ')}`, citation: openScope.map((f) => f.citation).join('; ') });
    return { values: Object.fromEntries(fields.map((field) => [field, null])), undetermined: fields };
  }

  const setsOf = setsOfRules(loaded);
  const values: Record<string, string | null> = {};
  const undetermined: string[] = [];
  for (const [field, spec] of Object.entries(specs)) {
    const setting = (value: string) => findings.filter((f) => setsOf.get(f.rule)?.field === field && setsOf.get(f.rule)?.value === value && !f.defeatedBy);
    let chosen: string | null = null;
    const undecided: Finding[] = [];
    for (const value of spec.order) {
      const rules = setting(value);
      if (rules.some((f) => f.status === 'applies')) {
        chosen = value;
        break;
      }
      undecided.push(...rules.filter((f) => f.status === 'unknown'));
    }
    if (undecided.length) undetermined.push(field);
    if (undecided.some(openOnALegalPoint)) {
      const open = [...new Set(undecided.map((f) => `"${setsOf.get(f.rule)!.value}"`))];
      reviewReasons.push({
        code: `undetermined:${field}`,
        reason: `${spec.description}: ${open.join(', ')} could not be ruled out on the known facts${chosen ? ` (at least "${chosen}" otherwise)` : ''}: ${undecided.map((f) => f.name).join('; ')}`,
        citation: [...new Set(undecided.map((f) => f.citation))].join('; '),
        citations: [...new Map(undecided.flatMap((f) => f.citations).map((part) => [JSON.stringify(part), part])).values()],
      });
    }
    values[field] = undecided.length ? null : (chosen ?? spec.otherwise);
  }
  return { values, undetermined };
}

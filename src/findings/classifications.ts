/**
 * A discretion program's classifications (Morton's priority and level) from its classification
 * rules: the first value, in the pack's order, that a rule settles; null when a higher value can
 * be neither confirmed nor ruled out, with a review reason saying which.
 */
import type { LoadedPack } from '../packs/load.js';
import type { Finding, ReviewReason } from './program-result.js';

export const NOT_APPLICABLE = 'not_applicable';

export function classify(loaded: LoadedPack, findings: Finding[], reviewReasons: ReviewReason[]): { values: Record<string, string | null>; undetermined: string[] } {
  const result: Record<string, string | null> = {};
  const undeterminedFields: string[] = [];
  const setsOf = new Map(loaded.pack.rules.map((rule) => [rule.id, rule.sets]));
  // Outside its scope (e.g. a person outside the United States) a framework classifies nothing.
  if (findings.some((f) => f.kind === 'scope' && f.status === 'does_not_apply')) {
    const fields = Object.keys(loaded.pack.classifications ?? {});
    return { values: Object.fromEntries(fields.map((field) => [field, NOT_APPLICABLE])), undetermined: [] };
  }
  for (const [field, spec] of Object.entries(loaded.pack.classifications ?? {})) {
    const setting = (value: string) =>
      findings.filter((f) => {
        const sets = setsOf.get(f.rule);
        return sets?.field === field && sets.value === value && !f.defeatedBy;
      });
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
    result[field] = chosen ?? (undecided.length ? null : spec.otherwise);
    if (!chosen && undecided.length) undeterminedFields.push(field);
    if (undecided.length) {
      const values = [...new Set(undecided.map((f) => `"${setsOf.get(f.rule)!.value}"`))];
      reviewReasons.push({
        code: `undetermined:${field}`,
        reason: `${spec.description}: ${values.join(', ')} could not be ruled out on the known facts${chosen ? `; reported as "${chosen}"` : ''} (${undecided.map((f) => f.name).join('; ')})`,
        citation: [...new Set(undecided.map((f) => f.citation))].join('; '),
      });
    }
  }
  return { values: result, undetermined: undeterminedFields };
}

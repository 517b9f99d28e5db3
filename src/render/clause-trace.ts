/**
 * The clauses behind a key of a record fact (rules/ina), for the explain view: beneath a leaf that
 * reads, say, inaRecord.criminalInadmissible, the clause that computes the key and the clauses it
 * names, each with its name, value and citation, and per conviction where the clause is of each.
 *
 * Bounded: a clause is shown once per rule (later it is named "see above"), and the clauses under
 * a settled clause are shown only near the top (SETTLED_DEPTH levels): an open clause is followed
 * down to the clauses that leave it open.
 */
import type { ClauseExplanation, ClauseTrace } from '../law/clause-evaluator.js';
import type { Tri } from '../facts/tri.js';

/** How deep the clauses under a settled clause are still shown. */
const SETTLED_DEPTH = 3;

export interface ClauseLine {
  depth: number;
  text: string;
  value: Tri;
}

const WORDS = (value: Tri) => (value === true ? 'yes' : value === false ? 'no' : 'not known');

function valueText(clause: ClauseTrace): string {
  if (!clause.instances) return WORDS(clause.value);
  const each = clause.instances.map((instance) => `${instance.name}: ${WORDS(instance.value)}`);
  if (clause.moreInstances) each.push(`${clause.moreInstances} more`);
  return each.length ? each.join('; ') : 'no conviction';
}

/**
 * The lines for the clause computing `key` ("$" for a fact that is one value), or none when the
 * fact has no clauses. `shown` is what the rule's explain view has shown so far (clause ids are
 * kept in it as "clause:<file>:<id>", apart from the fact names kept there).
 */
export function clauseLines(explanation: ClauseExplanation | undefined, key: string, shown: Set<string>): ClauseLine[] {
  const root = explanation && Object.hasOwn(explanation.roots, key) ? explanation.roots[key] : undefined;
  if (!explanation || root === undefined) return [];
  const lines: ClauseLine[] = [];
  const visit = (id: string, depth: number) => {
    const clause = explanation.clauses[id]!;
    if (shown.has(`clause:${explanation.file}:${id}`)) {
      lines.push({ depth, text: `${clause.name}: see above`, value: clause.value });
      return;
    }
    shown.add(`clause:${explanation.file}:${id}`);
    lines.push({ depth, text: `${clause.name}: ${valueText(clause)} (${clause.citation})`, value: clause.value });
    if (clause.value === null || depth < SETTLED_DEPTH) for (const used of clause.uses) visit(used, depth + 1);
  };
  visit(root, 0);
  return lines;
}

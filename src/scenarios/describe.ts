/** The scenario book as `relief scenarios` lists it: how to ask for each, what it does, and whether it is a choice. */
import { inert } from '../text/inert.js';
import { wrap } from '../render/wrap.js';
import type { Scenario, ScenarioBook } from './book.js';

const WIDTH = 80;

function usage(name: string, scenario: Scenario): string {
  const item = scenario.target ? ':ITEM' : '';
  const argument = scenario.argument;
  if (argument?.kind === 'option') return `--scenario ${name}${item}=OPTION`;
  if (argument) return `--scenario ${name}${item}[=${argument.kind.toUpperCase()}]   (${argument.kind}; default ${argument.default})`;
  return `--scenario ${name}${item}`;
}

export function describeScenarios(book: ScenarioBook): string {
  const lines: string[] = ['Named scenarios (rules/scenarios.json), applied before any --what-if:', ''];
  for (const [name, scenario] of Object.entries(book.scenarios)) {
    const kind = scenario.kind === 'choice' ? 'a choice the client or counsel can still make' : 'a counterfactual: a fact that cannot change';
    lines.push(inert(usage(name, scenario)));
    if (scenario.target) lines.push(...wrap(`ITEM: the number of the item of ${scenario.target} it changes, from 0.`, WIDTH, 4, 2));
    lines.push(...wrap(`${scenario.description} (${kind})`, WIDTH, 4, 2));
    for (const [option, detail] of Object.entries(scenario.options ?? {})) lines.push(...wrap(`${option}: ${detail.description} [${detail.citation}]`, WIDTH, 6, 2));
    if (scenario.citation) lines.push(...wrap(`source: ${scenario.citation}`, WIDTH, 4, 2));
    lines.push('');
  }
  return `${lines.map(inert).join('\n')}\n`;
}

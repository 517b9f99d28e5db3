/** The INA criminal-ground parameters exactly as every pack gets them, from rules/shared-parameters.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConvictionCategory } from '../../src/case/schema.js';
import { InaGroundsParams } from '../../src/facts/record/ina-grounds.js';
import { FIXTURES_DIR } from './fixtures.js';

const shared = JSON.parse(readFileSync(join(FIXTURES_DIR, '..', 'rules', 'shared-parameters.json'), 'utf8')) as { parameters: Record<string, { value: unknown }> };

/** What each quick category settles: nothing, unless told. */
export function categoryConclusions(settled: Record<string, Record<string, boolean>> = {}): Record<ConvictionCategory, Record<string, boolean>> {
  return Object.fromEntries(ConvictionCategory.options.map((c) => [c, settled[c] ?? {}])) as Record<ConvictionCategory, Record<string, boolean>>;
}

export function inaParameters(conclusions = categoryConclusions()) {
  // The shared file holds other statutory facts too: take only those the INA classification reads.
  const names = Object.keys(InaGroundsParams.shape);
  const values = Object.fromEntries(Object.entries(shared.parameters).filter(([name]) => names.includes(name)).map(([name, parameter]) => [name, parameter.value]));
  // The age of adulthood is each pack's own parameter (every pack sets 18).
  return InaGroundsParams.parse({ ...values, juvenileUnderAge: 18, juvenileCourts: ['juvenile_court'], categoryConclusions: conclusions });
}

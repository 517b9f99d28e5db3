/**
 * Computes the derived facts a rule pack declares. Facts with the same calculator and parameters
 * are computed once per case and shared between packs.
 */
import type { DeclaredFact } from '../packs/load.js';
import type { DeriveContext, Derived } from './derived.js';

export type DerivedFacts = Map<string, Derived>;

/** A declaration's cache key, computed once: serialising the parameters for every case costs more than most calculators. */
const cacheKeys = new WeakMap<DeclaredFact, string>();

function cacheKey(fact: DeclaredFact): string {
  let key = cacheKeys.get(fact);
  if (key === undefined) {
    key = `${fact.calculatorName}\0${JSON.stringify(fact.params)}`;
    cacheKeys.set(fact, key);
  }
  return key;
}

export class FactCache {
  private readonly values = new Map<string, Derived>();

  constructor(readonly context: DeriveContext) {}

  derive(facts: Iterable<DeclaredFact>): DerivedFacts {
    const out: DerivedFacts = new Map();
    for (const fact of facts) {
      const key = cacheKey(fact);
      let value = this.values.get(key);
      if (!value) {
        value = fact.calculator.compute(this.context, fact.params as never);
        this.values.set(key, value);
      }
      out.set(fact.name, value);
    }
    return out;
  }
}

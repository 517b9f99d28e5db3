/**
 * Computes the derived facts a rule pack declares. Facts with the same calculator and parameters
 * are computed once per case and shared between packs.
 */
import type { DeclaredFact } from '../packs/load.js';
import type { DeriveContext, Derived } from './calculator.js';
import { hasUnknown, withSettlingFields } from './settling-fields.js';

export type DerivedFacts = Map<string, Derived>;

/**
 * Each distinct calculation (calculator and parameters) has a slot, numbered in the order first
 * declared; a declaration's slot is found once. A case's values are then an array by slot: looking
 * a serialised key up in a Map for every fact of every case cost more than most calculators.
 */
const slotsByKey = new Map<string, number>();
const slotOfFact = new WeakMap<DeclaredFact, number>();

function slotOf(fact: DeclaredFact): number {
  let slot = slotOfFact.get(fact);
  if (slot === undefined) {
    const key = `${fact.calculatorName}\0${JSON.stringify(fact.params)}`;
    slot = slotsByKey.get(key);
    if (slot === undefined) {
      slot = slotsByKey.size;
      slotsByKey.set(key, slot);
    }
    slotOfFact.set(fact, slot);
  }
  return slot;
}

/** A pack's declarations with their slots, worked out once per pack. */
interface Plan {
  facts: DeclaredFact[];
  slots: number[];
}

const plans = new WeakMap<ReadonlyMap<string, DeclaredFact>, Plan>();

function planFor(declared: ReadonlyMap<string, DeclaredFact>): Plan {
  let plan = plans.get(declared);
  if (!plan) {
    const facts = [...declared.values()];
    plan = { facts, slots: facts.map(slotOf) };
    plans.set(declared, plan);
  }
  return plan;
}

/** Whether nothing in a value is unknown (null at any depth) and no missing field left part of it so. */
function fullyKnown(derived: Derived): boolean {
  return derived.missing.length === 0 && !hasUnknown(derived.value);
}

export class FactCache {
  private readonly values: (Derived | undefined)[] = [];
  /** The slots whose missing fields settling-fields.ts completed. */
  private readonly completed: boolean[] = [];

  /**
   * `knownFrom`: the facts of the same case with fewer fields given (settling by cases gives values
   * to the fields a case leaves unknown, src/settle). Its fully known facts are taken as they are:
   * giving a value to a field that was unknown never changes a fully known fact (the soundness
   * property: unknown is never "no"), and deriving every fact again for every completion cost
   * more than all the rest of settling.
   */
  constructor(
    readonly context: DeriveContext,
    private readonly knownFrom?: FactCache,
  ) {}

  /** The facts a loaded pack declares (its `facts`), by name. */
  derivePack(declared: ReadonlyMap<string, DeclaredFact>): DerivedFacts {
    const { facts, slots } = planFor(declared);
    const out: DerivedFacts = new Map();
    for (let i = 0; i < facts.length; i++) out.set(facts[i]!.name, this.value(facts[i]!, slots[i]!));
    return out;
  }

  derive(facts: Iterable<DeclaredFact>): DerivedFacts {
    const out: DerivedFacts = new Map();
    for (const fact of facts) out.set(fact.name, this.value(fact, slotOf(fact)));
    return out;
  }

  private value(fact: DeclaredFact, slot: number): Derived {
    let value = this.values[slot];
    if (value === undefined) {
      const earlier = this.knownFrom?.values[slot];
      if (earlier && fullyKnown(earlier)) value = earlier;
      else {
        value = fact.calculator.compute(this.context, fact.params as never);
        // The case's own facts are completed wherever needed (settling-fields.ts); a completion's, only
        // where the case's needed it: trying the absent fields of every completion doubled settling's time.
        if (!this.knownFrom || this.knownFrom.completed[slot]) {
          const completed = withSettlingFields(fact.calculator, this.context, fact.params, value);
          if (completed !== value) this.completed[slot] = true;
          value = completed;
        }
      }
      this.values[slot] = value;
    }
    return value;
  }
}

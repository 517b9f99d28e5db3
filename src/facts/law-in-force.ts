/**
 * Whether a provision of law is in force on the screening date. A pack declares the fact with a
 * dated yes/no parameter (false from the date the program's law begins, true from the Act that made
 * the provision: rules/README.md), and the loader hands the calculator the value in force on the
 * screening date. So a route the law added later (the T visa's trauma exception, the VAWA abused
 * parent's petition) is closed on an earlier date, by a rule condition that says so and a parameter
 * that cites both Acts, not by a number bent to fit (a late-filing age equal to the child age).
 */
import { z } from 'zod';
import { defineCalculator, derived } from './calculator.js';

export const lawInForce = defineCalculator({
  description:
    'A provision of law (`provision`, named for the report) is in force on the screening date: the value in force of a dated yes/no parameter of the pack (false before the Act that made the provision, true from it).',
  params: z.strictObject({ provision: z.string().min(1), inForce: z.boolean() }),
  reviewCodes: [],
  compute(_context, params) {
    return derived(params.inForce, `${params.provision}: ${params.inForce ? 'in force' : 'not yet in force'} on the screening date`);
  },
});

import { describe, expect, it } from '@jest/globals';
import { InputError, validateCase } from '../../src/case/load.js';
import { canonicalState } from '../../src/case/us-states.js';

const stateRead = (written: string) => validateCase({ person: { stateOfResidence: written } }, 'case.yaml').person?.stateOfResidence;

describe('the case reader: a U.S. state', () => {
  it('reads a name or an abbreviation, in any case and spacing, as the one canonical name', () => {
    for (const written of ['Texas', 'TX', 'texas', 'tx', ' TEXAS ', 'Tx']) expect(stateRead(written)).toBe('Texas');
    expect(stateRead('new  york')).toBe('New York');
    expect(stateRead('D.C.')).toBe('District of Columbia');
    expect(stateRead('Washington, D.C.')).toBe('District of Columbia');
    expect(stateRead('pr')).toBe('Puerto Rico');
    expect(canonicalState('Washington')).toBe('Washington');
  });

  it('rejects text that names no state, with the field and a way to write it', () => {
    expect(() => stateRead('Texsa')).toThrow(InputError);
    try {
      stateRead('Texsa');
    } catch (error) {
      expect((error as InputError).problems).toEqual(['person.stateOfResidence: "Texsa" is not a U.S. state, D.C. or territory: write its name (Texas) or its two-letter abbreviation (TX)']);
    }
  });
});

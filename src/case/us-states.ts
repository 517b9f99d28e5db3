/**
 * A U.S. state (or D.C., or a territory) as the case file may write it: its name or its USPS
 * abbreviation, in any case and spacing ("Texas", "TX", "texas", " tx "). The reader turns each
 * into one canonical form, the name as written here, so a pack lists a state once ("Texas") and a
 * rule about Texas cannot miss "tx". Text that names no state is an error, not a silent "no": a
 * rule about Texas residents must not read "Texsa" as "not in Texas".
 */
import { z } from 'zod';
import { echo } from '../text/inert.js';

const STATES: readonly (readonly [string, string])[] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'],
  ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'],
  ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'],
  ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'],
  ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'],
  ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ['DC', 'District of Columbia'],
  ['PR', 'Puerto Rico'], ['GU', 'Guam'], ['VI', 'U.S. Virgin Islands'], ['AS', 'American Samoa'], ['MP', 'Northern Mariana Islands'],
];

/** The lookup key of a written name: lower case, dots dropped, spaces collapsed ("D.C." and "dc" meet). */
const keyOf = (text: string): string => text.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();

const CANONICAL = new Map<string, string>(
  STATES.flatMap(([code, name]) => [
    [keyOf(code), name],
    [keyOf(name), name],
  ]),
);
CANONICAL.set(keyOf('Washington, D.C.'), 'District of Columbia');
CANONICAL.set(keyOf('Virgin Islands'), 'U.S. Virgin Islands');

/** The canonical name of a state written by name or abbreviation, or undefined if it names none. */
export function canonicalState(text: string): string | undefined {
  return CANONICAL.get(keyOf(text));
}

/** The case file's field for a U.S. state: read into its canonical name. */
export const UsState = z.string().transform((text, context) => {
  const name = canonicalState(text);
  if (name !== undefined) return name;
  context.issues.push({
    code: 'custom',
    input: text,
    message: `"${echo(text)}" is not a U.S. state, D.C. or territory: write its name (Texas) or its two-letter abbreviation (TX)`,
  });
  return z.NEVER;
});

/**
 * Synthetic clients for the benchmark, from a seeded generator (the same seed gives the same
 * cases): varied ages, entries, departures and removals, conviction records (raw facts or a quick
 * category), family, equities, abuse and trafficking facts, with some facts left unknown, and a
 * share of malformed inputs (broken JSON, schema errors, events after the screening date) so the
 * error path is measured too. Not legal data: only realistic shapes and sizes.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const OFFENSES = ['dui', 'domestic_violence', 'burglary', 'firearm', 'drug_distribution', 'drug_possession', 'prostitution', 'theft_or_fraud', 'minor_traffic', 'state_immigration_status_offense', 'illegal_entry_1325_first', 'reentry_1326'];
const PENALTIES = [5, 30, 90, 180, 364, 365, 730, 1825, 3650];
const CATEGORIES = ['none', 'illegal_entry_misdemeanor', 'reentry_felony', 'crime_involving_moral_turpitude', 'level_1', 'level_2', 'level_3'];
const EDUCATION = ['in_school', 'high_school_diploma', 'ged', 'college_degree', 'none'];
const STATES = ['California', 'Texas', 'Arizona', 'Ohio', 'New York', 'Illinois'];

/**
 * `allKnown`: no fact left unknown on purpose (bench/rank-columns.js blanks one column at a time
 * and needs the others known to see what it decides); the default leaves about 15% of facts out.
 */
export function caseGenerator(seed, { allKnown = false } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const chance = (p) => rnd() < p;
  const between = (from, to) => from + Math.floor(rnd() * (to - from + 1));
  /** A fact that may be unknown: absent in about `unknown` of the cases. */
  const maybe = (value, unknown = 0.15) => (allKnown || !chance(unknown) ? value : undefined);
  const vague = (ms) => (chance(0.1) ? iso(ms).slice(0, 4) : chance(0.1) ? iso(ms).slice(0, 7) : iso(ms));

  function conviction(birth, entry, screening) {
    const earliest = Math.min(Math.max(birth + 14 * 365 * DAY, entry), screening - 90 * DAY);
    const offense = earliest + between(0, (screening - 60 * DAY - earliest) / DAY) * DAY;
    const custody = pick([0, 0, 1, 3, 30, 60, 90, 120, 400]);
    const maximum = maybe(pick(PENALTIES), 0.25);
    // A court imposes no more than the statute's maximum (a case file saying otherwise is refused).
    const sentence = maybe(pick([0, 10, 30, 90, 180, 365, 730]), 0.3);
    const types = chance(0.7) ? [pick(OFFENSES)] : chance(0.5) ? [pick(OFFENSES), pick(OFFENSES)].filter((t, i, a) => a.indexOf(t) === i) : [];
    return {
      jurisdiction: maybe(pick(['state', 'state', 'federal', 'municipal'])),
      label: maybe(pick(['felony', 'misdemeanor', 'misdemeanor', 'petty_offense'])),
      maximumPenaltyDays: maximum,
      sentenceToCustodyDays: maximum === undefined || sentence === undefined ? sentence : Math.min(sentence, maximum),
      daysInCustody: maybe(custody),
      daysHeldOnImmigrationDetainer: maybe(custody > 2 ? 2 : 0, 0.3),
      offenseDate: maybe(iso(offense)),
      convictionDate: maybe(iso(Math.min(offense + between(10, 50) * DAY, screening))),
      offenseTypes: maybe(types),
      expunged: maybe(chance(0.05)),
      juvenile: maybe(false),
      aggravatedFelony: maybe(chance(0.05), 0.6),
      connectedToAbuse: maybe(chance(0.1), 0.6),
    };
  }

  return function next(index) {
    const screening = Date.UTC(2012, 8, 1) + between(0, 4 * 365) * DAY;
    // Half are of DACA age, half older.
    const birth = screening - (chance(0.5) ? between(15 * 365, 31 * 365) : between(31 * 365, 60 * 365)) * DAY;
    const firstEntry = birth + between(0, Math.min(30 * 365, (screening - birth) / DAY - 3 * 365)) * DAY;
    const c = { caseId: `synthetic-${index}`, screeningDate: iso(screening) };
    c.person = {
      dateOfBirth: maybe(vague(birth), 0.1),
      currentLocation: maybe(chance(0.95) ? 'united_states' : 'outside_united_states', 0.05),
      stateOfResidence: maybe(pick(STATES)),
      education: maybe(pick(EDUCATION), 0.3),
      seriouslyIll: maybe(chance(0.05), 0.5),
    };
    c.entries = [{ date: maybe(vague(firstEntry), 0.1), manner: maybe(pick(['without_inspection', 'without_inspection', 'admitted'])) }];
    const left = chance(0.25);
    if (left) {
      const out = between(firstEntry + DAY, screening - 30 * DAY);
      const back = Math.min(out + between(5, 400) * DAY, screening - DAY);
      c.departures = maybe([{ date: iso(out), underOrder: maybe(pick(['none', 'none', 'removal', 'voluntary_departure'])) }], 0.1);
      c.entries.push({ date: iso(back), manner: 'without_inspection' });
    } else c.departures = maybe([], 0.1);
    c.statusHistory = maybe([{ status: pick(['none', 'none', 'none', 'nonimmigrant']), from: iso(firstEntry), to: 'present' }], 0.2);
    c.removal = maybe({ inProceedings: maybe(chance(0.3)), finalOrder: maybe(chance(0.15)), priorRemovals: maybe([]), mandatoryDetention: maybe(chance(0.05), 0.5) }, 0.2);
    if (chance(0.15)) c.criminalHistory = { category: pick(CATEGORIES.slice(1)) };
    else if (chance(0.85)) {
      const count = chance(0.55) ? 0 : between(1, 3);
      c.criminalHistory = { convictions: Array.from({ length: count }, () => conviction(birth, firstEntry, screening)) };
    }
    c.family = maybe({ children: Array.from({ length: between(0, 3) }, () => ({ status: maybe(pick(['us_citizen', 'other'])), clientIsPrimaryCaretaker: maybe(chance(0.7)) })) }, 0.3);
    c.equities = maybe({ lawEnforcementCooperation: maybe(chance(0.2), 0.4), crimeVictim: maybe(chance(0.1), 0.4), weakTiesToHomeCountry: maybe(chance(0.5), 0.5) }, 0.3);
    if (chance(0.1)) c.abuse = { occurred: true, victims: ['client'], kinds: ['battery'], abuser: { status: maybe(pick(['us_citizen', 'lawful_permanent_resident'])), relationship: maybe('spouse') } };
    if (chance(0.05)) c.trafficking = { occurred: true, type: pick(['sex', 'labor']), means: ['coercion'], location: 'united_states' };
    c.security = maybe({ gangParticipation: maybe(false), outstandingCriminalWarrant: maybe(chance(0.03)), pendingCharges: maybe(chance(0.05)) }, 0.3);

    // About 3% malformed, of three kinds.
    const broken = rnd();
    if (broken < 0.01) return JSON.stringify(c).slice(0, 40);
    if (broken < 0.02) c.person.dateOfBrith = c.person.dateOfBirth;
    else if (broken < 0.03) c.entries.push({ date: iso(screening + 100 * DAY) });
    return JSON.stringify(c);
  };
}

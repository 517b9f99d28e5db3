/**
 * How the cost of screening one case grows with its record (npm run bench:record; needs
 * `npm run build`). Not a test: it measures.
 *
 *   node bench/big-record.js [--grow convictions,entries,statusHistory,priorRemovals]
 *                            [--sizes 1000,2000,5000,10000,20000] [--seed 7] [--keep DIR]
 *
 * For each size N it writes one synthetic case in which each list named by --grow (default
 * convictions) holds N items, the others a few:
 * - convictions: varied dates, some known only to the month or year or as a span, labels, courts,
 *   offense types, sentences, custody, several pleas on one day, some facts unknown;
 * - entries: N entries and N departures, alternating on one timeline;
 * - priorRemovals: N removals on that same timeline, followed by returns (N entries in all, so
 *   with both, every other return goes unrecorded);
 * - statusHistory: N status periods, one after another, with and without status.
 * Timeline dates never go back; some are known only to the month or year or as a span, some are
 * unknown, as are some manners and flags. Then it runs
 * `relief screen FILE --format json` in a child process with its output sent to a file, and reports
 * the wall time, CPU seconds (all threads; steadier than the wall clock on a shared machine), peak
 * resident memory (getrusage of the child) and report size. Good cost is about
 * linear: four times the record, about four times the time and the memory. Once one size takes
 * over a minute, the larger ones are skipped.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './generate.js';
import { CASE_LIMITS } from '../dist/case/limits.js';
import { option } from './options.js';

const here = dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

const OFFENSES = [
  'dui', 'domestic_violence', 'stalking_or_protection_order_violation', 'burglary', 'firearm', 'drug_distribution', 'drug_possession',
  'prostitution', 'theft_or_fraud', 'minor_traffic', 'state_immigration_status_offense', 'illegal_entry_1325_first',
  'illegal_entry_1325_subsequent', 'reentry_1326', 'unlawful_voting',
];
const LABELS = ['felony', 'misdemeanor', 'misdemeanor', 'misdemeanor', 'petty_offense', 'infraction'];
const COURTS = ['state', 'state', 'state', 'federal', 'municipal', 'foreign', 'juvenile_court'];
const PENALTIES = [5, 30, 90, 180, 364, 365, 730, 1825, 3650];

/** The grown lists of one case, from the seed (the same seed gives the same case). */
function bigRecordCase(count, seed, grow) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const chance = (p) => rnd() < p;
  const between = (from, to) => from + Math.floor(rnd() * (to - from + 1));
  /** A fact left unknown (absent) in about `unknown` of the convictions. */
  const maybe = (value, unknown = 0.1) => (chance(unknown) ? undefined : value);
  /** A date as a client may know it: usually the day, sometimes only the month or year, or a span. */
  const told = (ms) => (chance(0.05) ? iso(ms).slice(0, 4) : chance(0.05) ? iso(ms).slice(0, 7) : chance(0.02) ? `${iso(ms).slice(0, 7)}/${iso(ms + 60 * DAY).slice(0, 7)}` : iso(ms));

  const screening = Date.UTC(2014, 4, 1);
  const birth = Date.UTC(1960, 2, 14);
  const entry = Date.UTC(1980, 5, 1);
  const convictions = [];
  let incident = 0;
  while (grow.has('convictions') && convictions.length < count) {
    // A court date, then one to three pleas taken at it (they count once as "different dates").
    const hearing = entry + between(30, (screening - entry) / DAY - 60) * DAY;
    incident++;
    const pleas = Math.min(count - convictions.length, chance(0.7) ? 1 : between(2, 3));
    for (let p = 0; p < pleas; p++) {
      const offense = hearing - between(10, 400) * DAY;
      const imposed = pick([0, 0, 10, 30, 90, 180, 365, 730, 1825]);
      const suspended = Math.min(imposed, pick([0, 0, 0, 30, 90]));
      const custody = pick([0, 0, 1, 3, 30, 60, 90, 120, 400]);
      const types = chance(0.75) ? [pick(OFFENSES)] : chance(0.5) ? [...new Set([pick(OFFENSES), pick(OFFENSES)])] : [];
      const c = {
        id: chance(0.3) ? `case ${incident}-${p + 1}` : undefined,
        jurisdiction: maybe(pick(COURTS)),
        label: maybe(pick(LABELS)),
        statute: chance(0.4) ? `ARS 13-${between(1000, 3999)}` : undefined,
        maximumPenaltyDays: maybe(pick(PENALTIES), 0.3),
        sentenceImposedDays: maybe(imposed, 0.2),
        sentenceSuspendedDays: undefined,
        sentenceToCustodyDays: undefined,
        daysInCustody: maybe(custody),
        daysHeldOnImmigrationDetainer: maybe(custody > 2 ? 2 : 0, 0.3),
        releasedFromConfinementDate: custody > 0 && chance(0.5) ? iso(Math.min(hearing + custody * DAY, screening - DAY)) : undefined,
        offenseDate: maybe(told(offense)),
        convictionDate: maybe(told(hearing), 0.05),
        incidentId: chance(0.5) ? `i${incident}` : undefined,
        offenseTypes: maybe(types),
        crimeInvolvingMoralTurpitude: maybe(chance(0.2), 0.6),
        aggravatedFelony: maybe(chance(0.05), 0.6),
        expunged: maybe(chance(0.05)),
        juvenile: maybe(false, 0.5),
        connectedToAbuse: maybe(chance(0.1), 0.7),
      };
      // A court imposes no more than the statute's maximum (a case file saying otherwise is refused).
      if (c.sentenceImposedDays !== undefined && c.maximumPenaltyDays !== undefined) c.sentenceImposedDays = Math.min(c.sentenceImposedDays, c.maximumPenaltyDays);
      if (c.sentenceImposedDays !== undefined && chance(0.8)) {
        c.sentenceSuspendedDays = Math.min(suspended, c.sentenceImposedDays);
        c.sentenceToCustodyDays = c.sentenceImposedDays - c.sentenceSuspendedDays;
      }
      convictions.push(c);
    }
  }
  if (!grow.has('convictions')) convictions.push({ label: 'misdemeanor', offenseTypes: ['dui'], convictionDate: '2010-03-02', offenseDate: '2010-01-09' });

  // The timeline: the first entry, then exits (departures, removals) in a random order, each
  // followed by a return; days never go back (many trips share a day when N is large).
  const exitKinds = [...Array(grow.has('entries') ? count : 0).fill('departure'), ...Array(grow.has('priorRemovals') ? count : 0).fill('removal')];
  for (let i = exitKinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [exitKinds[i], exitKinds[j]] = [exitKinds[j], exitKinds[i]];
  }
  const firstDay = entry / DAY;
  const span = (screening - entry) / DAY - 30;
  const dayOf = (k, of) => firstDay + 1 + Math.floor((span * k) / of);
  const entries = [{ date: iso(entry), manner: 'without_inspection' }];
  const departures = [];
  const priorRemovals = [];
  const returns = Math.min(exitKinds.length, count - 1);
  exitKinds.forEach((kind, k) => {
    const left = dayOf(2 * k, 2 * exitKinds.length) * DAY;
    const back = dayOf(2 * k + 1, 2 * exitKinds.length) * DAY;
    if (kind === 'departure') {
      departures.push({
        date: maybe(toldMovement(left), 0.02),
        underOrder: maybe(pick(['none', 'none', 'none', 'voluntary_departure']), 0.1),
        advanceParole: maybe(chance(0.3), 0.3),
        briefCasualInnocent: maybe(chance(0.6), 0.3),
        connectedToAbuse: maybe(chance(0.1), 0.5),
      });
    } else {
      priorRemovals.push({ date: maybe(toldMovement(left), 0.02), basis: maybe(pick(['criminal', 'non_criminal'])), aggravatedFelonyBasis: maybe(chance(0.1), 0.3) });
    }
    // N entries in all (a list holds at most 50,000): the returns after some exits go unrecorded.
    if (Math.ceil(((k + 1) * returns) / exitKinds.length) > Math.ceil((k * returns) / exitKinds.length)) {
      entries.push({ date: maybe(toldMovement(back), 0.02), manner: maybe(pick(['without_inspection', 'admitted', 'paroled'])), afterRemoval: kind === 'removal' ? maybe(true, 0.5) : undefined });
    }
  });
  /** A movement date: rarely coarser than the day, since a year-long date blurs many trips. */
  function toldMovement(ms) {
    return chance(0.003) ? iso(ms).slice(0, 4) : chance(0.01) ? iso(ms).slice(0, 7) : chance(0.01) ? `${iso(ms)}/${iso(ms + 3 * DAY)}` : iso(ms);
  }

  const periods = grow.has('statusHistory') ? count : 1;
  const STATUSES = ['none', 'none', 'nonimmigrant', 'temporary_protected_status', 'parole'];
  const statusHistory = Array.from({ length: periods }, (_, k) => ({
    status: k === 0 ? 'none' : pick(STATUSES),
    from: k === 0 ? iso(entry) : maybe(toldMovement(dayOf(k, periods) * DAY), 0.02),
    to: k === periods - 1 ? 'present' : maybe(toldMovement(dayOf(k + 1, periods) * DAY - DAY), 0.05),
  }));
  return {
    caseId: `big-record-${count}`,
    screeningDate: iso(screening),
    person: { dateOfBirth: iso(birth), currentLocation: 'united_states', stateOfResidence: 'Arizona', education: 'ged' },
    entries,
    departures,
    statusHistory,
    removal: { inProceedings: true, finalOrder: false, priorRemovals },
    criminalHistory: { convictions },
    family: { children: [{ status: 'us_citizen', clientIsPrimaryCaretaker: true }] },
    equities: { lawEnforcementCooperation: false, weakTiesToHomeCountry: true },
    security: { gangParticipation: false, outstandingCriminalWarrant: false, pendingCharges: false },
  };
}


/** Runs `relief screen FILE --format json` in a child (bench/measure-cli.js), stdout to `out`: wall time from here, peak RSS of the child. */
function screen(file, out, result) {
  const args = [join(here, 'measure-cli.js'), result, 'screen', file, '--format', 'json'];
  const fd = openSync(out, 'w');
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  closeSync(fd);
  if (run.status !== 0) throw new Error(`relief screen failed (${run.status ?? run.signal}): ${run.stderr.slice(0, 2000)}`);
  const measured = JSON.parse(readFileSync(result, 'utf8'));
  if (measured.code !== 0) throw new Error(`relief screen exited ${measured.code}: ${run.stderr.slice(0, 2000)}`);
  return { ms, cpuMs: measured.cpuMs, maxRssKb: measured.maxRssKb };
}

async function main() {
  const grow = new Set(option('grow', 'convictions').split(','));
  const lists = ['convictions', 'entries', 'statusHistory', 'priorRemovals'];
  const unknown = [...grow].filter((name) => !lists.includes(name));
  if (unknown.length) throw new Error(`--grow takes ${lists.join(', ')}; not ${unknown.join(', ')}`);
  const sizes = option('sizes', '1000,2000,5000,10000,20000').split(',').map(Number);
  const seed = Number(option('seed', '7'));
  const keep = option('keep', undefined);
  const scratch = keep ?? mkdtempSync(join(tmpdir(), 'relief-record-'));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    console.log(`relief screen --format json on one case of N ${[...grow].join(', ')}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`${'N'.padStart(11)} ${'case MB'.padStart(8)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'report MB'.padStart(10)}`);
    for (const size of sizes) {
      const file = join(scratch, `record-${size}.case.json`);
      writeFileSync(file, JSON.stringify(bigRecordCase(size, seed, grow)));
      if (statSync(file).size > CASE_LIMITS.bytes.value) {
        console.log(`${String(size).padStart(11)} ${(statSync(file).size / 1024 / 1024).toFixed(1).padStart(8)}  over the case size limit: larger sizes skipped`);
        break;
      }
      const out = join(scratch, `record-${size}.report.json`);
      const { ms, cpuMs, maxRssKb } = screen(file, out, join(scratch, `record-${size}.cost.json`));
      const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
      console.log(`${String(size).padStart(11)} ${mb(statSync(file).size).padStart(8)} ${(ms / 1000).toFixed(2).padStart(8)} ${(cpuMs / 1000).toFixed(2).padStart(8)} ${mb(maxRssKb * 1024).padStart(12)} ${mb(statSync(out).size).padStart(10)}`);
      if (ms > 60_000) {
        console.log('over a minute: larger sizes skipped');
        break;
      }
    }
  } finally {
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  }
}

await main();

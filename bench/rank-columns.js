/**
 * Ranks the roster columns by how much they decide (needs `npm run build`), for `relief
 * roster-template`: node bench/rank-columns.js [--cases 400] [--seed 42]
 *
 * The benchmark's generated clients (bench/generate.js with every fact it draws known; the malformed
 * ones left out), each completed with the DACA baseline client's answers (fixtures/cases/daca-baseline)
 * for the facts the generator does not draw (security questions, orders, trafficking), so that
 * most results are settled and a blanked column is the only gap, are written as roster rows, one
 * cell per field, list items numbered, read back by the roster reader and screened.
 * Then, for each column (list items taken together: every conviction's maximumPenaltyDays is one
 * column), that column is blanked in every row, the rows are read and screened again, and the
 * program results (each eligibility outcome, each Morton classification) that changed are counted,
 * and among them those that became open (not_enough_information, or a classification not settled).
 * Columns rank by results changed. Writes src/cli/roster-template-data.ts (the ranking, and an
 * example row: fixtures/cases/daca-baseline as a roster row); `relief roster-template --markdown`
 * prints docs/roster-columns.md from it, and a test keeps the two equal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { caseGenerator } from './generate.js';
import { Screener } from '../dist/app/screen.js';
import { InputError } from '../dist/case/load.js';
import { screenCase } from '../dist/app/front-end.js';
import { parseDateSpec } from '../dist/case/dates.js';
import { loadRulePacks } from '../dist/packs/load.js';
import { rosterColumns, rowToCase } from '../dist/batch/roster.js';
import { option } from './options.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const caseCount = Number(option('cases', '400'));
const seed = Number(option('seed', '42'));
/** A row without a screening date is screened as of "today": fixed, so the ranking can be reproduced. */
const TODAY = parseDateSpec('2026-01-01').earliest;

/** A case as roster cells: column -> text, list items numbered, an empty list as "[]". */
function flatten(value, path = '', cells = new Map()) {
  if (Array.isArray(value)) {
    if (value.length === 0) cells.set(path, '[]');
    else if (value.every((item) => item === null || typeof item !== 'object')) cells.set(path, value.join(';'));
    else value.forEach((item, i) => flatten(item, `${path}.${i}`, cells));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (item !== undefined) flatten(item, path ? `${path}.${key}` : key, cells);
  } else cells.set(path, String(value));
  return cells;
}

/** The column a cell belongs to, list items taken together: entries.1.date -> entries.N.date. */
const columnOf = (cell) => cell.replace(/\.\d+(?=\.|$)/g, '.N');

const packs = await loadRulePacks(join(ROOT, 'rules'));
const screener = new Screener(packs);

/** A row (cells) read as the roster reader reads it and screened: program results, or null if it is refused. */
async function results(cells) {
  const header = [...cells.keys()];
  const row = rowToCase(rosterColumns(header), header.map((column) => cells.get(column)));
  if ('issues' in row) return null;
  try {
    // Only the results are read here, not the audit stamp: the row is not hashed.
    const { report } = await screenCase(screener, { value: row.value, name: 'rank', sha256: '' }, { today: TODAY }, { producedAt: new Date() });
    return report.programs.flatMap((p) => (p.outcome ? [p.outcome] : Object.values(p.classifications ?? {}).map((v) => v ?? 'undetermined')));
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

const baseline = parseYaml(readFileSync(join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), 'utf8'));
/** Sections answered field by field take the baseline's answers under the generated ones; the others (lists, the record) are the generated client's when drawn. */
const COMPLETED_SECTIONS = ['person', 'removal', 'security', 'trafficking'];
function completed(generated) {
  const client = { ...baseline, ...generated };
  for (const section of COMPLETED_SECTIONS) client[section] = { ...baseline[section], ...generated[section] };
  delete client.person.name;
  return client;
}

const OPEN = new Set(['not_enough_information', 'undetermined']);
const next = caseGenerator(seed, { allKnown: true });
const rows = [];
for (let i = 1; rows.length < caseCount; i++) {
  let value;
  try {
    value = JSON.parse(next(i));
  } catch {
    continue;
  }
  const cells = flatten(completed(value));
  const base = await results(cells);
  if (base) rows.push({ cells, base });
}

const tally = new Map();
let resultsPerRow = 0;
let openAtBase = 0;
for (const { cells, base } of rows) {
  resultsPerRow = base.length;
  openAtBase += base.filter((result) => OPEN.has(result)).length;
  for (const column of new Set([...cells.keys()].map(columnOf))) {
    const blanked = new Map([...cells].filter(([cell]) => columnOf(cell) !== column));
    const after = await results(blanked);
    const entry = tally.get(column) ?? { column, changed: 0, opened: 0, refused: 0 };
    tally.set(column, entry);
    if (!after) {
      entry.refused++;
      continue;
    }
    base.forEach((result, i) => {
      if (after[i] === result) return;
      entry.changed++;
      if (!OPEN.has(result) && OPEN.has(after[i])) entry.opened++;
    });
  }
}
const ranking = [...tally.values()].filter((entry) => entry.changed > 0).sort((a, b) => b.changed - a.changed || b.opened - a.opened || a.column.localeCompare(b.column));

const example = Object.fromEntries([...flatten(baseline)].map(([cell, text]) => [columnOf(cell), text]));

const data = {
  measuredOn: { generator: 'bench/generate.js', seed, cases: rows.length, results: rows.length * resultsPerRow, openBeforeBlanking: openAtBase, rulesVersion: packs.version },
  columns: ranking.map(({ column, changed, opened }) => ({ column, changed, opened })),
  example,
};
const module = `/**
 * Generated by bench/rank-columns.js (node bench/rank-columns.js after npm run build): do not edit.
 * The roster columns ranked by how many program results changed when the column was blanked on
 * the benchmark's generated roster, and an example row (fixtures/cases/daca-baseline).
 */
import type { RankingData } from './roster-template-columns.js';

export const RANKING: RankingData = ${JSON.stringify(data, null, 2)};
`;
writeFileSync(join(ROOT, 'src/cli/roster-template-data.ts'), module);
console.log(`${rows.length} cases, ${ranking.length} columns that decide something; wrote src/cli/roster-template-data.ts`);
for (const entry of ranking.slice(0, 15)) console.log(`${entry.column.padEnd(60)} ${String(entry.changed).padStart(6)} ${String(entry.opened).padStart(6)}`);

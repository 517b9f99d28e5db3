/**
 * The start-up benchmark (needs `npm run build`). Not a test: it measures.
 *
 *   node bench/startup.js [--runs 15]
 *
 * Whole processes, timed by wall clock from spawn to exit: `node -e 0` (Node's own start-up, the
 * unit), `relief --help` and one `relief screen` of a fixture case. The three run in turn, run
 * after run (each round in a rotated order), after one warm-up round, so a machine that speeds up
 * or slows down affects them alike. Each ratio is the median of the round-by-round ratios to
 * `node -e 0`, the figure docs/benchmark.md states its targets in; the times are medians too.
 * bench/run.js prints the same table at its end (startupTable).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const relief = join(root, 'bin', 'relief.js');
const claudia = join(root, 'fixtures', 'cases', 'claudia.case.yaml');

/** What is timed; the first is the unit the others are divided by. */
const COMMANDS = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'relief --help', args: [relief, '--help'], target: 2 },
  { label: 'relief screen claudia.case.yaml', args: [relief, 'screen', claudia, '--no-color'], target: 3 },
];

function wallMs(args) {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status ?? run.signal}: ${run.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times every command `runs` times, interleaved; returns each one's median wall time and median ratio to the first. */
export function measureStartup(runs = 15) {
  const times = COMMANDS.map(() => []);
  for (let round = -1; round < runs; round++) {
    // Round -1 warms the file cache; later rounds rotate which command goes first.
    const order = COMMANDS.map((_, i) => (i + Math.max(round, 0)) % COMMANDS.length);
    const lap = [];
    for (const i of order) lap[i] = wallMs(COMMANDS[i].args);
    if (round >= 0) lap.forEach((ms, i) => times[i].push(ms));
  }
  return COMMANDS.map((command, i) => ({
    ...command,
    medianMs: median(times[i]),
    ratio: median(times[i].map((ms, round) => ms / times[0][round])),
  }));
}

/** The start-up table, as bench/run.js and this script print it. */
export function startupTable(runs = 15) {
  const rows = measureStartup(runs);
  return [
    `start-up: wall time of the whole process, median of ${runs} interleaved runs; ratio: median of the run-by-run ratios to node -e 0`,
    ...rows.map((row) => {
      const ratio = row.target ? `${row.ratio.toFixed(2).padStart(6)}x  (target <= ${row.target}x${row.ratio <= row.target ? ', met' : `, missed by ${(row.ratio / row.target).toFixed(2)}x`})` : '';
      return `${row.label.padEnd(52)} ${`${row.medianMs.toFixed(0)} ms`.padStart(9)} ${ratio}`;
    }),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number, 1 or more');
  console.log(startupTable(runs));
}

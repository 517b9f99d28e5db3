/**
 * The share of clients each program flags for attorney review, and the share it settles, on the
 * benchmark's generated roster (needs `npm run build`). Not a test: it measures.
 *
 *   node bench/review-share.js [--count 5000] [--seed 42]
 *
 * The cases (bench/generate.js) go to a temporary NDJSON file, which `relief batch --format ndjson`
 * screens as a clinic's batch would; the records are then counted per program. "Settled" is an
 * outcome other than not_enough_information, or every classification determined (not null).
 * Malformed inputs (the generator makes some on purpose) are counted apart.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseGenerator } from './generate.js';
import { option } from './options.js';

const here = dirname(fileURLToPath(import.meta.url));

const count = Number(option('count', '5000'));
const seed = Number(option('seed', '42'));

const folder = mkdtempSync(join(tmpdir(), 'relief-review-share-'));
try {
  const input = join(folder, 'roster.ndjson');
  const out = createWriteStream(input, { mode: 0o600 });
  const next = caseGenerator(seed);
  for (let i = 1; i <= count; i++) if (!out.write(`${next(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');

  const output = join(folder, 'records.ndjson');
  const run = spawnSync(process.execPath, [join(here, '..', 'bin', 'relief.js'), 'batch', input, '--format', 'ndjson', '-o', output, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  // Exit code 5: the generated cases include malformed ones on purpose.
  if (run.status !== 0 && run.status !== 5) throw new Error(`relief batch exited with ${run.status}: ${run.stderr}`);

  const perProgram = new Map();
  let screened = 0;
  let anyReview = 0;
  let errors = 0;
  for (const line of readFileSync(output, 'utf8').split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line);
    if (record.status !== 'screened') {
      errors++;
      continue;
    }
    screened++;
    if (record.needsReview) anyReview++;
    for (const program of record.programs) {
      const tally = perProgram.get(program.program) ?? { review: 0, settled: 0 };
      if (program.needsReview) tally.review++;
      const settled = program.kind === 'eligibility' ? program.outcome !== 'not_enough_information' : Object.values(program.classifications).every((value) => value !== null);
      if (settled) tally.settled++;
      perProgram.set(program.program, tally);
    }
  }
  const share = (n) => `${((100 * n) / screened).toFixed(1)}%`.padStart(7);
  console.log(`${screened} screened, ${errors} error records (seed ${seed})`);
  console.log(`${'program'.padEnd(20)} review  settled`);
  for (const [program, tally] of perProgram) console.log(`${program.padEnd(20)}${share(tally.review)}  ${share(tally.settled)}`);
  console.log(`${'any program'.padEnd(20)}${share(anyReview)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * The batch benchmark (npm run bench; needs `npm run build`). Not a test: it measures.
 *
 *   node bench/run.js [--sizes 10000,100000] [--jobs 1,2] [--seed 42] [--quick]
 *
 * For each size it writes that many synthetic cases (bench/generate.js) to an NDJSON file, then
 * measures on the same file, in the same run:
 *   - reading + validating only (JSON.parse, zod, the screening-date check), in this process;
 *   - the simplest json-rules-engine use: one Engine per pack with the pack's rules as written
 *     (default options, JSONPath), one case at a time, no trace, after reading, validating and
 *     deriving the facts the packs declare, in this process;
 *   - `relief batch FILE --format ndjson` for each --jobs value, in a child process, output to /dev/null:
 *     cases/s by wall clock, CPU seconds, and peak RSS of the process (main + worker threads).
 * The machine may be shared: CPU seconds show what the work cost when the wall clock is noisy.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { caseGenerator } from './generate.js';
import { InputError, checkScreeningDate, screeningDayFor, validateCase } from '../dist/case/load.js';
import { todayEpochDay } from '../dist/case/dates.js';
import { FactCache } from '../dist/facts/derive.js';
import { loadRulePacks } from '../dist/packs/load.js';
import { readInputs } from '../dist/batch/inputs.js';

const here = dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const quick = process.argv.includes('--quick');
const sizes = option('sizes', quick ? '2000' : '10000,100000').split(',').map(Number);
const jobs = option('jobs', '1,2').split(',').map(Number);
const seed = Number(option('seed', '42'));

async function writeCases(file, count) {
  const next = caseGenerator(seed);
  const out = createWriteStream(file);
  for (let i = 1; i <= count; i++) if (!out.write(`${next(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Times fn over the file's cases, in this process. */
async function inProcess(file, perCase) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let cases = 0;
  let errors = 0;
  for await (const item of readInputs([file])) {
    cases++;
    try {
      const caseFile = validateCase(JSON.parse(item.text), item.origin.source);
      const day = screeningDayFor(undefined, caseFile.screeningDate, todayEpochDay());
      checkScreeningDate(caseFile, day, item.origin.source);
      await perCase(caseFile, day);
    } catch (error) {
      if (!(error instanceof InputError) && !(error instanceof SyntaxError)) throw error;
      errors++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { cases, errors, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, maxRssKb: null };
}

async function simplestEngines() {
  const { packs } = await loadRulePacks();
  return packs.map((loaded) => ({
    loaded,
    engine: new Engine(loaded.pack.rules.map((rule) => ({ name: rule.id, conditions: rule.conditions, event: { type: rule.id } }))),
  }));
}

function relief(file, jobCount, scratch) {
  const result = join(scratch, `result-${jobCount}.json`);
  const args = [join(here, 'measure-cli.js'), result, 'batch', file, '--format', 'ndjson', '--jobs', String(jobCount), '--quiet', '--triage', '0'];
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`measure-cli failed: ${run.stderr}`);
  const measured = JSON.parse(readFileSync(result, 'utf8'));
  const summary = /relief batch: (\d+) cases: (\d+) screened, (\d+) could not be screened/.exec(run.stderr);
  return { ...measured, cases: Number(summary[1]), errors: Number(summary[3]) };
}

function row(label, r) {
  const perSecond = (r.cases / (r.ms / 1000)).toFixed(0);
  const perCpuSecond = (r.cases / (r.cpuMs / 1000)).toFixed(0);
  const rss = r.maxRssKb === null ? '' : `${(r.maxRssKb / 1024).toFixed(0)} MB`;
  return `${label.padEnd(52)} ${String(r.cases).padStart(7)} ${String(r.errors).padStart(6)} ${(r.ms / 1000).toFixed(1).padStart(8)} ${perSecond.padStart(9)} ${perCpuSecond.padStart(10)} ${rss.padStart(9)}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'relief-bench-'));
try {
  const { packs } = await loadRulePacks();
  console.log(`relief batch benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), seed ${seed}`);
  console.log(`programs: ${packs.map((p) => `${p.pack.program} (${p.pack.rules.length} rules)`).join(', ')}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${'measurement'.padEnd(52)} ${'cases'.padStart(7)} ${'errors'.padStart(6)} ${'wall s'.padStart(8)} ${'cases/s'.padStart(9)} ${'cases/cpu-s'.padStart(10)} ${'peak RSS'.padStart(9)}`);
  for (const size of sizes) {
    const file = join(scratch, `cases-${size}.ndjson`);
    await writeCases(file, size);
    console.log(row(`[${size}] read + validate only (1 thread)`, await inProcess(file, async () => undefined)));
    const engines = await simplestEngines();
    const jre = await inProcess(file, async (caseFile, screeningDay) => {
      const cache = new FactCache({ caseFile, screeningDay });
      for (const { loaded, engine } of engines) {
        const values = {};
        for (const [name, fact] of cache.derive(loaded.facts.values())) values[name] = fact.value;
        await engine.run(values);
      }
    });
    console.log(row(`[${size}] simplest json-rules-engine use (1 thread)`, jre));
    for (const j of jobs) console.log(row(`[${size}] relief batch --jobs ${j}`, relief(file, j, scratch)));
  }
  console.log(`(cases/cpu-s: cases per CPU-second of all threads; default --jobs here would be ${availableParallelism()})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Start-up ratios (bench/startup.js), apart from the batch figures above.
console.log(`\n${(await import('./startup.js')).startupTable()}`);

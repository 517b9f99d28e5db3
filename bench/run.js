/**
 * The batch benchmark (npm run bench; needs `npm run build`). Not a test: it measures.
 *
 *   node bench/run.js [--sizes 10000,100000] [--jobs 1,2] [--seed 42] [--quick]
 *
 * One table, every row on the same synthetic cases (bench/generate.js, seeded) in the same run:
 *   - reading + validating only (JSON.parse, zod, the screening-date check), in this process;
 *   - the simplest json-rules-engine use: one Engine per pack with the pack's rules as written
 *     (default options, JSONPath), one case at a time, no trace, after reading, validating and
 *     deriving the facts the packs declare, in this process;
 *   - `relief batch --engine reference` (json-rules-engine through relief) at the largest --jobs;
 *   - `relief batch --engine compiled` at each --jobs, with settling by cases on and off (--no-settle);
 * each relief run in a child process, output to /dev/null: cases/s by wall clock, CPU seconds, and
 * peak RSS of the process (main and worker threads). Then the share of open results per program on
 * the generated cases, settling off and on, and the start-up ratios (bench/startup.js).
 * The machine may be shared: CPU seconds show what the work cost when the wall clock is noisy.
 *
 * The cases are never held in memory, at any size (--sizes 1000000 works): they are streamed from
 * the generator into a temporary NDJSON file (about 760 bytes a case: 0.76 GB at 1,000,000), which
 * every row reads back streaming, and which is removed at the end. A file rather than a pipe from
 * the generator: generating a case costs about as much as screening one will, and on a small
 * machine a generator running alongside would take the cores being measured.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { caseGenerator } from './generate.js';
import { startupTable } from './startup.js';
import { InputError } from '../dist/case/load.js';
import { checkCase, readCase } from '../dist/app/front-end.js';
import { todayEpochDay } from '../dist/case/dates.js';
import { FactCache } from '../dist/facts/derive.js';
import { loadRulePacks } from '../dist/packs/load.js';
import { readInputs } from '../dist/batch/inputs.js';
import { Screener } from '../dist/app/screen.js';
import { option } from './options.js';

const here = dirname(fileURLToPath(import.meta.url));

const quick = process.argv.includes('--quick');
const sizes = option('sizes', quick ? '2000' : '10000,100000').split(',').map(Number);
const jobs = option('jobs', '1,2').split(',').map(Number);
const seed = Number(option('seed', '42'));

/** Streams the generated cases into a file: only one case is in memory at a time. */
async function writeCases(file, count) {
  const next = caseGenerator(seed);
  const out = createWriteStream(file, { mode: 0o600 });
  for (let i = 1; i <= count; i++) if (!out.write(`${next(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Times perCase over the cases, in this process, reading and validating them as relief does. */
async function inProcess(items, perCase) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let cases = 0;
  let errors = 0;
  for await (const item of items) {
    cases++;
    try {
      const read = await readCase({ text: item.text, name: item.origin.source, sha256: item.sha256, format: 'json' });
      const { caseFile, screeningDay } = checkCase(read, { today: todayEpochDay() });
      await perCase(caseFile, screeningDay);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { cases, errors, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, maxRssKb: null };
}

function simplestEngines(packs) {
  return packs.map((loaded) => ({
    loaded,
    engine: new Engine(loaded.pack.rules.map((rule) => ({ name: rule.id, conditions: rule.conditions, event: { type: rule.id } }))),
  }));
}

async function relief(file, options, scratch) {
  const result = join(scratch, 'result.json');
  const args = [join(here, 'measure-cli.js'), result, 'batch', file, '--format', 'ndjson', ...options, '--quiet', '--triage', '0'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const [exit] = await once(child, 'exit');
  const measured = exit === 0 ? JSON.parse(readFileSync(result, 'utf8')) : { code: exit };
  // Exit code 5: the generated cases include malformed ones on purpose.
  if (measured.code !== 0 && measured.code !== 5) return { failed: `exit code ${measured.code}: ${stderr.trim().split('\n')[0]}` };
  const summary = /relief batch: (\d+) cases: (\d+) screened, (\d+) could not be screened/.exec(stderr);
  return { ...measured, cases: Number(summary[1]), errors: Number(summary[3]) };
}

/**
 * The share of results left open (an outcome not_enough_information, a classification not
 * determined) per program on the first `count` generated cases, with settling by cases off and on.
 */
async function openShares(rulePacks, count) {
  const file = join(scratch, `open-${count}.ndjson`);
  await writeCases(file, count);
  const screeners = { off: new Screener({ packs: rulePacks, version: 'bench' }, { settle: false }), on: new Screener({ packs: rulePacks, version: 'bench' }) };
  const open = { off: new Map(), on: new Map() };
  let screened = 0;
  await inProcess(readInputs([file]), async (caseFile, screeningDay) => {
    screened++;
    for (const [mode, screener] of Object.entries(screeners)) {
      const report = await screener.screen(caseFile, { screeningDay, source: 'bench' });
      for (const p of report.programs) {
        const results = p.outcome ? [['outcome', p.outcome === 'not_enough_information']] : Object.entries(p.classifications ?? {}).map(([field, value]) => [field, value === null]);
        for (const [result, isOpen] of results) {
          const key = `${p.program} ${result}`;
          open[mode].set(key, (open[mode].get(key) ?? 0) + (isOpen ? 1 : 0));
        }
      }
    }
  });
  const lines = [`open results on ${screened} generated cases (seed ${seed}): settling off -> on`];
  for (const [key, off] of open.off) lines.push(`  ${key.padEnd(30)} ${((100 * off) / screened).toFixed(1).padStart(5)}% -> ${((100 * open.on.get(key)) / screened).toFixed(1).padStart(5)}%`);
  return lines.join('\n');
}

const WIDTH = 58;

function row(label, r) {
  if (r.failed) return `${label.padEnd(WIDTH)} not measured: ${r.failed}`;
  const perSecond = (r.cases / (r.ms / 1000)).toFixed(0);
  const perCpuSecond = (r.cases / (r.cpuMs / 1000)).toFixed(0);
  const rss = r.maxRssKb === null ? '' : `${(r.maxRssKb / 1024).toFixed(0)} MB`;
  return `${label.padEnd(WIDTH)} ${String(r.cases).padStart(8)} ${String(r.errors).padStart(6)} ${(r.ms / 1000).toFixed(1).padStart(8)} ${perSecond.padStart(9)} ${perCpuSecond.padStart(11)} ${rss.padStart(9)}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'relief-bench-'));
try {
  const { packs } = await loadRulePacks();
  console.log(`relief batch benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), seed ${seed}`);
  console.log(`programs: ${packs.map((p) => `${p.pack.program} (${p.pack.rules.length} rules)`).join(', ')}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`${'measurement'.padEnd(WIDTH)} ${'cases'.padStart(8)} ${'errors'.padStart(6)} ${'wall s'.padStart(8)} ${'cases/s'.padStart(9)} ${'cases/cpu-s'.padStart(11)} ${'peak RSS'.padStart(9)}`);
  for (const size of sizes) {
    const file = join(scratch, `cases-${size}.ndjson`);
    await writeCases(file, size);
    console.log(row(`[${size}] read + validate only (1 thread)`, await inProcess(readInputs([file]), async () => undefined)));
    const engines = simplestEngines(packs);
    const jre = await inProcess(readInputs([file]), async (caseFile, screeningDay) => {
      const cache = new FactCache({ caseFile, screeningDay });
      for (const { loaded, engine } of engines) {
        const values = {};
        for (const [name, fact] of cache.derive(loaded.facts.values())) values[name] = fact.value;
        await engine.run(values);
      }
    });
    console.log(row(`[${size}] simplest json-rules-engine use (1 thread)`, jre));
    const most = Math.max(...jobs);
    console.log(row(`[${size}] relief batch --engine reference --jobs ${most}`, await relief(file, ['--engine', 'reference', '--jobs', String(most)], scratch)));
    for (const j of jobs) {
      console.log(row(`[${size}] relief batch --engine compiled --jobs ${j}`, await relief(file, ['--engine', 'compiled', '--jobs', String(j)], scratch)));
      console.log(row(`[${size}] relief batch --engine compiled --jobs ${j} --no-settle`, await relief(file, ['--engine', 'compiled', '--jobs', String(j), '--no-settle'], scratch)));
    }
  }
  console.log(`(cases/cpu-s: cases per CPU-second of all threads; default --jobs here would be ${availableParallelism()})`);
  console.log(`\n${await openShares(packs, Math.min(...sizes))}`);
  console.log(`\n${startupTable(quick ? 5 : 15)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}


/**
 * The worker pool, on the built code (worker threads run dist/): a thread that cannot load the
 * packs fails the batch with its PackError before any input is read, and a thread that dies
 * mid-batch is replaced, its case an error record and the cases queued behind it screened. And
 * generated rosters give the same records, one per physical record, at --jobs 1 and 2.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { InputItem } from '../../src/batch/inputs.js';
import type * as Pool from '../../src/batch/pool.js';
import type * as Run from '../../src/batch/run.js';
import type * as Load from '../../src/packs/load.js';
import { anyInput } from './support/rosters.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-workers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let pool: typeof Pool;
let run: typeof Run;
let load: typeof Load;
beforeAll(async () => {
  // The worker threads run compiled code (built from the current sources by test/support/build.ts): use it here too.
  const dist = (path: string) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
  // One after another: jest's module loader does not link concurrent imports of shared modules.
  load = await dist('packs/load.js');
  pool = await dist('batch/pool.js');
  run = await dist('batch/run.js');
}, 120_000);

const caseOptions = { today: 0, asOf: '2014-08-01', producedAt: new Date('2026-11-22T12:00:00Z') };
const baseline = parseYaml(readFileSync(join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), 'utf8')) as Record<string, unknown>;
const item = (caseId: string, line: number): InputItem => {
  const text = JSON.stringify({ ...baseline, caseId });
  return { kind: 'text', origin: { source: 'cases.ndjson', line }, text, jsonOnly: true, sha256: createHash('sha256').update(text).digest('hex') };
};

function brokenRules(): string {
  const rules = join(scratch, `rules-${Math.random().toString(36).slice(2)}`);
  cpSync(load.DEFAULT_RULES_DIR, rules, { recursive: true });
  const packFile = join(rules, 'daca', 'pack.json');
  writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('"citation"', '"citaton"'));
  return rules;
}

describe('a thread that cannot load the rule packs', () => {
  it('fails the batch with the PackError naming the file, before any input is read or anything written', async () => {
    // The main thread's packs are fine; only the threads' rules folder is broken.
    const rulePacks = await load.loadRulePacks();
    const written: string[] = [];
    const batch = run.runBatch(
      rulePacks,
      { inputs: [join(scratch, 'reading-this-would-give-an-error-record.ndjson')], format: 'csv', jobs: 2, rulesDir: brokenRules(), caseOptions, triageLimit: 5 },
      { write: async (text) => void written.push(text) },
    );
    const error = await batch.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(load.PackError);
    expect(error).toMatchObject({ file: expect.stringMatching(/daca\/pack\.json$/), problems: expect.arrayContaining([expect.stringContaining('citaton')]) });
    expect(written).toEqual([]);
  }, 60_000);
});

describe('a thread that dies mid-batch', () => {
  const dying = new URL('./support/dying-worker.mjs', import.meta.url);

  it('is replaced: its case becomes an error record and the cases queued behind it are screened', async () => {
    const workers = await pool.WorkerPool.start(1, { rulesDir: load.DEFAULT_RULES_DIR, options: caseOptions }, dying);
    try {
      // All sent at once to the one thread, in one chunk: cases wait behind each one that kills
      // it, and the ones screened before it in the chunk, whose records died with the thread, are
      // screened again rather than blamed.
      const cases = ['first', 'exit-7', 'queued', 'throw-boom', 'also-queued', 'last'];
      const records = await Promise.all(cases.map((caseId, i) => workers.screen(item(caseId, i + 1), i + 1)));
      expect(records.map((r) => [r.index, r.line, r.status])).toEqual(cases.map((caseId, i) => [i + 1, i + 1, /^(exit|throw)-/.test(caseId) ? 'error' : 'screened']));
      expect(records.filter((r) => r.status === 'screened').map((r) => r.caseId)).toEqual(['first', 'queued', 'also-queued', 'last']);
      expect(records[1]).toMatchObject({ status: 'error', errors: [{ field: null, problem: expect.stringMatching(/^screening this case stopped the screening thread \(exit code 7\)/) }] });
      // The case's bytes were read: its error record's stamp keeps their hash.
      expect(records[1]!.audit.caseSha256).toBe(item('exit-7', 2).sha256);
      expect(records[3]).toMatchObject({ status: 'error', errors: [{ field: null, problem: expect.stringMatching(/^screening this case stopped the screening thread \(boom\)/) }] });
    } finally {
      await workers.stop();
    }
  }, 60_000);
});

describe('every input exactly once, through the batch', () => {
  it('gives one record per physical record of generated rosters and NDJSON files, the same at --jobs 1 and 2', async () => {
    const rulePacks = await load.loadRulePacks();
    let files = 0;
    await fc.assert(
      fc.asyncProperty(anyInput, async (generated) => {
        const path = join(scratch, `generated-${++files}${generated.extension}`);
        writeFileSync(path, generated.text);
        const output = async (jobs: number) => {
          let out = '';
          await run.runBatch(rulePacks, { inputs: [path], format: 'ndjson', jobs, rulesDir: load.DEFAULT_RULES_DIR, caseOptions, triageLimit: 5 }, { write: async (text) => void (out += text) });
          return out;
        };
        const one = await output(1);
        expect(await output(2)).toBe(one);
        const records = one.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { index: number; line: number; status: string; caseId: string | null });
        expect(records.map((r) => [r.index, r.line, r.status, r.status === 'screened' ? r.caseId : null])).toEqual(
          generated.expected.map((e, i) => [i + 1, e.line, e.good ? 'screened' : 'error', e.good ? e.caseId : null]),
        );
      }),
      { numRuns: 8, seed: 20260110 },
    );
  }, 120_000);
});

/**
 * Output files appear whole, at commit, or not at all; only a regular file (or nothing) is ever
 * replaced; temporaries are random, exclusive, private, and cleaned up even after a killed run.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { AtomicFile, writeFileAtomic } from '../../src/files/atomic.js';
import { OutputPathError } from '../../src/files/output-path.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-atomic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const folder = (name: string) => mkdtempSync(join(scratch, `${name}-`));

/** A FIFO, and a reader (cat) copying what comes through it into a file. */
function fifoWithReader(dir: string) {
  const fifo = join(dir, 'pipe');
  spawnSync('mkfifo', [fifo]);
  const copy = join(dir, 'copy.txt');
  const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, copy], { stdio: 'ignore' });
  return { fifo, copy, reader, read: async () => (await once(reader, 'exit'), readFileSync(copy, 'utf8')) };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('atomic output', () => {
  it('leaves the old file in place until commit, then replaces it whole', async () => {
    const dir = folder('replace');
    const target = join(dir, 'results.csv');
    writeFileSync(target, 'old\n');
    const file = await AtomicFile.create(target);
    await file.write('a,b\n');
    await file.write('1,2\n');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['results.csv']);
    expect(statSync(target).mode & 0o777).toBe(0o600); // clients' histories: readable by the owner only
  });

  it('on abort, leaves neither the target nor a temporary file', async () => {
    const dir = folder('abort');
    const file = await AtomicFile.create(join(dir, 'never.ndjson'));
    await file.write('{}\n');
    await file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a whole small file by rename', async () => {
    const target = join(scratch, 'report.txt');
    await writeFileAtomic(target, 'report\n');
    expect(readFileSync(target, 'utf8')).toBe('report\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});

describe('what is replaced and what is written in place', () => {
  it('writes to a FIFO in place and leaves it a FIFO (never renames over it)', async () => {
    const dir = folder('fifo');
    const { fifo, reader, read } = fifoWithReader(dir);
    try {
      const file = await AtomicFile.create(fifo);
      await file.write('{"index":1}\n');
      await file.commit();
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(await read()).toBe('{"index":1}\n');
      expect(readdirSync(dir).sort()).toEqual(['copy.txt', 'pipe']);
    } finally {
      reader.kill();
    }
  });

  it('writes a small file to a symbolic link to a FIFO in place, leaving link and FIFO as they were', async () => {
    const dir = folder('fifo-link');
    const { fifo, reader, read } = fifoWithReader(dir);
    const link = join(dir, 'latest');
    symlinkSync(fifo, link);
    try {
      await writeFileAtomic(link, 'through the link\n');
      expect(await read()).toBe('through the link\n');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      reader.kill();
    }
  });

  it('replaces the file a symbolic link points to, in its folder, and keeps the link', async () => {
    const dir = folder('link');
    mkdirSync(join(dir, 'runs'));
    const real = join(dir, 'runs', 'monday.ndjson');
    writeFileSync(real, 'old\n');
    const link = join(dir, 'latest.ndjson');
    symlinkSync(join('runs', 'monday.ndjson'), link);
    const file = await AtomicFile.create(link);
    expect(readdirSync(join(dir, 'runs')).filter((name) => name.endsWith('.tmp'))).toHaveLength(1); // beside the real file
    await file.write('new\n');
    await file.commit();
    expect(readlinkSync(link)).toBe(join('runs', 'monday.ndjson'));
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'runs'))).toEqual(['monday.ndjson']);
  });

  it('refuses, before writing anything, a folder, a missing folder and a link to nothing', async () => {
    const dir = folder('refuse');
    const dangling = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'gone.csv'), dangling);
    const refusal = (path: string) => AtomicFile.create(path).then(() => 'created', (error: unknown) => (error instanceof OutputPathError ? [error.code, error.reason] : error));
    expect(await refusal(dir)).toEqual(['EISDIR', 'it is a folder; name a file']);
    expect(await refusal(join(dir, 'no-such-folder', 'x.csv'))).toEqual(['ENOENT', `the folder ${join(dir, 'no-such-folder')} does not exist`]);
    expect(await refusal(dangling)).toEqual(['ENOENT', 'it is a symbolic link to nothing']);
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(OutputPathError);
    expect(readdirSync(dir)).toEqual(['dangling.csv']);
  });
});

describe('temporary files', () => {
  it('are named .<target>.relief-<pid>-<16 random hex>.tmp, different every time', async () => {
    const dir = folder('names');
    const first = await AtomicFile.create(join(dir, 'results.csv'));
    const second = await AtomicFile.create(join(dir, 'results.csv'));
    const names = readdirSync(dir);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(new RegExp(`^\\.results\\.csv\\.relief-${process.pid}-[0-9a-f]{16}\\.tmp$`));
    await first.abort();
    await second.abort();
  });

  it('never follow a symbolic link planted at a predictable name', async () => {
    const dir = folder('planted');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // Every name a pid-and-counter scheme would use next: a link to the victim at each.
    for (let n = 1; n <= 200; n++) symlinkSync(victim, join(dir, `.report.txt.${process.pid}-${threadId}-${n}.tmp`));
    await writeFileAtomic(join(dir, 'report.txt'), 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('report\n');
  });

  it('fit in a file name (255 bytes) when the target name is already 255 bytes long', async () => {
    const dir = folder('long');
    const target = join(dir, `${'é'.repeat(123)}.txt`); // 250 bytes of UTF-8
    await writeFileAtomic(target, 'long\n');
    expect(readFileSync(target, 'utf8')).toBe('long\n');
  });

  it('left by a killed run are removed by the next write into that folder, when provably ours', async () => {
    const dir = folder('stale');
    const dead = deadPid();
    const stale = join(dir, `.results.csv.relief-${dead}-0123456789abcdef.tmp`);
    const staleOther = join(dir, `.other.csv.relief-${dead}-fedcba9876543210.tmp`);
    const running = join(dir, `.results.csv.relief-${process.ppid}-0123456789abcdef.tmp`); // a process that is still running
    const notOurs = join(dir, `.results.csv.${dead}-0-1.tmp`); // not our name
    const linkNamedOurs = join(dir, `.x.relief-${dead}-00000000000000aa.tmp`); // ours are regular files
    for (const path of [stale, staleOther, running, notOurs]) writeFileSync(path, 'partial');
    symlinkSync(join(dir, 'anything'), linkNamedOurs);
    const someoneElses = join(dir, `.y.relief-${dead}-00000000000000bb.tmp`);
    writeFileSync(someoneElses, 'theirs');
    if (process.getuid!() === 0) chownSync(someoneElses, 65534, 65534); // as root, another owner can be planted
    await writeFileAtomic(join(dir, 'results.csv'), 'a,b\n');
    const left = readdirSync(dir).sort();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleOther)).toBe(false);
    const kept = [running, notOurs, linkNamedOurs, ...(process.getuid!() === 0 ? [someoneElses] : [])].map((path) => path.slice(dir.length + 1));
    expect(left).toEqual(['results.csv', ...kept].sort());
  });
});

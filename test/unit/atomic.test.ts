/** Output files appear whole, at commit, or not at all. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, writeFileAtomic } from '../../src/files/atomic.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-atomic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('atomic output', () => {
  it('leaves the old file in place until commit, then replaces it whole', async () => {
    const target = join(scratch, 'results.csv');
    writeFileSync(target, 'old\n');
    const file = await AtomicFile.create(target);
    await file.write('a,b\n');
    await file.write('1,2\n');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    await file.commit();
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(scratch)).toEqual(['results.csv']);
    expect(statSync(target).mode & 0o777).toBe(0o600); // clients' histories: readable by the owner only
  });

  it('on abort, leaves neither the target nor a temporary file', async () => {
    const dir = mkdtempSync(join(scratch, 'abort-'));
    const file = await AtomicFile.create(join(dir, 'never.ndjson'));
    await file.write('{}\n');
    await file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails at once when the folder does not exist', async () => {
    await expect(AtomicFile.create(join(scratch, 'no-such-folder', 'x.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('writes a whole small file by rename', async () => {
    const target = join(scratch, 'report.txt');
    await writeFileAtomic(target, 'report\n');
    expect(readFileSync(target, 'utf8')).toBe('report\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(existsSync(target)).toBe(true);
    await expect(writeFileAtomic(join(scratch, 'missing', 'r.txt'), 'x')).rejects.toThrow(/ENOENT/);
  });
});

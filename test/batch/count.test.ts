/**
 * The progress bar's total: countInputs counts, without parsing a case, exactly the items
 * readInputs gives, over the generated NDJSON files and rosters of every-input.test.ts (stray
 * quotes, blank and comma-only rows, long lines) and the batch test data (a folder with broken
 * files, a roster, an NDJSON file). It never reads ahead from what can be read only once.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countInputs, readInputs } from '../../src/batch/inputs.js';
import { anyInput } from './support/rosters.js';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), 'data');
const scratch = mkdtempSync(join(tmpdir(), 'relief-count-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function itemsRead(paths: string[]): Promise<number> {
  let items = 0;
  for await (const _ of readInputs(paths)) items++;
  return items;
}

describe('counting the inputs ahead', () => {
  it('counts exactly the items read from generated NDJSON files and rosters', async () => {
    let files = 0;
    await fc.assert(
      fc.asyncProperty(anyInput, async (generated) => {
        const path = join(scratch, `input-${++files}${generated.extension}`);
        writeFileSync(path, generated.text);
        expect(await countInputs([path])).toBe(await itemsRead([path]));
      }),
      { numRuns: 150, seed: 20260514 },
    );
  });

  it('counts folders, rosters, NDJSON files and paths that cannot be read', async () => {
    const paths = [join(DATA, 'folder'), join(DATA, 'roster.csv'), join(DATA, 'cases.ndjson'), join(DATA, 'missing.yaml'), join(DATA, 'notes.txt')];
    const read = await itemsRead(paths);
    expect(read).toBeGreaterThan(8);
    expect(await countInputs(paths)).toBe(read);
  });

  it('gives no total for a FIFO, and stops when asked', async () => {
    const fifo = join(scratch, 'pipe.ndjson');
    execFileSync('mkfifo', [fifo]);
    expect(await countInputs([join(DATA, 'roster.csv'), fifo])).toBeUndefined();
    expect(await countInputs([join(DATA, 'roster.csv')], () => true)).toBeUndefined();
  });
});

/**
 * The batch promise "every input comes out exactly once", as a property over generated NDJSON
 * files and CSV rosters (support/rosters.ts): the items read are the physical records written, in
 * order, each at its exact line, good ones as cases and broken ones as error records. The same
 * files through runBatch at --jobs 1 and 2 are in workers.test.ts (worker threads run the build).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type InputItem } from '../../src/batch/inputs.js';
import { anyInput, type Expected, type Generated } from './support/rosters.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-every-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
async function readGenerated(generated: Generated): Promise<InputItem[]> {
  const path = join(scratch, `input-${++files}${generated.extension}`);
  writeFileSync(path, generated.text);
  const items: InputItem[] = [];
  for await (const item of readInputs([path])) items.push(item);
  return items;
}

/** What an item says about the record it stands for, in the terms of Expected. */
function seen(item: InputItem, extension: Generated['extension']): Expected {
  const line = item.origin.line!;
  if (extension === '.ndjson') {
    if (item.kind !== 'text') return { line, good: false };
    const caseId = /^\{"caseId":"(g\d+)"/.exec(item.text)?.[1];
    return { line, good: caseId !== undefined, ...(caseId ? { caseId } : {}), content: item.text };
  }
  if (item.kind !== 'value') return { line, good: false, ...(item.kind === 'error' && item.caseId ? { caseId: item.caseId } : {}) };
  const value = item.value as { caseId: string; person: { name?: string } };
  return { line, good: true, caseId: value.caseId, ...(value.person.name === undefined ? {} : { content: value.person.name }) };
}

describe('every input exactly once', () => {
  it('reads each physical record of generated NDJSON files and CSV rosters once, in order, at its line', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (generated) => {
        const items = await readGenerated(generated);
        expect(items.map((item) => seen(item, generated.extension))).toEqual(generated.expected);
      }),
      { numRuns: 300, seed: 20260110 },
    );
  });
});

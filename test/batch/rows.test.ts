/**
 * Reading NDJSON files and CSV rosters record by record: every physical line comes out exactly
 * once, as a case or as an error record naming its line, whatever the quotes, line ends and size.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type InputItem } from '../../src/batch/inputs.js';
import { CASE_LIMITS } from '../../src/case/limits.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-rows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
function file(extension: string, content: string | Buffer): string {
  const path = join(scratch, `input-${++files}${extension}`);
  writeFileSync(path, content);
  return path;
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

async function read(path: string): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs([path])) items.push(item);
  return items;
}

/** [line, kind] per item, and the problems of the error items. */
const shape = (items: InputItem[]) => items.map((item) => [item.origin.line, item.kind]);
const problems = (item: InputItem | undefined) => (item?.kind === 'error' ? item.issues.map((issue) => issue.problem) : []);
const valueOf = (item: InputItem | undefined) => (item?.kind === 'value' ? item.value : undefined);

const HEADER = 'caseId,screeningDate,person.name';

describe('CSV rosters', () => {
  it('gives all nine rows of a roster with a stray "unclosed cell and a later quoted cell, each at its line', async () => {
    const rows = ['r1,2013-01-15,One', 'r2,2013-01-15,Two', 'r3,2013-01-15,"unclosed', 'r4,2013-01-15,Four', 'r5,2013-01-15,Five', 'r6,2013-01-15,"Six, quoted"', 'r7,2013-01-15,Seven', 'r8,2013-01-15,"Eight"', 'r9,2013-01-15,Nine'];
    const items = await read(file('.csv', `${[HEADER, ...rows].join('\n')}\n`));
    expect(shape(items)).toEqual(rows.map((row, i) => [i + 2, row.startsWith('r3') ? 'error' : 'value']));
    expect(problems(items[2])).toEqual([expect.stringMatching(/^cannot be read as CSV: cell 3 opens a quote that is not closed on this line/)]);
    expect(items.map((item) => (item.kind === 'value' ? (item.value as { caseId: string }).caseId : null))).toEqual(['r1', 'r2', null, 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
    expect(valueOf(items[5])).toEqual({ caseId: 'r6', screeningDate: '2013-01-15', person: { name: 'Six, quoted' } });
  });

  it('keeps line numbers exact after quoted cells holding CRLF, LF and CR, with any line ends', async () => {
    const text = `${HEADER}\r\na,2013-01-15,"two\r\nlines"\r\nb,2013-01-15,"three\nlines\rhere"\rc,2013-01-15,plain\nd,2013-01-15,last`;
    const items = await read(file('.csv', text));
    expect(shape(items)).toEqual([
      [2, 'value'],
      [4, 'value'],
      [7, 'value'],
      [8, 'value'],
    ]);
    expect(valueOf(items[0])).toMatchObject({ person: { name: 'two\r\nlines' } });
    expect(valueOf(items[1])).toMatchObject({ person: { name: 'three\nlines\rhere' } });
  });

  it('skips blank and whitespace-only lines and makes a row of only commas an error record', async () => {
    const items = await read(file('.csv', `${HEADER}\n\n  \t\na,2013-01-15,x\n,,\n ,"", \r\n\nb,2013-01-15,y\n`));
    expect(shape(items)).toEqual([
      [4, 'value'],
      [5, 'error'],
      [6, 'error'],
      [8, 'value'],
    ]);
    expect(problems(items[1])).toEqual(['the row has no values (every cell is empty)']);
  });

  it('reads a roster that starts with a UTF-8 byte order mark', async () => {
    const items = await read(file('.csv', `\uFEFF${HEADER}\na,2013-01-15,x\n`));
    // The hash is of the header and the row as the file holds them, the mark not being part of the header.
    expect(items).toEqual([{ kind: 'value', origin: expect.objectContaining({ line: 2 }), value: { caseId: 'a', screeningDate: '2013-01-15', person: { name: 'x' } }, sha256: sha256(`${HEADER}\na,2013-01-15,x`) }]);
  });

  it('makes a quote inside an unquoted cell, or text after a closing quote, an error for that line only', async () => {
    const items = await read(file('.csv', `${HEADER}\nbad"quote,2013-01-15,x\n"a"b,2013-01-15,x\nok,2013-01-15,"fine"\n`));
    expect(shape(items)).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'value'],
    ]);
    expect(items[0]).toMatchObject({ kind: 'error', issues: [{ field: 'caseId', problem: expect.stringContaining('a quote inside an unquoted cell') }] });
    expect(items[1]).toMatchObject({ kind: 'error', issues: [{ field: 'caseId', problem: expect.stringContaining('text after the closing quote') }] });
  });

  it('makes a row larger than one case may be an error record and reads the rows after it', async () => {
    const huge = `big,2013-01-15,${'x'.repeat(CASE_LIMITS.bytes.value)}`;
    const items = await read(file('.csv', `${HEADER}\na,2013-01-15,x\n${huge}\nb,2013-01-15,"y\n${'z'.repeat(CASE_LIMITS.bytes.value)}"\nc,2013-01-15,z\n`));
    expect(shape(items)).toEqual([
      [2, 'value'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'value'],
    ]);
    expect(problems(items[1])).toEqual([`the line is too long: ${CASE_LIMITS.bytes.describe}`]);
  }, 30_000);
});

describe('NDJSON files', () => {
  it('reads a named pipe as it comes (a roster streamed from another program), not only a file it can seek in', async () => {
    const fifo = join(scratch, 'streamed.ndjson');
    execFileSync('mkfifo', [fifo]);
    const [items] = await Promise.all([read(fifo), writeFile(fifo, '{"caseId":"a"}\n{"caseId":"b"}\n')]);
    expect(shape(items)).toEqual([[1, 'text'], [2, 'text']]);
  });

  it('splits on LF only: a lone CR inside a line is JSON whitespace, and one CR before LF is stripped', async () => {
    const items = await read(file('.ndjson', '{"caseId":"a",\r"screeningDate":"2020-01-01"}\r\n{"caseId":"b"}\r\n\r\n{"caseId":"c"}\n'));
    expect(items).toEqual([
      { kind: 'text', origin: expect.objectContaining({ line: 1 }), text: '{"caseId":"a",\r"screeningDate":"2020-01-01"}', jsonOnly: true, sha256: sha256('{"caseId":"a",\r"screeningDate":"2020-01-01"}') },
      // The hash is of the line's bytes without its line end, CRLF or LF.
      { kind: 'text', origin: expect.objectContaining({ line: 2 }), text: '{"caseId":"b"}', jsonOnly: true, sha256: sha256('{"caseId":"b"}') },
      { kind: 'text', origin: expect.objectContaining({ line: 4 }), text: '{"caseId":"c"}', jsonOnly: true, sha256: sha256('{"caseId":"c"}') },
    ]);
  });

  it('accepts a UTF-8 byte order mark at the start of the file, and only there', async () => {
    const items = await read(file('.ndjson', '\uFEFF{"caseId":"a"}\n\uFEFF{"caseId":"b"}\n'));
    expect(items.map((item) => (item.kind === 'text' ? item.text : null))).toEqual(['{"caseId":"a"}', '\uFEFF{"caseId":"b"}']);
  });

  it('makes a line longer than one case may be an error record for that line and reads the lines after it', async () => {
    const long = `{"caseId":"${'x'.repeat(CASE_LIMITS.bytes.value)}"}`;
    const items = await read(file('.ndjson', `{"caseId":"a"}\n${long}\n{"caseId":"b"}\n${long}`));
    expect(shape(items)).toEqual([
      [1, 'text'],
      [2, 'error'],
      [3, 'text'],
      [4, 'error'],
    ]);
    expect(problems(items[1])).toEqual([`the line is too long: ${CASE_LIMITS.bytes.describe}`]);
  }, 30_000);
});

describe('the hash each item carries (the audit stamp\'s caseSha256)', () => {
  const hashOf = (item: InputItem | undefined) => item?.sha256;

  it('is of a case file\'s bytes as read: a byte-order mark and a malformed byte count as they are, not as decoded', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFcaseId: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const [item] = await read(file('.yaml', bytes));
    expect(item).toMatchObject({ kind: 'text', sha256: sha256(bytes) });
    expect(sha256(Buffer.from((item as { text: string }).text, 'utf8'))).not.toBe(sha256(bytes));
  });

  it('is of a roster row\'s own bytes after the header\'s and a line feed: the line breaks inside a quoted cell as written, its own line end not', async () => {
    const row = 'b,2013-01-15,"two\r\nlines"';
    const items = await read(file('.csv', `${HEADER}\r\na,2013-01-15,x\r\n${row}\r\n`));
    expect(items.map(hashOf)).toEqual([sha256(`${HEADER}\na,2013-01-15,x`), sha256(`${HEADER}\n${row}`)]);
  });

  it('goes with an error record whose bytes were read, and not with a line too long to hold', async () => {
    const items = await read(file('.csv', `${HEADER}\nbad"quote,2013-01-15,x\nc,2013-01-15\n${'x'.repeat(CASE_LIMITS.bytes.value + 1)}\n`));
    expect(items.map((item) => item.kind)).toEqual(['error', 'error', 'error']);
    expect(items.map(hashOf)).toEqual([sha256(`${HEADER}\nbad"quote,2013-01-15,x`), sha256(`${HEADER}\nc,2013-01-15`), undefined]);
  }, 30_000);
});

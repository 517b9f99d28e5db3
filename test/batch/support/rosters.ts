/**
 * Generated NDJSON files and CSV rosters for the "every input exactly once" property: each is
 * built from a list of physical records (good cases, broken rows, stray quotes, quoted cells with
 * CR/LF/CRLF, blank lines, comma-only rows, mixed line ends, a BOM) and knows the records that
 * must come out of it, each at the physical line it starts on.
 *
 * The expected lines are counted on the finished text with one regular expression (CR, LF and CRLF
 * each end a CSV line; LF alone ends an NDJSON line), independently of the reader under test.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Expected {
  line: number;
  /** A case that reads (and, in these files, screens); otherwise an error record. */
  good: boolean;
  caseId?: string;
  /** CSV: person.name as read (trimmed; undefined when empty). NDJSON: the line's text. */
  content?: string;
}

export interface Generated {
  extension: '.csv' | '.ndjson';
  text: string;
  expected: Expected[];
}

interface Piece {
  text: string;
  /** Blank lines come out as nothing. */
  expected?: Omit<Expected, 'line'>;
}

const BOM = '\uFEFF';

function assemble(extension: Generated['extension'], bom: boolean, header: string | undefined, pieces: { piece: Piece; end: string }[], lineBreak: RegExp): Generated {
  let text = header ?? '';
  const expected: Expected[] = [];
  for (const { piece, end } of pieces) {
    if (piece.expected) expected.push({ line: (text.match(lineBreak)?.length ?? 0) + 1, ...piece.expected });
    text += piece.text + end;
  }
  return { extension, text: (bom ? BOM : '') + text, expected };
}

/** Keeps each record's number unique, so a case id says which record it came from. */
const numbered = <T>(records: ((k: number) => T)[]): T[] => records.map((record, k) => record(k + 1));

// --- CSV ---------------------------------------------------------------------------------------

const [HEADER, TEMPLATE] = readFileSync(join(ROOT, 'test/batch/data/roster.csv'), 'utf8').split('\n') as [string, string];
/** The daca-baseline row of the fixture roster: caseId is cell 0, person.name cell 2. */
const templateCells = TEMPLATE.split(',');

function csvCell(content: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(content) ? `"${content.replace(/"/g, '""')}"` : content;
}

/**
 * person.name contents with commas, quotes and line breaks. None starts with a quote or a comma:
 * read from inside a stray quote, the cell's opening quote must look like the end of a quoted
 * cell followed by text (an error), not like a cell boundary that could happen to line up.
 */
const nameContent = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', '\r\n'), minLength: 1, maxLength: 10 }).filter((text) => !/^[",]/.test(text));

const csvRecord: fc.Arbitrary<(k: number) => Piece> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(nameContent, fc.boolean()).map(([name, quote]) => (k: number) => {
    const cells = [...templateCells];
    cells[0] = `g${k}`;
    cells[2] = csvCell(name, quote);
    return { text: cells.join(','), expected: { good: true, caseId: `g${k}`, ...(name.trim() ? { content: name.trim() } : {}) } };
  }) },
  // Too few cells.
  fc.constant((k: number) => ({ text: `s${k},2013-01-15`, expected: { good: false, caseId: `s${k}` } })),
  // Only commas (and blanks).
  fc.constantFrom(',', ',,,', ' , ,', '"",""').map((text) => () => ({ text, expected: { good: false } })),
  // A quote inside an unquoted cell.
  fc.constant((k: number) => ({ text: [`m${k}a"b`, ...templateCells.slice(1)].join(','), expected: { good: false } })),
  // Text after a closing quote.
  fc.constant((k: number) => ({ text: [`"a${k}"b`, ...templateCells.slice(1)].join(','), expected: { good: false } })),
  // A stray opening quote that is never closed, with or without cells after it.
  fc.constantFrom('', ',x,y').map((rest) => (k: number) => ({ text: `u${k},"unclosed${rest}`, expected: { good: false } })),
  // Blank lines.
  fc.constantFrom('', ' ', '\t ').map((text) => () => ({ text })),
);

const csvEnd = fc.constantFrom('\n', '\r', '\r\n');

export const rosters: fc.Arbitrary<Generated> = fc
  .record({ bom: fc.boolean(), headerEnd: csvEnd, records: fc.array(fc.tuple(csvRecord, csvEnd), { maxLength: 14 }), endsWithBreak: fc.boolean() })
  .map(({ bom, headerEnd, records, endsWithBreak }) => {
    const pieces = numbered(records.map(([record, end], i) => (k: number) => ({ piece: record(k), end: i === records.length - 1 && !endsWithBreak ? '' : end })));
    return assemble('.csv', bom, HEADER + headerEnd, pieces, /\r\n|\r|\n/g);
  });

// --- NDJSON ------------------------------------------------------------------------------------

const baseline = JSON.stringify(parseYaml(readFileSync(join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), 'utf8')));

const ndjsonRecord: fc.Arbitrary<(k: number) => Piece> = fc.oneof(
  // A whole case on one line, with a lone CR (JSON whitespace) after its first comma or not.
  { weight: 4, arbitrary: fc.boolean().map((cr) => (k: number) => {
    const text = baseline.replace('"caseId":"daca-baseline",', `"caseId":"g${k}",${cr ? '\r' : ''}`);
    return { text, expected: { good: true, caseId: `g${k}`, content: text } };
  }) },
  fc.constant((k: number) => ({ text: `{"caseId": "broken${k}`, expected: { good: false, content: `{"caseId": "broken${k}` } })),
  fc.constant((k: number) => ({ text: `{"caseId":"typo${k}","person":{"dateOfBrith":"1990-01-01"}}`, expected: { good: false, content: `{"caseId":"typo${k}","person":{"dateOfBrith":"1990-01-01"}}` } })),
  fc.constantFrom('', ' ', '\t', '\r').map((text) => () => ({ text })),
);

export const ndjsonFiles: fc.Arbitrary<Generated> = fc
  .record({ bom: fc.boolean(), records: fc.array(fc.tuple(ndjsonRecord, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }), endsWithBreak: fc.boolean() })
  .map(({ bom, records, endsWithBreak }) => {
    const pieces = numbered(records.map(([record, end], i) => (k: number) => ({ piece: record(k), end: i === records.length - 1 && !endsWithBreak ? '' : end })));
    return assemble('.ndjson', bom, undefined, pieces, /\n/g);
  });

export const anyInput = fc.oneof(rosters, ndjsonFiles);

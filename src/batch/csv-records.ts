/**
 * The records of a CSV roster, each with the physical line it starts on, and a broken record
 * reported in place of exactly the lines it covers, so every line of a roster is accounted for:
 * it is blank, or in a record, or named by an error record.
 *
 * RFC 4180 cells: a quoted cell may hold commas, doubled quotes and line breaks; a quote inside an
 * unquoted cell, or text after a closing quote, breaks the line it is on.
 *
 * The recovery rule for a quote that is opened and not closed on its line: the record is read on
 * over the following lines, and kept only if it closes into a well-formed row with exactly the
 * header's number of cells, within the size of one case. Otherwise the quote was a stray one:
 * the line that opened it alone becomes an error record and reading starts again at the next line,
 * so a stray quote costs its own line and never the rows after it. A quote can run over lines only
 * below a readable header (before it there is no cell count to check against). Looking ahead is
 * bounded by the size of one case, so memory stays bounded too.
 *
 * The lines read again after a stray quote cost little: each run of quotes changes "inside a
 * quoted cell or not" exactly when its length is odd, whichever state the line starts in. A line
 * that kept a quoted cell open must therefore close every quote it opens when read afresh, so only
 * the line where the look-ahead stopped can start another one; no line is read more than a few times.
 */
import type { InputLimit } from '../case/limits.js';
import type { PhysicalLine } from './lines.js';

export type CsvRecord =
  /**
   * `line`: where the record starts (a quoted cell can carry it over later lines); `raw`: the
   * record's bytes as read, the line breaks inside quoted cells included, its own line end not.
   */
  | { line: number; cells: string[]; raw: Buffer; problem?: undefined }
  /** `cell`: the 0-based cell the problem is in, when it is in one; `raw`: the line's bytes, unless it was too long to hold. */
  | { line: number; problem: string; cell?: number; raw?: Buffer };

/** A record whose last cell is a quoted one still open at the end of a line. */
interface Open {
  cells: string[];
  cell: string;
}

type Step = { cells: string[] } | { open: Open } | { problem: string; cell: number };

/** Reads a line as the start of a record, or as the continuation of one whose quoted cell is open. */
function readLine(text: string, open?: Open, lineBreak = ''): Step {
  const cells = open ? [...open.cells] : [];
  let quoted: string | undefined = open ? open.cell + lineBreak : undefined;
  let i = 0;
  for (;;) {
    if (quoted === undefined && text[i] === '"') {
      quoted = '';
      i++;
    }
    if (quoted !== undefined) {
      const quote = text.indexOf('"', i);
      if (quote < 0) return { open: { cells, cell: quoted + text.slice(i) } };
      quoted += text.slice(i, quote);
      if (text[quote + 1] === '"') {
        quoted += '"';
        i = quote + 2;
        continue;
      }
      cells.push(quoted);
      quoted = undefined;
      i = quote + 1;
      if (i === text.length) return { cells };
      if (text[i] !== ',') return { problem: 'has text after the closing quote (a quote inside a quoted cell is written twice: "")', cell: cells.length - 1 };
      i++;
      continue;
    }
    const comma = text.indexOf(',', i);
    const cell = text.slice(i, comma < 0 ? text.length : comma);
    if (cell.includes('"')) return { problem: 'has a quote inside an unquoted cell (quote the whole cell and write each quote inside it twice: "")', cell: cells.length };
    cells.push(cell);
    if (comma < 0) return { cells };
    i = comma + 1;
  }
}

/**
 * `cellsPerRecord`: the header's cell count once it is known; `limit`: the size of one record.
 * Blank and whitespace-only lines outside a quoted cell are skipped.
 */
export async function* csvRecords(lines: AsyncIterable<PhysicalLine>, cellsPerRecord: () => number | undefined, limit: InputLimit): AsyncGenerator<CsvRecord> {
  const source = lines[Symbol.asyncIterator]();
  // Lines read ahead for a quote that turned out to be a stray one, to be read again (last first).
  const again: PhysicalLine[] = [];
  const next = async (): Promise<PhysicalLine | undefined> => {
    if (again.length) return again.pop();
    const result = await source.next();
    return result.done ? undefined : result.value;
  };
  const tooLong = `the line is too long: ${limit.describe}`;
  const tooLarge = `the row would be larger than one case may be: ${limit.describe}`;

  for (;;) {
    const first = await next();
    if (!first) return;
    if (first.tooLong) {
      yield { line: first.number, problem: tooLong };
      continue;
    }
    if (!first.text.trim()) continue;
    let step = readLine(first.text);
    if (!('open' in step)) {
      yield 'cells' in step ? { line: first.number, cells: step.cells, raw: first.raw } : { line: first.number, problem: step.problem, cell: step.cell, raw: first.raw };
      continue;
    }
    const openCell = step.open.cells.length;
    const expected = cellsPerRecord();
    const taken: PhysicalLine[] = [first];
    let why: string | undefined;
    if (expected === undefined) why = 'a quoted cell can hold a line break only in a row below a readable header';
    let previous: { end: string } = first;
    let bytes = first.bytes;
    while (!why && 'open' in step) {
      const line = await next();
      if (!line) {
        why = 'the file ends first';
        break;
      }
      taken.push(line);
      if (line.tooLong || (bytes += previous.end.length + line.bytes) > limit.value) {
        why = tooLarge;
        break;
      }
      step = readLine(line.text, step.open, previous.end);
      previous = line;
      if ('problem' in step) why = `line ${line.number} cannot continue it: its cell ${step.cell + 1} ${step.problem}`;
      else if ('cells' in step && step.cells.length !== expected) why = `read on to line ${line.number}, the row would have ${step.cells.length} cells, not the header's ${expected}`;
    }
    if (!why && 'cells' in step) {
      // Every line taken was held (none too long), each ended by the break that joins it to the next.
      const held = taken as Extract<PhysicalLine, { raw: Buffer }>[];
      const raw = Buffer.concat(held.flatMap((line, k) => (k + 1 < held.length ? [line.raw, Buffer.from(line.end, 'latin1')] : [line.raw])));
      yield { line: first.number, cells: step.cells, raw };
      continue;
    }
    yield { line: first.number, problem: `opens a quote that is not closed on this line, and the lines after it do not complete the row (${why})`, cell: openCell, raw: first.raw };
    for (let k = taken.length - 1; k >= 1; k--) again.push(taken[k]!);
  }
}

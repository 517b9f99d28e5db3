/**
 * Plain text wrapped to a width, for reports read in a terminal or pasted into a note: words move
 * to the next line whole, a word longer than a line (a path, a citation) is cut, and continuation
 * lines hang under the first line's text. Colour is added after wrapping, so widths count only
 * visible characters.
 */

/** The width when the output is not a terminal (a file, a pipe, a test). */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, a report is not worth reading: wrapping stops shrinking here. */
const NARROWEST = 40;

/** The width to wrap to: the terminal's when there is one, else DEFAULT_WIDTH. */
export function widthFor(columns: number | undefined): number {
  return columns && columns > 0 ? Math.max(NARROWEST, columns) : DEFAULT_WIDTH;
}

/**
 * The lines of `text` (one paragraph; its line breaks are kept as breaks) within `width`
 * columns: the first line starts after `indent` spaces, the others after `indent + hang`.
 */
export function wrap(text: string, width: number, indent = 0, hang = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = ' '.repeat(indent);
    let empty = true;
    const room = () => width - line.length;
    const continuation = ' '.repeat(Math.min(indent + hang, width - NARROWEST / 2));
    for (let word of paragraph.split(/ +/).filter(Boolean)) {
      if (!empty && word.length + 1 > room()) {
        lines.push(line);
        line = continuation;
        empty = true;
      }
      // A word longer than a whole line is cut at the edge, the rest carried on.
      while (word.length > room() - (empty ? 0 : 1)) {
        const cut = room() - (empty ? 0 : 1);
        if (cut <= 0) break;
        line += (empty ? '' : ' ') + word.slice(0, cut);
        lines.push(line);
        line = continuation;
        empty = true;
        word = word.slice(cut);
      }
      if (word) {
        line += (empty ? '' : ' ') + word;
        empty = false;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

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

/** Columns a piece of text takes: one per code point (an emoji or an accented letter is one; wide CJK characters, two on most terminals, count one). */
const columns = (text: string) => [...text].length;

/**
 * The lines of `text` (one paragraph; its line breaks are kept as breaks) within `width`
 * columns: the first line starts after `indent` spaces, the others after `indent + hang`.
 */
export function wrap(text: string, width: number, indent = 0, hang = 0): string[] {
  const lines: string[] = [];
  // At least half the narrowest width is left for the text, however deep the indent.
  const continuation = ' '.repeat(Math.max(0, Math.min(indent + hang, width - NARROWEST / 2)));
  for (const paragraph of text.split('\n')) {
    let line = ' '.repeat(Math.max(0, Math.min(indent, width - NARROWEST / 2)));
    let empty = true;
    const room = () => width - columns(line) - (empty ? 0 : 1);
    const add = (word: string) => {
      line += (empty ? '' : ' ') + word;
      empty = false;
    };
    const breakLine = () => {
      lines.push(line);
      line = continuation;
      empty = true;
    };
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      if (!empty && columns(word) > room()) breakLine();
      // A word longer than a whole line is cut at the edge, by code point, the rest carried on.
      let rest = [...word];
      while (rest.length > room() && room() > 0) {
        const cut = room();
        add(rest.slice(0, cut).join(''));
        breakLine();
        rest = rest.slice(cut);
      }
      if (rest.length) add(rest.join(''));
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

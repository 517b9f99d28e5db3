/** Text wrapped to a width (wrap.ts): whole words, long ones cut by code point, continuation lines hung. */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WIDTH, widthFor, wrap } from '../../src/render/wrap.js';

const columns = (line: string) => [...line].length;

describe('wrap', () => {
  it('moves whole words to the next line, continuation lines under the text', () => {
    expect(wrap('- one two three four five six seven', 24, 2, 2)).toEqual(['  - one two three four', '    five six seven']);
  });

  it('keeps a paragraph that fits on one line, and its own line breaks', () => {
    expect(wrap('short', 40)).toEqual(['short']);
    expect(wrap('first\nsecond', 40, 2)).toEqual(['  first', '  second']);
    expect(wrap('', 40)).toEqual(['']);
  });

  it('cuts a word longer than a line at the edge, and never splits a character', () => {
    const path = `criminalHistory.convictions[0].${'x'.repeat(60)}`;
    const lines = wrap(path, 40, 0, 4);
    expect(lines.every((line) => columns(line) <= 40)).toBe(true);
    expect(lines.map((line) => line.trim()).join('')).toBe(path);
    const emoji = `id-${'😀'.repeat(50)}`;
    const cut = wrap(emoji, 40);
    expect(cut.join('')).toBe(emoji);
    expect(cut.every((line) => columns(line) <= 40 && !/[\ud800-\udbff]$/.test(line))).toBe(true);
  });

  it('leaves room for text however deep the indent, and does not fail on a tiny width', () => {
    const lines = wrap('a b c d e f g h i j k l m n o p q r s t u v w x y z', 40, 36, 2);
    expect(lines.every((line) => columns(line) <= 40 && line.trim().length > 0)).toBe(true);
    expect(() => wrap('x', 10, 4, 4)).not.toThrow();
  });

  it("takes the terminal's width, 80 without one, and no less than 40", () => {
    expect(widthFor(undefined)).toBe(DEFAULT_WIDTH);
    expect(widthFor(120)).toBe(120);
    expect(widthFor(20)).toBe(40);
  });
});

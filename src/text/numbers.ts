/** Numbers as the tool's messages write them: one way for every summary, progress line and error. */

/** A count with thousands separators: 5,000. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A share with one decimal: 12.9%. */
export const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

/** "x" or "x (+2 more)": the first of several items, and how many others. */
export function firstOf(items: readonly string[]): string {
  return items.length > 1 ? `${items[0]} (+${items.length - 1} more)` : items[0]!;
}

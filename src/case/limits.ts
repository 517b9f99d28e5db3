/**
 * Limits on one case's input, each documented in docs/case-file.md. A real case file is a few kilobytes
 * with lists of tens; the limits sit far above that and far below what exhausts memory or the
 * stack, so a hostile or broken input is refused with a one-paragraph error naming the limit,
 * and the same input gives the same error in the main thread and in a batch worker.
 */
export interface InputLimit {
  value: number;
  /** How the limit reads in an error: "a case is at most 8 MiB". */
  describe: string;
}

export const CASE_LIMITS = {
  /** Bytes of one case: a case file, an NDJSON line or a CSV row. */
  bytes: { value: 8 * 1024 * 1024, describe: 'one case is at most 8 MiB' },
  /** Nesting of lists and mappings (the case-file format itself nests about six deep). */
  depth: { value: 64, describe: 'lists and mappings nest at most 64 deep' },
  /** Characters in one text value or key. */
  stringLength: { value: 10_000, describe: 'one text value or key is at most 10,000 characters' },
  /** Items in one list (convictions, entries, departures…). */
  listLength: { value: 50_000, describe: 'one list holds at most 50,000 items' },
  /**
   * Keys in one mapping. The biggest mapping of the case format has under 40 fields and any other
   * key is an error, so this limit only decides which error a huge mapping gets; it exists because
   * the YAML library checks a mapping's keys for duplicates pairwise (50,000 keys took 20 s).
   */
  keys: { value: 1_000, describe: 'one mapping holds at most 1,000 keys' },
} as const satisfies Record<string, InputLimit>;

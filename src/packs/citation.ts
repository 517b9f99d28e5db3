/**
 * A structured citation: which source (an id listed in the file's "sources", with its full
 * reference) and where in it. One shape for the packs and for the shared INA clauses, so a linter
 * can check every citation against its file's sources.
 */
import { z } from 'zod';

export const CitationPart = z.strictObject({
  /** An id from the file's "sources" list. */
  source: z.string().min(1),
  /** Where in the source: a section, a paragraph ("212(a)(2)(A)(ii)(II)", "4(e)"). */
  pin: z.string().min(1).optional(),
  /** Short words on what the source says there, when the pinpoint alone does not. */
  note: z.string().min(1).optional(),
});
export type CitationPart = z.infer<typeof CitationPart>;

export const Citation = z.array(CitationPart).min(1);
export type Citation = z.infer<typeof Citation>;

/** A source a citation names: its id and full reference. */
export const Source = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.url().optional(),
});
export type Source = z.infer<typeof Source>;

/**
 * The full references of the sources a report cites, listed once at its end: a citation names a
 * source by a short name ("INA", "criteria brief", "R1"); this list says what each one is and where
 * to read it. Each program lists the sources its own citations name (ProgramResult.sources); the
 * report lists each reference once, however many programs cite it.
 */
import type { Report } from '../app/screen.js';

export interface Reference {
  /** How a citation names it: "INA", "criteria brief", "R1". */
  name: string;
  /** Its full reference. */
  title: string;
  url?: string;
}

export function reportReferences(report: Report): Reference[] {
  const seen = new Map<string, Reference>();
  for (const program of report.programs) {
    for (const source of program.sources ?? []) {
      const reference: Reference = { name: source.cite ?? source.id, title: source.title, ...(source.url ? { url: source.url } : {}) };
      const key = `${reference.name}\0${reference.title}`;
      if (!seen.has(key)) seen.set(key, reference);
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** What follows a reference's name: its full reference, unless the name is already that (a case). */
export function referenceTitle(reference: Reference): string | null {
  return reference.title === reference.name ? null : reference.title;
}

/** "INA: Immigration and Nationality Act … <https://…>": one reference as a line of text. */
export function referenceText(reference: Reference): string {
  const title = referenceTitle(reference);
  return `${reference.name}${title ? `: ${title}` : ''}${reference.url ? ` <${reference.url}>` : ''}`;
}

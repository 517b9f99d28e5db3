/**
 * The examples each command's --help ends with: real command lines on the bundled fixtures, run
 * from the relief-screen folder, so a newcomer can try a command without the README. A test runs
 * every line (test/cli/help-examples.test.ts), so an example cannot rot.
 */

export interface Example {
  /** What the line shows, in a few words. */
  says: string;
  /** The command lines, run in order; `> FILE` at the end of one sends its standard output to a file. */
  lines: readonly string[];
  /** Asks questions at a terminal: the test only checks that it gets as far as asking for one. */
  interactive?: boolean;
}

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  screen: [
    { says: 'Claudia (seed 004): the summary, the questions to ask, what decided each program', lines: ['relief screen fixtures/cases/claudia.case.yaml'] },
    { says: 'Ramos as if he had pleaded to a first 1325 misdemeanor instead of the 1326 felony', lines: ['relief screen fixtures/cases/ramos-1326.case.yaml --scenario plead:0=1325-first'] },
    { says: 'every DACA rule, condition by condition, with the facts it read', lines: ['relief screen fixtures/cases/daca-baseline.case.yaml --program daca --explain'] },
  ],
  intake: [
    { says: 'interview a client, saving the answers as you go', lines: ['relief intake --out client.case.yaml --as-of 2013-01-15'], interactive: true },
    { says: 'continue a stopped interview from its draft', lines: ['relief intake --resume client.case.yaml.draft.json'], interactive: true },
  ],
  quiz: [
    { says: 'predict, then reveal: the twin born the day before the DACA age line', lines: ['relief quiz twin-born-1981-06-15'], interactive: true },
    { says: 'a case file of your own', lines: ['relief quiz fixtures/cases/ramos.case.yaml --as-of 2014-01-01'], interactive: true },
  ],
  batch: [
    { says: 'three cases, one CSV row each, the cases that need an attorney first in the summary', lines: ['relief batch fixtures/cases/claudia.case.yaml fixtures/cases/ramos.case.yaml fixtures/cases/daca-baseline.case.yaml --format csv'] },
    { says: 'NDJSON records to a file, and one readable report per case', lines: ['relief batch fixtures/teaching/plea-1325.case.yaml fixtures/teaching/plea-1326.case.yaml -o results.ndjson --reports reports'] },
  ],
  'roster-template': [
    { says: 'a roster header to fill in, with one example row', lines: ['relief roster-template > roster.csv'] },
    { says: 'what each column holds, most decisive first', lines: ['relief roster-template --markdown'] },
  ],
  diff: [
    {
      says: 'a case and the same case with another plea: which results and findings changed (exit 1: something did)',
      lines: [
        'relief screen fixtures/cases/ramos-1326.case.yaml --format json > before.json',
        'relief screen fixtures/cases/ramos-1326.case.yaml --format json --scenario plead:0=1325-first > after.json',
        'relief diff before.json after.json',
      ],
    },
    {
      says: 'two batch outputs, the second screened ten years on (the T visa\'s 212(a)(2)(D) look-back has run): the clients whose results changed, as CSV',
      lines: [
        'relief batch fixtures/cases/t-visa-baseline.case.yaml fixtures/cases/vawa-baseline.case.yaml -o before.ndjson',
        'relief batch fixtures/cases/t-visa-baseline.case.yaml fixtures/cases/vawa-baseline.case.yaml --as-of 2034-01-01 -o after.ndjson',
        'relief diff before.ndjson after.ndjson --format csv',
      ],
    },
  ],
  scenarios: [
    { says: 'the named scenarios relief screen --scenario takes', lines: ['relief scenarios'] },
    { says: 'one of them on Ramos: a later filing date', lines: ['relief screen fixtures/cases/ramos.case.yaml --scenario screened-later=365'] },
  ],
  flips: [
    { says: 'the smallest changes that change S.744 for Ramos', lines: ['relief flips fixtures/cases/ramos-1326.case.yaml --program s744-rpi'] },
    { says: 'every program of Claudia, as JSON', lines: ['relief flips fixtures/cases/claudia.case.yaml --format json'] },
  ],
  schema: [
    { says: 'the case-file format (the same as docs/case-file.schema.json)', lines: ['relief schema > case-file.schema.json'] },
  ],
  rules: [
    { says: 'check the rule packs and list them with their versions', lines: ['relief rules'] },
    { says: 'the rule book (docs/rule-book.md)', lines: ['relief rules --doc > rule-book.md'] },
  ],
};

/** The block --help ends with: each example's words as a comment, then its line. */
export function examplesHelp(command: string): string {
  const examples = EXAMPLES[command] ?? [];
  if (examples.length === 0) return '';
  const lines = examples.map(({ says, lines }) => [`  # ${says}`, ...lines.map((line) => `  $ ${line}`)].join('\n'));
  return `\nExamples (in the relief-screen folder; without relief on the PATH, type node bin/relief.js for relief):\n${lines.join('\n')}\n`;
}

import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExactDate } from '../../src/case/dates.js';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks, rulePacksOn } from '../../src/packs/load.js';
import { valueInWords } from '../../src/packs/placeholders.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-restated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

type Json = Record<string, any>;
/** A copy of the real rules with one pack (DACA's by default) edited. */
function dacaWith(edit: (pack: Json) => void, program = 'daca'): string {
  const dir = join(scratch, `rules-${counter++}`);
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, program, 'pack.json');
  const pack = JSON.parse(readFileSync(file, 'utf8'));
  edit(pack);
  writeFileSync(file, JSON.stringify(pack));
  return dir;
}
const rule = (pack: Json, id: string): Json => pack.rules.find((r: Json) => r.id === id);

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadRulePacks(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as PackError).problems;
  }
  return [];
}

describe('the linter: a name or text restating a parameter\'s value', () => {
  it('passes the bundled packs', async () => {
    await expect(loadRulePacks()).resolves.toBeDefined();
  });

  it('flags a rule id and a fact name that spell a value (digits, a written date)', async () => {
    const problems = await problemsOf(dacaWith((pack) => {
      rule(pack, 'daca-age-limit-on-announcement').id = 'daca-under-31-on-june-15-2012';
      pack.facts.under31 = pack.facts.underAgeLimitOnAnnouncement;
      delete pack.facts.underAgeLimitOnAnnouncement;
      rule(pack, 'daca-under-31-on-june-15-2012').conditions.all[0].fact = 'under31';
    }));
    expect(problems).toContain('fact "under31": its name restates 31, the value of parameter "ageCeilingOnAnnouncement" ("31"): name the concept');
    expect(problems).toContain('rule "daca-under-31-on-june-15-2012": its id restates 31, the value of parameter "ageCeilingOnAnnouncement" ("31"): name the concept');
    expect(problems).toContain('rule "daca-under-31-on-june-15-2012": its id restates "2012-06-15", the value of parameter "announcementDate" ("june-15-2012"): name the concept');
  });

  it('flags a text that writes a number, "N days", "N years", a number word, an ordinal, an ISO or a written date', async () => {
    const problems = await problemsOf(dacaWith((pack) => {
      rule(pack, 'daca-age-limit-on-announcement').name = 'Under the age of 31 as of June 15, 2012';
      rule(pack, 'daca-age-limit-on-announcement').explanation = 'Tested on 2012-06-15.';
      rule(pack, 'daca-significant-misdemeanor').explanation = 'Sentenced to more than 90 days in custody.';
      rule(pack, 'daca-multiple-misdemeanors').name = 'Three or more misdemeanors';
      rule(pack, 'daca-arrived-before-age-limit').name = 'Came before the 16th birthday';
      pack.facts.continuousResidence.description = 'Resided continuously for 5 years.';
    }));
    const morton = await problemsOf(dacaWith((pack) => { pack.facts.longPresence.description = 'In the United States 10 years or more.'; }, 'morton'));
    expect(morton).toEqual(['fact "longPresence": its description restates 10, the value of parameter "longPresenceYears" ("10"): name the concept, and write "{longPresenceYears}" where the value goes']);
    const restating = (what: string, value: string, match: string) => expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${what} restates ${value}, the value of parameter "\\w+" \\("${match}"\\): name the concept, and write "\\{\\w+\\}" where the value goes`)));
    restating('rule "daca-age-limit-on-announcement": its name', '31', '31');
    restating('rule "daca-age-limit-on-announcement": its name', '"2012-06-15"', 'June 15, 2012');
    restating('rule "daca-age-limit-on-announcement": its explanation', '"2012-06-15"', '2012-06-15');
    restating('rule "daca-significant-misdemeanor": its explanation', '90', '90');
    restating('rule "daca-multiple-misdemeanors": its name', '3', 'Three');
    restating('rule "daca-arrived-before-age-limit": its name', '16', '16th');
    // The fact's continuous-residence calculator reads no "5 years" parameter: nothing to restate.
    expect(problems.filter((p) => p.startsWith('fact "continuousResidence"'))).toEqual([]);
  });

  it('flags a threshold written as the number below it, days written as years, and a review note\'s words', async () => {
    const problems = await problemsOf(dacaWith((pack) => {
      pack.facts.unlawfulPresenceShorterBar.description = 'Left voluntarily after more than 180 days of unlawful presence.';
      pack.facts.unlawfulPresenceLongerBar.description = 'Left or was removed after a year or more of unlawful presence.';
      pack.facts.unlawfulPresenceReentry.description = 'More than one year of unlawful presence in the aggregate, then an entry without admission.';
      pack.reviewNotes.juvenileAdjudication.reason = 'An offense committed under 18 by someone not tried as an adult is no conviction.';
    }, 't-visa'));
    expect(problems).toEqual([
      'review note "juvenileAdjudication" restates 18, the value of parameter "juvenileUnderAge" ("18"): name the concept, and write "{juvenileUnderAge}" where the value goes',
      'fact "unlawfulPresenceShorterBar": its description restates 181, the value of parameter "shorterBarUnlawfulPresenceDays" ("more than 180"): name the concept, and write "{shorterBarUnlawfulPresenceDays}" where the value goes',
      'fact "unlawfulPresenceLongerBar": its description restates 365, the value of parameter "longerBarUnlawfulPresenceDays" ("a year"): name the concept, and write "{longerBarUnlawfulPresenceDays}" where the value goes',
      'fact "unlawfulPresenceReentry": its description restates 366, the value of parameter "permanentBarUnlawfulPresenceDays" ("More than one year"): name the concept, and write "{permanentBarUnlawfulPresenceDays}" where the value goes',
    ]);
  });

  it('holds a review note only to the parameters of the facts that raise it', async () => {
    // "arrivedOnStartDate" is raised by the continuous-residence fact, which reads the start date;
    // "bareLabel" by the record's calculators, which read no date: the same date restates only in the first.
    const problems = await problemsOf(dacaWith((pack) => {
      pack.reviewNotes.arrivedOnStartDate.reason = 'The client arrived on 2007-06-15 itself.';
      pack.reviewNotes.bareLabel.reason = `${pack.reviewNotes.bareLabel.reason} (since 2007-06-15)`;
    }));
    expect(problems).toEqual(['review note "arrivedOnStartDate" restates "2007-06-15", the value of parameter "residenceSince" ("2007-06-15"): name the concept, and write "{residenceSince}" where the value goes']);
  });

  it('leaves citations inside a text, labels and statute tokens alone', async () => {
    const problems = await problemsOf(dacaWith((pack) => {
      rule(pack, 'daca-significant-misdemeanor').explanation = 'See INA 212(a)(2)(A)(i)(I) and 8 CFR 236.22(b)(6), Level 5 and Priority 3; the custody is more than {significantCustodyAboveDays} days.';
      rule(pack, 'daca-felony').id = 'daca-felony-212a5';
    }));
    expect(problems).toEqual([]);
  });
});

describe('placeholders: numbers in a pack\'s words come from its parameters', () => {
  it('writes numbers as digits or words, dates written or ISO, days as years', () => {
    expect(valueInWords(31)).toBe('31');
    expect(valueInWords(3, 'words')).toBe('three');
    expect(valueInWords(3, 'Words')).toBe('Three');
    expect(valueInWords('2012-06-15')).toBe('June 15, 2012');
    expect(valueInWords('2012-06-15', 'iso')).toBe('2012-06-15');
    expect(valueInWords(1825, 'years')).toBe('5');
    expect(valueInWords(1826, 'years')).toBeNull();
    expect(valueInWords(365, 'inYears')).toBe('one year');
    expect(valueInWords(1825, 'inYears')).toBe('five years');
    expect(valueInWords(366, 'inYears')).toBeNull();
    expect(valueInWords(['a'])).toBeNull();
  });

  it('fills the words of the loaded packs, and a dated parameter with the value in force on the screening date', async () => {
    const rulePacks = await loadRulePacks();
    const daca = rulePacks.packs.find((p) => p.pack.program === 'daca')!;
    expect(daca.pack.rules.find((r) => r.id === 'daca-age-limit-on-announcement')!.name).toBe('Under the age of 31 as of June 15, 2012');
    const explanation = (packs: typeof rulePacks) => packs.packs.find((p) => p.pack.program === 't-visa')!.pack.rules.find((r) => r.id === 't-visa-complied-with-reasonable-requests')!.explanation;
    expect(explanation(rulePacks)).toContain('a person under 18 at the time at least one act of trafficking occurred');
    expect(explanation(rulePacksOn(rulePacks, parseExactDate('2003-12-18'), 'case'))).toContain('a person under 15 at the time at least one act of trafficking occurred');
  });

  it('reports a placeholder that names no parameter, or a value a text cannot hold', async () => {
    const problems = await problemsOf(dacaWith((pack) => {
      rule(pack, 'daca-felony').name = 'Felony ({noSuchParameter})';
      rule(pack, 'daca-felony').explanation = 'Statuses: {lawfulStatuses}; from {announcementDate:words}.';
    }));
    expect(problems).toContain('rule "daca-felony": "{noSuchParameter}" names no parameter of this pack or the shared file');
    expect(problems).toContainEqual(expect.stringContaining('rule "daca-felony": "{lawfulStatuses}" cannot write the value of parameter "lawfulStatuses" in a text'));
    expect(problems).toContainEqual(expect.stringContaining('rule "daca-felony": "{announcementDate:words}" cannot write'));
  });
});

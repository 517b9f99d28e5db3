/**
 * Structured citations (src/packs/citation.ts): the one way a citation is written as text, and the
 * linter's check of citations against their file's sources. Hand-made citations and sources: these
 * tests hold whatever the rule files say.
 */
import { describe, expect, it } from '@jest/globals';
import { Citation, Source, citationProblems, citationText, citedSources, sourceLookup } from '../../src/packs/citation.js';

const SOURCES = sourceLookup([
  { id: 'INA', title: 'Immigration and Nationality Act, codified at 8 U.S.C. 1101 et seq.', cite: 'INA' },
  { id: '8 U.S.C.', title: 'United States Code, Title 8', cite: '8 U.S.C.' },
  { id: '8 CFR', title: 'Code of Federal Regulations, Title 8', cite: '8 CFR' },
  { id: 'brief', title: 'relief-screen criteria brief', cite: 'criteria brief' },
  { id: 'Pickering', title: 'Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)', cite: 'Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)' },
  { id: 'R1', title: '8 CFR 214.202, web copy', url: 'https://example.org/214.202' },
  { id: 'R3', title: 'T final rule' },
]);

describe('citationText', () => {
  it('names each source as citations do, with its pinpoint', () => {
    expect(citationText([{ source: 'INA', pin: '212(a)(2)(A)(ii)(II)' }, { source: '8 CFR', pin: '214.202(c)(1)' }, { source: 'brief', pin: '4(e)' }], SOURCES)).toBe(
      'INA 212(a)(2)(A)(ii)(II); 8 CFR 214.202(c)(1); criteria brief 4(e)',
    );
  });

  it('gives consecutive pinpoints of one source its name once', () => {
    expect(citationText([{ source: 'brief', pin: '4(d)' }, { source: 'brief', pin: '4(e)' }, { source: 'brief', pin: '4(g)4' }], SOURCES)).toBe('criteria brief 4(d), 4(e), 4(g)4');
  });

  it('writes an INA section and its 8 U.S.C. codification as one parallel citation, and another 8 U.S.C. section apart', () => {
    const parallel: Citation = [{ source: 'INA', pin: '212(a)(2)' }, { source: '8 U.S.C.', pin: '1182(a)(2)' }];
    expect(citationText(parallel, SOURCES)).toBe('INA 212(a)(2), 8 U.S.C. 1182(a)(2)');
    expect(citationText([{ source: 'INA', pin: '240A(b)(2)(A)(ii)' }, { source: '8 U.S.C.', pin: '1229b(b)(2)(A)(ii)' }], SOURCES)).toBe('INA 240A(b)(2)(A)(ii), 8 U.S.C. 1229b(b)(2)(A)(ii)');
    const apart: Citation = [{ source: 'INA', pin: '245B(b)(1)' }, { source: '8 U.S.C.', pin: '1101(a)(43)(O)' }];
    expect(citationText(apart, SOURCES)).toBe('INA 245B(b)(1); 8 U.S.C. 1101(a)(43)(O)');
    // A continuation pinpoint ("(9)(C)") keeps the section it continues.
    const continued: Citation = [{ source: 'INA', pin: '212(a)(9)(A)' }, { source: 'INA', pin: '(9)(C)(i)(II)' }, { source: '8 U.S.C.', pin: '1182(a)(9)(A)' }];
    expect(citationText(continued, SOURCES)).toBe('INA 212(a)(9)(A), (9)(C)(i)(II), 8 U.S.C. 1182(a)(9)(A)');
  });

  it('brackets research tags after the part they back, together, and a quotation after them', () => {
    const tagged: Citation = [{ source: '8 CFR', pin: '214.202(c)(1)', note: '"has not attained 18 years of age"' }, { source: 'R1' }, { source: 'R3', note: 'text not read' }, { source: 'brief', pin: '4(b)1' }];
    expect(citationText(tagged, SOURCES)).toBe('8 CFR 214.202(c)(1) (R1, R3: text not read): "has not attained 18 years of age"; criteria brief 4(b)1');
  });

  it('brackets a note that is not a quotation after its pinpoint', () => {
    expect(citationText([{ source: 'INA', pin: '245B(c)', note: 'recalled, unverified' }], SOURCES)).toBe('INA 245B(c) (recalled, unverified)');
    expect(citationText([{ source: 'Pickering' }], SOURCES)).toBe('Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)');
  });

  it('names a source by its id when it has no list to look in (or the list lacks it)', () => {
    expect(citationText([{ source: 'brief', pin: '2(b)6' }])).toBe('brief 2(b)6');
    expect(citationText([{ source: 'nowhere', pin: '1' }], SOURCES)).toBe('nowhere 1');
  });
});

describe('the citation schema', () => {
  it('takes a list of parts, each naming a source, and refuses text or an empty list', () => {
    expect(Citation.safeParse([{ source: 'INA', pin: '212(a)(2)', note: 'n' }]).success).toBe(true);
    expect(Citation.safeParse('INA 212(a)(2)').success).toBe(false);
    expect(Citation.safeParse([]).success).toBe(false);
    expect(Citation.safeParse([{ pin: '212(a)(2)' }]).success).toBe(false);
    expect(Citation.safeParse([{ source: 'INA', page: '3' }]).success).toBe(false);
  });

  it('takes a source with an id, a title, and an address that is a URL', () => {
    expect(Source.safeParse({ id: 'INA', title: 'Immigration and Nationality Act', cite: 'INA', url: 'https://uscode.house.gov/' }).success).toBe(true);
    expect(Source.safeParse({ id: 'INA', title: 'Immigration and Nationality Act', url: 'not an address' }).success).toBe(false);
    expect(Source.safeParse({ id: 'INA' }).success).toBe(false);
  });
});

describe('citationProblems', () => {
  const sources: Source[] = [
    { id: 'INA', title: 'Immigration and Nationality Act' },
    { id: 'brief', title: 'criteria brief' },
  ];

  it('passes when every citation names a listed source and every listed source is cited', () => {
    expect(citationProblems([{ where: 'rule "a"', citation: [{ source: 'INA', pin: '212' }] }, { where: 'parameter "p"', citation: [{ source: 'brief' }] }], sources, 'x/pack.json')).toEqual([]);
  });

  it('names the place and the source a citation names that the file does not list', () => {
    expect(citationProblems([{ where: 'rule "a"', citation: [{ source: 'INA' }, { source: 'brief' }, { source: 'IRCA', pin: '1' }] }], sources, 'x/pack.json')).toEqual([
      'rule "a": cites source "IRCA", which x/pack.json does not list in "sources" (listed: INA, brief)',
    ]);
  });

  it('names a listed source no citation names, unless it says why', () => {
    const uses = [{ where: 'rule "a"', citation: [{ source: 'INA' }] }];
    expect(citationProblems(uses, sources, 'x/pack.json')).toEqual(['x/pack.json: source "brief" is listed in "sources" but no citation names it (cite it, remove it, or say why in "uncited")']);
    expect(citationProblems(uses, [sources[0]!, { ...sources[1]!, uncited: 'the copy of a text cited by name' }], 'x/pack.json')).toEqual([]);
  });

  it('names a source that says it is uncited but is cited, and a source listed twice', () => {
    const uses = [{ where: 'rule "a"', citation: [{ source: 'INA' }, { source: 'brief' }] }];
    expect(citationProblems(uses, [{ ...sources[0]!, uncited: 'why' }, sources[1]!, sources[1]!], 'x/pack.json')).toEqual([
      'x/pack.json: source "brief" is listed twice in "sources"',
      'x/pack.json: source "INA" says it is "uncited", but a citation names it (remove "uncited")',
    ]);
  });

  it('echoes a hostile source id bounded and inert', () => {
    const [problem] = citationProblems([{ where: 'rule "a"', citation: [{ source: `\u001b[31m${'x'.repeat(5000)}` }] }], [], 'x/pack.json');
    expect(problem).not.toContain('\u001b');
    expect(problem!.length).toBeLessThan(1000);
  });
});

describe('citedSources', () => {
  it('lists the sources some citation names, once each, in the order listed', () => {
    const sources: Source[] = [{ id: 'INA', title: 'a' }, { id: 'brief', title: 'b' }, { id: 'R1', title: 'c' }];
    expect(citedSources([[{ source: 'R1' }, { source: 'INA' }], [{ source: 'INA', pin: '2' }]], sources).map((s) => s.id)).toEqual(['INA', 'R1']);
  });
});

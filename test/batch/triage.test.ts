/**
 * Issue 14 item 2: the batch ranks clients by what to do next. On the fixtures folder the
 * baseline clients come first (eligible, the DACA baseline ready to file), the inputs that are not
 * cases (the expected-result files) last; every input appears once. Each record carries one short
 * reason per program and the decisive questions to ask next; a client one question from a result
 * and one eligible for nothing with nothing open (test/batch/data/triage) land in their groups.
 */
import { describe, expect, it } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { NEXT_QUESTIONS_MAX, REASON_MAX } from '../../src/batch/triage.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { runBatchCli } from '../support/run-cli.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const TRIAGE = join(HERE, 'data', 'triage');

interface Program {
  program: string;
  outcome?: string;
  bars: string[];
  notMet: string[];
  reason: string | null;
  decisiveQuestions?: number;
}
interface Rec {
  index: number;
  caseId: string | null;
  source: string;
  status: string;
  triage: string;
  triageRank: number;
  nextQuestions?: string[];
  programs?: Program[];
  notInForce?: { program: string }[];
}
const records = (stdout: string): Rec[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Rec);
const byId = (list: Rec[], id: string) => list.find((r) => r.caseId === id)!;
const reason = (record: Rec, program: string) => record.programs!.find((p) => p.program === program)!.reason;

describe('triage on the fixtures folder', () => {
  it('puts the baseline clients at the top, the inputs that are not cases last, every input once', async () => {
    const { code, stdout, stderr } = await runBatchCli([join(ROOT, 'fixtures/cases')]);
    expect(code).toBe(EXIT.batchHadErrors); // the *.expected.yaml files are not case files
    const out = records(stdout);
    expect(out).toHaveLength(22);
    const ranked = [...out].sort((a, b) => a.triageRank - b.triageRank || a.index - b.index);
    // DACA baseline: eligible for DACA with no waiver and no review point (rank 1), first.
    expect(ranked[0]).toMatchObject({ caseId: 'daca-baseline', triage: 'eligible', triageRank: 1 });
    for (const id of ['daca-baseline', 't-visa-baseline', 'vawa-baseline']) expect(byId(out, id).triage).toBe('eligible');
    // The T-visa baseline needs its waiver (commercial sex acts were the trafficking itself); the VAWA
    // baseline is eligible with nothing to review (weighing the evidence is a caution for every applicant).
    expect(byId(out, 't-visa-baseline').triageRank).toBe(2);
    expect(byId(out, 'vawa-baseline').triageRank).toBe(1);
    // Ramos (1326): eligible nowhere; S.744 open on more than two questions (his reentry's date, his statuses, departures...).
    expect(byId(out, 'ramos-gallegos-1326')).toMatchObject({ triage: 'open', triageRank: 6 });
    expect(ranked.slice(-11).map((r) => [r.status, r.triage, r.triageRank])).toEqual(Array(11).fill(['error', 'error', 7]));
    expect(ranked.slice(0, 10).every((r) => r.triage === 'eligible')).toBe(true);

    // The summary: the same groups in the same order, its first entry the DACA baseline, every input counted once.
    const titles = ['Eligible for a program', 'Open: more questions', 'Could not be screened'].map((title) => stderr.indexOf(title));
    expect(titles.every((at, i) => at > 0 && (i === 0 || at > titles[i - 1]!))).toBe(true);
    expect(stderr.split('\n').find((line) => line.startsWith('    - '))).toMatch(/\(daca-baseline\): eligible: daca, s744-rpi$/);
    const counted = [...stderr.matchAll(/^ {2}\S.*: (\d+) \(\d+\.\d%\)$/gm)].map((match) => Number(match[1]));
    expect(counted).toEqual([10, 1, 11]);
  });

  it('gives one short reason per program: the element not met, the bar that counts, the waiver needed, or what is open', async () => {
    const out = records((await runBatchCli([join(ROOT, 'fixtures/cases')])).stdout);
    const screened = out.filter((r) => r.status === 'screened');
    const { packs } = await loadRulePacks();
    for (const record of screened) {
      // vawa-1999 is screened before the T and U visas existed (the VTVPA 2000): it lists them under notInForce instead.
      const notInForce = new Set(record.notInForce!.map((entry) => entry.program));
      expect(notInForce.size).toBe(record.caseId === 'vawa-1999' ? 2 : 0);
      expect(record.programs!.map((p) => p.program)).toEqual(packs.map((p) => p.pack.program).filter((program) => !notInForce.has(program)));
      for (const program of record.programs!) {
        expect(program.reason === null || program.reason.length <= REASON_MAX).toBe(true);
        // Eligible: nothing to decide; any other outcome has its reason.
        if (program.outcome) expect(program.reason === null).toBe(program.outcome === 'eligible');
      }
    }
    const baseline = byId(out, 'daca-baseline');
    expect(reason(baseline, 'daca')).toBeNull();
    expect(reason(baseline, 't-visa')).toBe('not met: t-visa-severe-form-of-trafficking');
    expect(reason(baseline, 'vawa-cancellation')).toBe('open: vawa-cancellation-battered-by-qualifying-relative (+3 more)');
    expect(reason(baseline, 'morton')).toBeNull(); // priority and level "none": no rule sets them
    const tVisa = byId(out, 't-visa-baseline');
    expect(reason(tVisa, 't-visa')).toBe('waiver for t-visa-inadmissible-prostitution-conduct');
    expect(reason(tVisa, 's744-rpi')).toBe('bar: s744-not-continuously-present-since-cutoff');
    expect(reason(tVisa, 'morton')).toBe('open: priority');
    expect(reason(byId(out, 'claudia'), 'vawa-cancellation')).toBe('bar: vawa-cancellation-prostitution');
    expect(reason(byId(out, 'lucia'), 'morton')).toBe('morton-p1-convicted-of-crime');
    // Ramos (1326) has a felony, but DACA already fails its age and arrival elements: that, not the felony bar, is the reason.
    const ramos = byId(out, 'ramos-gallegos-1326');
    expect(ramos.programs!.find((p) => p.program === 'daca')).toMatchObject({ bars: ['daca-felony'], notMet: ['daca-age-limit-on-announcement', 'daca-arrived-before-age-limit'], reason: 'not met: daca-age-limit-on-announcement (+1 more)' });
    expect(reason(ramos, 's744-rpi')).toBe('open: s744-felony');
  });

  it('lists the decisive questions to ask next, bounded, and none where no case fact settles what is open', async () => {
    const out = records((await runBatchCli([join(ROOT, 'fixtures/cases')])).stdout);
    for (const record of out.filter((r) => r.status === 'screened')) expect(record.nextQuestions!.length).toBeLessThanOrEqual(NEXT_QUESTIONS_MAX);
    // Nothing is known of the baseline's children or abuse: the questions that decide the most programs first
    // (the children: non-LPR cancellation's qualifying relative and VAWA; the other 101(f) bars: three programs), then VAWA's.
    expect(byId(out, 'daca-baseline').nextQuestions).toEqual(['family.children', 'security.otherGoodMoralCharacterBar', 'abuse.occurred', 'abuse.victims', 'abuse.abuser.relationship']);
    // Whether his conviction is a CIMT decides the most programs (non-LPR cancellation among them).
    expect(byId(out, 'ramos-gallegos-1326').nextQuestions![0]).toBe('criminalHistory.convictions[0].crimeInvolvingMoralTurpitude');
    // Lucia's VAWA results are open on a point of law (whether her offense is of a good-moral-character class), not on a fact to ask.
    const lucia = byId(out, 'lucia');
    expect(lucia.nextQuestions).toEqual([]);
    expect(lucia.programs!.find((p) => p.program === 'vawa-cancellation')!.decisiveQuestions).toBe(0);
  });
});

describe('triage groups', () => {
  it('ranks a client one question from a result, with that question first, above one eligible for nothing', async () => {
    const { stdout, stderr } = await runBatchCli([TRIAGE, '--format', 'csv']);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.caseId, r.triage, r.triageRank])).toEqual([
      ['barred-everywhere', 'barred', '5'],
      ['one-question-away', 'questions', '3'],
    ]);
    const [barred, near] = rows;
    expect(near).toMatchObject({ nextQuestions: 'security.nationalSecurityConcern;removal.noticeToAppearServed;removal.noticeToAppearStatedTimeAndPlace;person.military.served;person.military.activeDutyMonths', 's744-rpi': 'not_enough_information', 's744-rpi.reason': 'open: s744-terrorism', 'morton.reason': 'open: priority' });
    // Entered in 2012: S.744's presence bar is the bar that counts; DACA, the T visa and VAWA fail required elements.
    expect(barred).toMatchObject({ firstBar: 's744-rpi:s744-not-continuously-present-since-cutoff', 't-visa.reason': 'not met: t-visa-severe-form-of-trafficking', nextQuestions: '' });
    expect(stderr.indexOf('One or two questions from a result: 1')).toBeLessThan(stderr.indexOf('Not eligible anywhere, nothing open (the bars that count): 1'));
    expect(stderr).toContain('(one-question-away): ask: security.nationalSecurityConcern | one question from a result: morton, s744-rpi');
    expect(stderr).toContain('(barred-everywhere): bars: s744-rpi s744-not-continuously-present-since-cutoff | not met: daca, non-lpr-cancellation, t-visa, u-visa, vawa-cancellation, vawa-self-petition');
  });
});

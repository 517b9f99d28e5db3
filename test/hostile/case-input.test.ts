/**
 * Hostile case input (issue 10): each of these once ran the process out of memory, blew the stack
 * differently in a worker, printed library warnings, or echoed megabytes. Every one must now be a
 * short, one-paragraph InputError naming the limit or the problem and its place, in bounded time.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, loadCaseFile, parseCaseText, validateCase } from '../../src/case/load.js';
import { CASE_LIMITS } from '../../src/case/limits.js';
import { scanJson } from '../../src/case/json-text.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The problems parsing and validating the text give (none when it is a valid case). */
function problems(text: string, source = 'case.yaml'): string[] {
  try {
    validateCase(parseCaseText(text, source), source);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems;
  }
}

const { depth, stringLength, listLength, keys, bytes } = CASE_LIMITS;

describe('nesting', () => {
  it('refuses five million "[" in YAML and in JSON at the depth limit, with the place', () => {
    const text = '['.repeat(5_000_000);
    expect(problems(text, 'deep.yaml')).toEqual([`not valid YAML: line 1, column ${2 * depth.value + 2}: nested too deep: ${depth.describe}`]);
    expect(problems(text, 'deep.json')).toEqual([`not valid JSON: line 1, column ${depth.value + 1}: nested too deep: ${depth.describe}`]);
  });
  it('refuses deep block mappings and compact sequences', () => {
    let indented = '';
    for (let level = 0; level < 1_000; level += 1) indented += `${' '.repeat(level)}a:\n`;
    expect(problems(indented)).toEqual([expect.stringMatching(new RegExp(`^not valid YAML: line \\d+, column \\d+: nested too deep: ${depth.describe}$`))]);
    expect(problems(`${'- '.repeat(2_000_000)}x`)).toEqual([expect.stringContaining(depth.describe)]);
  });
  it('allows the limit and refuses one more on the value, naming the field', () => {
    const nested = (levels: number) => `{"sources": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    expect(problems(nested(depth.value), 'case.json').join()).not.toContain(depth.describe);
    expect(problems(nested(depth.value + 1), 'case.json')).toEqual([`not valid JSON: line 1, column ${12 + depth.value}: nested too deep: ${depth.describe}`]);
    expect(problems(`sources: ${'['.repeat(depth.value)}${']'.repeat(depth.value)}`)).toEqual([expect.stringMatching(new RegExp(`^sources(\\[0\\])+.*: nested too deep: ${depth.describe}$`))]);
  });
  it('gives the same error in a worker with a small stack as in the main thread', async () => {
    const yaml = `sources: ${'['.repeat(1_000)}${']'.repeat(1_000)}`;
    const json = `{"sources": ${'['.repeat(1_000)}${']'.repeat(1_000)}}`;
    const inMain = [problems(yaml), problems(json, 'case.json')];
    // The worker runs the built loader (as the batch's workers do), on a stack far smaller than the main thread's.
    const loader = pathToFileURL(join(process.cwd(), 'dist/case/load.js')).href;
    const script = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.loader).then(({ parseCaseText, validateCase }) => {
        const problems = (text, source) => { try { validateCase(parseCaseText(text, source), source); return []; } catch (error) { return error.problems ?? [String(error)]; } };
        parentPort.postMessage([problems(workerData.yaml, 'case.yaml'), problems(workerData.json, 'case.json')]);
      });`;
    const worker = new Worker(script, { eval: true, workerData: { loader, yaml, json }, resourceLimits: { stackSizeMb: 0.5 } });
    const inWorker = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(inWorker).toEqual(inMain);
    expect(inMain.flat()).toEqual([expect.stringContaining(depth.describe), expect.stringContaining(depth.describe)]);
  });
});

describe('size', () => {
  it('gives a short error for a 10 MB key, and for a long key within the size limit', () => {
    const huge = problems(`{"${'k'.repeat(10_000_000)}": 1}`, 'case.json');
    expect(huge).toEqual([`too big (9.5 MiB): ${bytes.describe}`]);
    for (const [text, source] of [[`{"${'k'.repeat(7_000_000)}": 1}`, 'case.json'], [`${'k'.repeat(7_000_000)}: 1\n`, 'case.yaml'], [`? ${'k'.repeat(20_000)}\n: 1\n`, 'case.yaml']] as const) {
      const found = problems(text, source);
      expect(found).toHaveLength(1);
      expect(found[0]!.length).toBeLessThan(300);
    }
    expect(problems(`? ${'k'.repeat(20_000)}\n: 1\n`)).toEqual([expect.stringMatching(new RegExp(`^\\(the whole file\\): a key is too long \\("k{120}… \\(19880 more characters\\)"\\): ${stringLength.describe}$`))]);
  });
  it('refuses a text over the string limit, naming the field', () => {
    expect(problems(`caseId: ${'x'.repeat(stringLength.value)}\n`)).toEqual([]);
    expect(problems(`caseId: ${'x'.repeat(stringLength.value + 1)}\n`)).toEqual([`caseId: too long (10,001 characters): ${stringLength.describe}`]);
    expect(problems(`{"caseId": "${'x'.repeat(stringLength.value + 1)}"}`, 'case.json')).toEqual([`not valid JSON: line 1, column 12: a text is too long: ${stringLength.describe}`]);
  });
  it('refuses a list over the list limit, in JSON, YAML, and on a value', () => {
    const items = (n: number) => Array(n).fill('"a"').join(',');
    expect(problems(`{"sources": [${items(listLength.value + 1)}]}`, 'case.json')).toEqual([`not valid JSON: line 1, column ${14 + 4 * listLength.value}: too many items: ${listLength.describe}`]);
    expect(problems(`sources: [${items(listLength.value + 10)}]`)).toEqual([expect.stringMatching(new RegExp(`^not valid YAML: line 1, column \\d+: too many items: ${listLength.describe}$`))]);
    expect(() => validateCase({ sources: Array(listLength.value + 1).fill('a') }, 'row 2')).toThrow(`sources: too many items (50,001): ${listLength.describe}`);
  });
  it('refuses a mapping with more keys than the case format could have, quickly, before the YAML library compares them', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(problems(many)).toEqual([`not valid YAML: line ${keys.value + 2}, column 1: too many keys: ${keys.describe}`]);
    expect(problems(`{${Array.from({ length: keys.value + 1 }, (_, i) => `"k${i}": 1`).join(',')}}`, 'case.json')).toEqual([expect.stringContaining(`too many keys: ${keys.describe}`)]);
  });
  it('refuses a file over the size limit without reading it, and a device that never ends', async () => {
    const sparse = join(scratch, 'sparse.yaml');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 64 * 1024 * 1024 * 1024);
    closeSync(fd);
    await expect(loadCaseFile(sparse)).rejects.toMatchObject({ problems: [`too big (65536.0 MiB): ${bytes.describe}`] });
    await expect(loadCaseFile('/dev/zero')).rejects.toMatchObject({ problems: [`too big: ${bytes.describe}`] });
    await expect(loadCaseFile(scratch)).rejects.toMatchObject({ problems: ['is a folder, not a case file'] });
  });
});

describe('YAML features a case does not use', () => {
  it('refuses aliases, so no "billion laughs" expansion', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    expect(problems(laughs)).toEqual(['not valid YAML: line 2, column 8: an alias (*name) to an anchor: a case file writes every value out in full, without anchors and aliases']);
  });
  it('refuses unknown tags, naming the line, and lets the YAML library print nothing', () => {
    const writes = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(problems('caseId: x\nnotes: !!js/function "function () {}"\n')).toEqual(['not valid YAML: line 2, column 8: unknown tag !!js/function: a case file holds only text, numbers, true/false, null, lists and mappings']);
      expect(problems('person: !!python/object:os.system {}\n')).toEqual([expect.stringMatching(/^not valid YAML: line 1, column 9: unknown tag !!python\/object:os\.system: /)]);
      expect(problems('caseId: !foo x\n')).toEqual([expect.stringMatching(/^not valid YAML: line 1, column 9: unknown tag !foo: /)]);
      expect(problems('? [a, b]\n: 1\n')).not.toEqual([]);
      expect(writes).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
      warnings.mockRestore();
    }
  });
  it('refuses a second document', () => {
    expect(problems('caseId: a\n---\ncaseId: b\n')).toEqual(['not valid YAML: line 2, column 1: a second YAML document (after "---"): a case file holds one case']);
  });
  it('reads a .yaml file in flow style as YAML, not as broken JSON', () => {
    expect(problems('{caseId: x, sources: [intake]}')).toEqual([]);
  });
});

describe('echoes', () => {
  it('shows a key with line breaks and escapes inert, on one line', () => {
    expect(problems('{"a\\nb\\u001b]0;PWNED\\u0007": 1}', 'case.json')).toEqual(['unknown field "a\\x0ab\\x1b]0;PWNED\\x07" (check the spelling; run "relief schema" for the field list)']);
  });
  it('names at most a few unknown keys, and lists a bounded number of problems', () => {
    const keyList = Array.from({ length: 900 }, (_, i) => `"k${i}": 1`).join(',');
    expect(problems(`{${keyList}}`, 'case.json')).toEqual(['unknown fields "k0", "k1", "k2", "k3", "k4" and 895 more (check the spelling; run "relief schema" for the field list)']);
    const convictions = Array.from({ length: 5_000 }, () => ({ label: 'felon' }));
    const found = problems(JSON.stringify({ criminalHistory: { convictions } }), 'case.json');
    expect(found).toHaveLength(21);
    expect(found[20]).toBe('… and 4,980 more problems');
  });
  it('makes the source name inert', () => {
    expect(new InputError('evil\u001b[2J.yaml', []).source).toBe('evil\\x1b[2J.yaml');
  });
});

describe('JSON and BOM', () => {
  it('names the line and column of a JSON syntax error, without quoting the text raw', () => {
    expect(problems('{\n  "caseId": "x",\n  "person": }\n', 'case.json')).toEqual(['not valid JSON: line 3, column 13: expected a value (text in double quotes, a number, true, false, null, a list or a mapping), found "}"']);
    expect(problems('{"caseId": "x",}', 'case.json')).toEqual(['not valid JSON: line 1, column 16: expected a key in double quotes, found "}"']);
    expect(problems('{"caseId": "a\u001bb"}', 'case.json')).toEqual([expect.stringMatching(/^not valid JSON: line 1, column 14: a control character/)]);
    expect(problems('{"caseId": "x"', 'case.json')).toEqual(['not valid JSON: line 1, column 15: the text ends before the JSON is complete']);
  });
  it('agrees with JSON.parse on what is JSON', () => {
    const samples = ['{"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9"], "b": {}}', '[]', '"s"', ' 0 ', '{"k": "\\/"}'];
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '.', 'e', 'E', '+', 't', 'n', ' ', '\n', 'x', 'a', ''];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (const sample of samples) {
      for (let trial = 0; trial < 200; trial += 1) {
        let text = sample;
        for (let edits = 1 + random(3); edits > 0; edits -= 1) {
          const at = random(text.length + 1);
          text = text.slice(0, at) + alphabet[random(alphabet.length)]! + text.slice(at + random(2));
        }
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect([text, scanJson(text) === undefined]).toEqual([text, parses]);
      }
    }
  });
  it('accepts a UTF-8 byte-order mark at the start of a JSON or YAML file', async () => {
    const json = join(scratch, 'bom.json');
    const yaml = join(scratch, 'bom.yaml');
    writeFileSync(json, '\uFEFF{"caseId": "bom"}\n');
    writeFileSync(yaml, '\uFEFFcaseId: bom\n');
    await expect(loadCaseFile(json)).resolves.toEqual({ caseId: 'bom' });
    await expect(loadCaseFile(yaml)).resolves.toEqual({ caseId: 'bom' });
  });
});

describe('through the command line', () => {
  const run = runCli;
  const file = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };

  it('gives exit 1 and one short paragraph for hostile case files', async () => {
    const inputs = [
      file('deep.yaml', '['.repeat(5_000_000)),
      file('newline-key.json', '{"a\\nb\\r\\nc": 1}'),
      file('long-key.json', `{"${'k'.repeat(7_000_000)}": 1}`),
      file('tag.yaml', 'caseId: !!js/function "f"\n'),
    ];
    for (const input of inputs) {
      const { code, stdout, stderr } = await run(['screen', input]);
      expect(code).toBe(EXIT.invalidCase);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toEqual([`relief: the case file is not valid: ${input}:`, expect.stringMatching(/^ {2}- \S/), '']);
      expect(stderr.length).toBeLessThan(600);
    }
  });
  it('shows a file name with terminal escapes inert', async () => {
    const input = file('x\u001b]0;PWNED\u0007.yaml', 'caseId: [\n');
    const { code, stderr } = await run(['screen', input]);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(stderr).toContain('x\\x1b]0;PWNED\\x07.yaml');
  });
  it('refuses a date of birth after the screening date', async () => {
    const { code, stderr } = await run(['screen', file('unborn.yaml', 'screeningDate: "2024-01-01"\nperson: { dateOfBirth: "2030-05-01" }\n')]);
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toContain('person.dateOfBirth: the date of birth (2030-05-01) is after the screening date 2024-01-01');
  });
  it('gives a usage error, at once, for a --what-if index past the end of a list', async () => {
    const input = file('one-conviction.yaml', 'criminalHistory:\n  convictions:\n    - label: misdemeanor\n');
    const { code, stderr } = await run(['screen', input, '--what-if', 'criminalHistory.convictions.100000000.label=felony']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe('relief: --what-if criminalHistory.convictions.100000000.label: item 100000000 is past the end of the list: criminalHistory.convictions has 1 item, numbered from 0; 1 adds one\n');
    expect((await run(['screen', input, '--what-if', 'criminalHistory.convictions[0].label=felony', '--format', 'json'])).code).toBe(EXIT.ok);
  });
});

/**
 * The text of each page of a PDF printed by Chromium (Skia), enough for a test to read a running
 * header or a page number: no PDF library is needed for what Skia writes. Objects are read by
 * number; Flate streams inflated; each font's ToUnicode map (bfchar and bfrange) turns the glyph
 * ids of its hex strings back into text. Each text object (BT … ET) becomes one line.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\s*/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const from = match.index + match[0].length;
    const streamAt = text.indexOf('stream', from);
    const endAt = text.indexOf('endobj', from);
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(match[1]), { dict: text.slice(from, endAt), stream: null });
      continue;
    }
    const dict = text.slice(from, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataAt, dataAt + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    start.lastIndex = dataAt + length;
  }
  return objects;
}

const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

/** Glyph id (4 hex digits) to text, from a ToUnicode CMap. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(from!.toUpperCase(), utf16(to!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(to!.slice(-4), 16);
      for (let glyph = parseInt(low!, 16); glyph <= parseInt(high!, 16); glyph++) {
        map.set(glyph.toString(16).toUpperCase().padStart(4, '0'), utf16(to!.slice(0, -4)) + String.fromCharCode(first + glyph - parseInt(low!, 16)));
      }
    }
  }
  return map;
}

const refs = (text: string): number[] => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The page objects in reading order, through the page tree. */
function pageOrder(objects: Map<number, PdfObject>, node: number): number[] {
  const dict = objects.get(node)!.dict;
  if (!/\/Type \/Pages\b/.test(dict)) return [node];
  return refs(/\/Kids \[([^\]]*)\]/.exec(dict)![1]!).flatMap((kid) => pageOrder(objects, kid));
}

/** The text of every page, in order, one line per text object. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const [number, object] of objects) {
    const cmap = /\/ToUnicode (\d+) 0 R/.exec(object.dict);
    if (cmap) fonts.set(`F${number}`, toUnicode(objects.get(Number(cmap[1]))!.stream!.toString('latin1')));
  }
  const root = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict))!;
  const pagesRoot = Number(/\/Pages (\d+) 0 R/.exec(root.dict)![1]);
  return pageOrder(objects, pagesRoot).map((page) => {
    const contents = /\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(objects.get(page)!.dict)![1]!;
    const content = refs(contents).map((n) => objects.get(n)!.stream!.toString('latin1')).join('\n');
    const lines: string[] = [];
    let font = new Map<string, string>();
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const token of block[1]!.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)>/g)) {
        if (token[1]) font = fonts.get(token[1]) ?? new Map();
        else line += (token[2]!.toUpperCase().match(/.{4}/g) ?? []).map((glyph) => font.get(glyph) ?? '').join('');
      }
      lines.push(line);
    }
    return lines.join('\n');
  });
}

/**
 * Readability of a rendered client summary: the Flesch-Kincaid grade for English and the
 * Fernández-Huerta ease for Spanish (its usual corrected form: 206.84 - 60 x syllables per word -
 * 1.02 x words per sentence). Syllables are counted by rule (vowel groups; Spanish diphthongs and
 * hiatus), close enough to rank plain text apart from legal text, which the tests also check.
 */

export interface TextCounts {
  sentences: number;
  words: number;
  syllables: number;
}

/** The sentences of a summary in the text format: headings and list items count as one each. */
export function sentencesOfText(rendered: string): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) pieces.push(current.join(' '));
    current = [];
  };
  for (const line of rendered.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || /^[=-]+$/.test(trimmed)) flush();
    else if (trimmed.startsWith('- ')) {
      flush();
      current.push(trimmed.slice(2));
    } else current.push(trimmed);
  }
  flush();
  // A period after one capital letter ("U.S.") ends no sentence.
  return pieces.flatMap((piece) => piece.split(/(?<=[.!?])(?<!\b[A-Z]\.)\s+/)).filter((sentence) => /\p{L}/u.test(sentence));
}

const wordsOf = (sentence: string): string[] => sentence.split(/\s+/).filter((word) => /\p{L}/u.test(word));

export function englishSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length <= 3) return 1;
  // A final silent e ("case", "came"), -es or -ed after a consonant adds no syllable.
  const spoken = letters.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, spoken.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

const STRONG = /[aeoáéó]/;
const STRESSED_WEAK = /[íú]/;

export function spanishSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  let syllables = 0;
  for (const group of letters.match(/[aeiouáéíóúü]+/g) ?? []) {
    syllables += 1;
    // Two strong vowels, or a stressed weak one, split into two syllables (hiatus); else a diphthong.
    for (let i = 1; i < group.length; i++) {
      const [a, b] = [group[i - 1]!, group[i]!];
      if ((STRONG.test(a) && STRONG.test(b)) || STRESSED_WEAK.test(a) || STRESSED_WEAK.test(b)) syllables += 1;
    }
  }
  return Math.max(1, syllables);
}

export function countText(sentences: string[], syllablesOf: (word: string) => number): TextCounts {
  const words = sentences.flatMap(wordsOf);
  return { sentences: sentences.length, words: words.length, syllables: words.reduce((sum, word) => sum + syllablesOf(word), 0) };
}

export function fleschKincaidGrade(sentences: string[]): number {
  const c = countText(sentences, englishSyllables);
  return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
}

export function fernandezHuerta(sentences: string[]): number {
  const c = countText(sentences, spanishSyllables);
  return 206.84 - 60 * (c.syllables / c.words) - 1.02 * (c.words / c.sentences);
}

/**
 * Text normalisation shared by the index and the questions, so both sides
 * of a comparison always went through the same steps.
 */

/** Questions longer than this are cut before searching: no topic needs more words to be found. */
export const MAX_QUERY_CHARS = 500;

/**
 * Removes Slack markup a user may paste before searching: mentions, broadcasts
 * (<@U123>, <!channel>, <!subteam^S1|@team>) and links with their labels, which name
 * a page, not the question.
 */
export function stripSlackMarkup(text: string): string {
  return text.includes('<') ? text.replace(/<[^>]*>/g, ' ') : text;
}

/** Lower case, accents folded (é → e, ß → ss), anything that is not a letter or digit becomes a space. */
export function fold(text: string): string {
  // Most questions are plain ASCII, where the Unicode steps change nothing: the same
  // result in a third of the time. Most others are Latin letters with accents, folded by
  // a table instead of Unicode normalisation. (Tests check each path against the full one.)
  if (PRINTABLE_ASCII.test(text)) return foldAscii(text);
  return LATIN.test(text) ? foldLatin(text) : foldUnicode(text);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** ASCII, Latin-1 and Latin Extended-A letters, and the typographic apostrophe. */
const LATIN = /^[\x20-\x7e\u00a0-\u017f\u2019]*$/;

/** `fold` for text of printable ASCII only. */
export function foldAscii(text: string): string {
  return elideAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** French elision in ASCII text ("qu'un" → "que un"), as foldUnicode does it. */
function elideAscii(text: string): string {
  return text.includes("'") ? text.replace(/\b(qu|[cdjlmnst])'(?=[a-z])/gi, '$1e ') : text;
}

/** `fold` for any text. */
export function foldUnicode(text: string): string {
  return foldDecomposed(
    elide(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, ''),
  );
}

/**
 * `fold` for LATIN text: each accented letter through a table of what normalising it and
 * dropping its marks gives, which is what foldUnicode does to the whole text (these
 * letters never combine with their neighbours), without the cost of normalisation.
 */
export function foldLatin(text: string): string {
  return foldDecomposed(elide(text).replace(/[\u00a0-\u017f]/g, latinLetter));
}

// French elision: "qu'un", "l'audience", "d'affaires" → "que un", "le audience", "de affaires",
// so "qu'est-ce que" and "qu'est ce qu'un" share their words. A letter inside a word
// (English "it's", "don't") is not at a word start and stays as it is.
function elide(text: string): string {
  return text.replace(/\b(qu|[cdjlmnst])['’](?=\p{L})/giu, '$1e ');
}

/** The rest of folding, once accents are gone. */
function foldDecomposed(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\u2019'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let latinLetters: Map<string, string> | undefined;

function latinLetter(letter: string): string {
  if (!latinLetters) {
    latinLetters = new Map();
    for (let code = 0xa0; code <= 0x17f; code++) {
      const original = String.fromCharCode(code);
      const plain = original.normalize('NFKD').replace(/\p{M}+/gu, '');
      if (plain !== original) latinLetters.set(original, plain);
    }
  }
  return latinLetters.get(letter) ?? letter;
}

/** Edit distance with adjacent transpositions ("medai" → "media" is one edit), capped at `max` + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before.slice();
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  // ASCII: the words are the runs of letters and digits of the lower-cased text, read in
  // one pass rather than folded into a new string and split again (a test checks both agree).
  if (PRINTABLE_ASCII.test(text))
    return (
      elideAscii(text)
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? []
    );
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

// One ending removed, longest first, only while at least four letters stay. It is
// deliberately crude and language-blind: it runs on both the index and the question,
// so it only has to map the forms people type onto the same key (audiences → audienc,
// Antworten → antwort, persamaannya → persamaan). No "-er": it would fold "marketer"
// into "market", and marketers and marketing belong to different topics.
const ENDINGS = ['nya', 'ing', 'ies', 'ung', 'ent', 'en', 'es', 'ed', 'e', 's', 'x', 'n'];

export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      const base = word.slice(0, -ending.length);
      return ending === 'ies' ? `${base}y` : base;
    }
  }
  return word;
}

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
  return text.replace(/<[^>]*>/g, ' ');
}

/** Letters that Unicode normalisation leaves whole but that people also type spelled out. */
const SPELLED_OUT: ReadonlyArray<[RegExp, string]> = [
  [/ß/g, 'ss'],
  [/œ/g, 'oe'],
  [/æ/g, 'ae'],
];

/**
 * Lower case, accents dropped (é → e), ß, œ and æ spelled out (cœur → coeur), French
 * elision opened ("qu'un" → "que un"), anything that is not a letter or digit a space.
 */
export function fold(text: string): string {
  let folded = elide(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  for (const [letter, spelled] of SPELLED_OUT) folded = folded.replace(letter, spelled);
  return folded
    .replace(/[\u2019'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// French elision: "qu'un", "l'audience", "d'affaires" → "que un", "le audience", "de affaires",
// so "qu'est-ce que" and "qu'est ce qu'un" share their words. A letter inside a word
// (English "it's", "don't") is not at a word start and stays as it is.
function elide(text: string): string {
  return text.replace(/\b(qu|[cdjlmnst])['’](?=\p{L})/giu, '$1e ');
}

/**
 * Indonesian chat writes a doubled word with a 2 ("teman2" for "teman-teman", "minta2"):
 * it is the word itself. Three letters at least, so "b2", "h2" and "q2" stay as typed.
 */
const DOUBLED_WITH_TWO = /^(\p{L}{3,})2$/u;

/** The words of a text, folded; Indonesian "teman2" is "teman". */
export function words(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ').map((word) => word.replace(DOUBLED_WITH_TWO, '$1'));
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
      const value = editStep(a, b, i, j, { before, previous, current });
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** One cell of the edit-distance table: delete, insert, substitute, or swap two neighbours. */
function editStep(
  a: string,
  b: string,
  i: number,
  j: number,
  rows: { before: number[]; previous: number[]; current: number[] },
): number {
  const cost = a[i - 1] === b[j - 1] ? 0 : 1;
  const value = Math.min(
    (rows.previous[j] as number) + 1,
    (rows.current[j - 1] as number) + 1,
    (rows.previous[j - 1] as number) + cost,
  );
  const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
  return swapped ? Math.min(value, (rows.before[j - 2] as number) + 1) : value;
}

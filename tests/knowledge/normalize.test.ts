/**
 * Folding: the shortcuts that most questions take (ASCII folding and reading its words;
 * Latin letters folded by a table) give exactly what the full Unicode folding gives, on
 * any text of their range (properties with a fixed seed, and every Latin letter), and on
 * the cases that matter to search (French elision, apostrophes, punctuation).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fold,
  foldAscii,
  foldLatin,
  foldUnicode,
  stripSlackMarkup,
  words,
} from '../../src/knowledge/normalize.js';

/** Printable ASCII, weighted towards what questions are made of. */
const asciiText = fc
  .array(
    fc.oneof(
      fc.constantFrom("qu'", "l'", "d'", "c'", "it's ", 'ROI', 'Social Media', ' vs ', '--', '`', '?', ' '),
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Text of the Latin range the table-folding takes: ASCII, Latin-1, Latin Extended-A, ’. */
const latinCodes = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x17f - 0xa0 + 1 }, (_, i) => 0xa0 + i),
  0x2019,
];
const latinText = fc
  .array(
    fc.oneof(
      fc.constantFrom('qu’', "l'", 'd’', 'Straße ', 'réseaux ', 'Öffentlichkeit', 'ŒUVRE', ' '),
      fc.string({ unit: fc.constantFrom(...latinCodes).map((code) => String.fromCharCode(code)) }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('fold', () => {
  it('folds every Latin letter through the table exactly as Unicode normalisation does', () => {
    for (const code of latinCodes) {
      const letter = String.fromCharCode(code);
      for (const text of [letter, `a${letter}b`, `${letter}${letter}`, `l’${letter}`]) {
        expect(foldLatin(text)).toBe(foldUnicode(text));
      }
    }
  });

  it('folds Latin text through the table exactly as the full Unicode folding does', () => {
    fc.assert(
      fc.property(latinText, (text) => {
        expect(foldLatin(text)).toBe(foldUnicode(text));
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('folds printable ASCII through the shortcut exactly as the full Unicode folding does', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(foldAscii(text)).toBe(foldUnicode(text));
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('reads the words of printable ASCII in one pass exactly as the full folding splits them', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        const folded = foldUnicode(text);
        expect(words(text)).toEqual(folded === '' ? [] : folded.split(' '));
      }),
      { numRuns: 2000, seed: 20261122 },
    );
    expect(words("Qu'est-ce que le ROI ?")).toEqual(['que', 'est', 'ce', 'que', 'le', 'roi']);
    expect(words(' ?! ')).toEqual([]);
  });

  it('strips Slack markup only where there is some', () => {
    expect(stripSlackMarkup('ROI <@U123> vs <https://x.example|link> media')).toBe('ROI   vs   media');
    expect(stripSlackMarkup('ROI vs media')).toBe('ROI vs media');
  });

  it.each([
    ["Qu'est-ce que le ROI ?", 'que est ce que le roi'],
    ["l'audience d'affaires", 'le audience de affaires'],
    ["It's the SAME, isn't it?", 'it s the same isn t it'],
    ['social_media`vs`networking!!', 'social media vs networking'],
    ['  ROI  ', 'roi'],
  ])('folds %j to %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
    expect(foldUnicode(text)).toBe(folded);
  });

  it('takes the full folding for anything beyond ASCII', () => {
    expect(fold('Médias sociaux – qu’est-ce que c’est ?')).toBe('medias sociaux que est ce que ce est');
    expect(fold('Straße, GRÜN')).toBe('strasse grun');
  });
});

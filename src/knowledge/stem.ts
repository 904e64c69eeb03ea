/**
 * Stems, per language, from the Snowball-family stemmers of @orama/stemmers, with the
 * few rules the concept base needs on top: a marketer is not a market (English, German
 * and Indonesian stemmers fold them together), and irregular plurals such as
 * medium / media map to one word. Input is a folded word (see normalize.ts).
 */
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import type { Language } from './languages.js';

const STEMMERS: Record<Language, (word: string) => string> = {
  en: english,
  id: indonesian,
  de: german,
  fr: french,
};

/**
 * Words whose stem the domain decides: the people who market are not the market nor
 * marketing (the stemmers fold them together), a part is not sharing, and plurals no
 * suffix rule reaches.
 */
const MARKETER: ReadonlyArray<[string, string]> = [
  ['marketer', 'marketer'],
  ['marketers', 'marketer'],
];
const DOMAIN_STEMS: Record<Language, ReadonlyMap<string, string>> = {
  en: new Map([...MARKETER, ['medium', 'media'], ['media', 'media'], ['mediums', 'media']]),
  id: new Map([
    ...MARKETER,
    ['pemasar', 'pemasar'],
    ['pemasarnya', 'pemasar'],
    ['media', 'media'],
    // A part ("bagian") is not sharing ("berbagi"): the stemmer gives both "bagi".
    ['bagian', 'bagian'],
    ['bagiannya', 'bagian'],
  ]),
  de: new Map([...MARKETER, ['medium', 'medien'], ['medien', 'medien'], ['mediums', 'medien']]),
  fr: new Map([
    ['marketeur', 'marketeur'],
    ['marketeurs', 'marketeur'],
    ['medium', 'media'],
    ['medias', 'media'],
    ['media', 'media'],
  ]),
};

/** Words shorter than this, and anything with a digit, are their own stem ("roi", "b2b"). */
const MIN_STEMMED_LENGTH = 4;

/** A word's stems by language, each computed when first asked for: search asks for several per word. */
const cache = new Map<string, Partial<Record<Language, string>>>();
/** Bounds the per-word cache: people ask with a few thousand words, an attacker with any. */
const MAX_CACHED = 20_000;

/** The stem of a folded word in one language. */
export function stemIn(language: Language, word: string): string {
  let stems = cache.get(word);
  if (!stems) {
    if (cache.size >= MAX_CACHED) cache.clear();
    stems = {};
    cache.set(word, stems);
  }
  stems[language] ??= computeStem(language, word);
  return stems[language];
}

function computeStem(language: Language, word: string): string {
  const domain = DOMAIN_STEMS[language].get(word);
  if (domain !== undefined) return domain;
  if (word.length < MIN_STEMMED_LENGTH || /\d/.test(word)) return word;
  return (language === 'fr' ? stemFrench(word) : STEMMERS[language](word)) || word;
}

/**
 * French Snowball keeps a plural -s after a vowel ("contenus", "amis") and the -ent of a
 * verb's plural ("s'adressent"): those get the singular's stem ("contenu", "adresse").
 */
function stemFrench(word: string): string {
  if (/[aiou]s$/.test(word)) return STEMMERS.fr(word.slice(0, -1));
  const stem = STEMMERS.fr(word);
  if (stem === word && word.length >= 8 && word.endsWith('ent')) return STEMMERS.fr(word.slice(0, -2));
  return stem;
}

/**
 * Reading a question: Slack markup out, folded into words, each word's class from the
 * lexicon, and the hints of its language that need no index (its stopwords and letters).
 */
import { LANGUAGES, type Language } from '../languages.js';
import {
  CHORE_WORDS,
  COMPARISON_WORDS,
  FRAME_WORDS,
  isStopword,
  isStopwordIn,
  LANGUAGE_MARKERS,
  OCCASION_WORDS,
  SIDE_WORDS,
  SUBJECT_WORDS,
  stopwordLanguages,
} from '../lexicon.js';
import { MAX_QUERY_CHARS, stripSlackMarkup, words } from '../normalize.js';
import { stemIn } from '../stem.js';
import { SCORING } from './config.js';

/**
 * - stop: grammar and filler, tells the language only; also the asker's frame ("my boss asked");
 * - subject: social networking / social media themselves;
 * - comparison: "vs", "difference";
 * - chore: a task people do with the subjects ("password", "deadline"), not a question about them;
 * - content: everything else, which topics are found by.
 */
export type WordClass = 'stop' | 'subject' | 'comparison' | 'chore' | 'content';

/** A language's votes from a question. */
export type Votes = Record<Language, number>;

export interface QuestionWords {
  /** Folded words, at most maxQuestionWords of them. */
  words: string[];
  /** By word: it stands inside quotation marks ("the slide titled 'Social Media vs Networking'"). */
  quoted: boolean[];
  /** Votes from stopwords and letters only. */
  hints: Votes;
}

export function readQuestion(question: string): QuestionWords {
  const { text, words: found, quoted } = splitQuestion(question);
  const hints: Votes = { en: 0, id: 0, de: 0, fr: 0 };
  const { stopword, otherStopword, frenchLetters, germanLetters } = SCORING.languageVotes;
  if (/[éèêàâçùûôîïœë]/i.test(text)) hints.fr += frenchLetters;
  if (/[äöüß]/i.test(text)) hints.de += germanLetters;
  for (const word of found) {
    const languages = stopwordLanguages(word);
    addVotes(hints, languages, languages.includes('en') ? stopword : otherStopword);
    const marked = markedLanguage(word);
    if (marked) hints[marked] += stopword;
  }
  return { words: found, quoted, hints };
}

/** The question's folded words as search reads them, without its language hints. */
export function questionWords(question: string): string[] {
  return splitQuestion(question).words;
}

function splitQuestion(question: string): { text: string; words: string[]; quoted: boolean[] } {
  const text = stripSlackMarkup(question.slice(0, MAX_QUERY_CHARS));
  const found: string[] = [];
  const quoted: boolean[] = [];
  for (const { part, inside } of quotations(text)) {
    for (const word of words(part).slice(0, SCORING.maxQuestionWords - found.length)) {
      found.push(word.slice(0, SCORING.maxWordLength));
      quoted.push(inside);
    }
  }
  return { text, words: found, quoted };
}

/**
 * Double quotes and guillemets of any kind, and single quotes that open after a space and
 * close before one (an apostrophe, "l'audience", "it's", is neither).
 */
const QUOTATION = /["“”„«»]([^"“”„«»]+)["“”„«»]|(?<=^|\s)['‘’]([^'‘’]+)['‘’](?=$|[\s.,:;!?)])/g;

const QUOTE_MARK = /["“”„«»'‘’]/;

/** The text cut into the parts outside and inside quotation marks, in order. */
function quotations(text: string): { part: string; inside: boolean }[] {
  if (!QUOTE_MARK.test(text)) return [{ part: text, inside: false }];
  const parts: { part: string; inside: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(QUOTATION)) {
    parts.push({ part: text.slice(at, match.index), inside: false });
    parts.push({ part: match[1] ?? match[2] ?? '', inside: true });
    at = match.index + match[0].length;
  }
  parts.push({ part: text.slice(at), inside: false });
  return parts;
}

/** The language a chatter word tells ("azerty", "wkwk"), if any. */
function markedLanguage(word: string): Language | undefined {
  const groups = LANGUAGE_MARKERS.exec(word)?.groups;
  return groups ? LANGUAGES.find((language) => groups[language] !== undefined) : undefined;
}

/** Shares `amount` among `languages`. */
export function addVotes(votes: Votes, languages: readonly Language[], amount: number): void {
  for (const language of languages) votes[language] += amount / languages.length;
}

/** The language with the most votes, or undefined on a tie or when nothing voted. */
export function pickLanguage(votes: Votes): Language | undefined {
  const ranked = [...LANGUAGES].sort((a, b) => votes[b] - votes[a]);
  const [first, second] = ranked as [Language, Language];
  if (votes[first] <= 0 || Math.abs(votes[first] - votes[second]) <= 1e-9) return undefined;
  return first;
}

/** Languages by their votes, most first (ties in the order of LANGUAGES). */
export function languageOrder(votes: Votes): Language[] {
  return [...LANGUAGES].sort((a, b) => votes[b] - votes[a]);
}

/** A lexicon's words by their stems in each language, and the first letters any of them start with. */
interface StemmedLexicon {
  stems: Record<Language, ReadonlySet<string>>;
  starts: ReadonlySet<string>;
}

function stemmedLexicon(list: ReadonlySet<string>): StemmedLexicon {
  const stems = (language: Language) => new Set([...list].map((word) => stemIn(language, word)));
  const byLanguage = { en: stems('en'), id: stems('id'), de: stems('de'), fr: stems('fr') };
  const starts = new Set(LANGUAGES.flatMap((language) => [...byLanguage[language]].map(start)));
  return { stems: byLanguage, starts };
}

/** Only a word starting as some listed stem can be an inflection of it: no need to stem the others. */
const start = (word: string) => word.slice(0, 3);

let subjectStems: StemmedLexicon | undefined;
let comparisonStems: StemmedLexicon | undefined;
let sideStems: Record<'network' | 'media', StemmedLexicon> | undefined;

/**
 * A listed word, or an inflection of one: its stem, which begins the word, is a listed
 * word's stem ("Netzwerkes"). A derivation is not ("persamaan", similarity, is not "sama").
 */
function inLexicon(word: string, list: ReadonlySet<string>, lexicon: StemmedLexicon) {
  if (list.has(word)) return true;
  if (!lexicon.starts.has(start(word))) return false;
  return LANGUAGES.some((language) => {
    const stem = stemIn(language, word);
    return word.startsWith(stem) && lexicon.stems[language].has(stem);
  });
}

const classes = new Map<string, WordClass>();
/** Bounds the per-word cache of classes. */
const MAX_CACHED = 20_000;

/** What a word is; with a language, only that language's stopwords count (a French "but" is a goal). */
export function classify(word: string, language?: Language): WordClass {
  if (language) return classifyWord(word, language);
  let cls = classes.get(word);
  if (!cls) {
    cls = classifyWord(word);
    if (classes.size >= MAX_CACHED) classes.clear();
    classes.set(word, cls);
  }
  return cls;
}

function classifyWord(word: string, language?: Language): WordClass {
  subjectStems ??= stemmedLexicon(SUBJECT_WORDS);
  comparisonStems ??= stemmedLexicon(COMPARISON_WORDS);

  if (SUBJECT_WORDS.has(word)) return 'subject';
  if (COMPARISON_WORDS.has(word)) return 'comparison';
  if (FRAME_WORDS.has(word) || (language ? isStopwordIn(word, language) : isStopword(word))) return 'stop';
  if (inLexicon(word, SUBJECT_WORDS, subjectStems)) return 'subject';
  if (inLexicon(word, COMPARISON_WORDS, comparisonStems)) return 'comparison';
  // Chores as listed: their stems meet too many other words ("postes" and "posts").
  if (CHORE_WORDS.has(word) || OCCASION_WORDS.has(word) || endsInChore(word)) return 'chore';
  return 'content';
}

/** Letters a compound's head and the word before it need: "Quartals|bericht", "Netzwerk|stecker". */
const MIN_COMPOUND_HEAD = 5;
const MIN_COMPOUND_START = 3;

/** A compound whose last word is a chore is that chore: "Quartalsbericht", "Netzwerkstecker", "Monatsreport". */
function endsInChore(word: string): boolean {
  for (let at = MIN_COMPOUND_START; at <= word.length - MIN_COMPOUND_HEAD; at++) {
    if (CHORE_WORDS.has(word.slice(at))) return true;
  }
  return false;
}

/** Which side a word names in the asker's own words ("contacts", "posts"), if any. */
export function ownWordsSide(word: string): 'media' | 'network' | undefined {
  sideStems ??= { network: stemmedLexicon(SIDE_WORDS.network), media: stemmedLexicon(SIDE_WORDS.media) };
  if (inLexicon(word, SIDE_WORDS.network, sideStems.network)) return 'network';
  if (inLexicon(word, SIDE_WORDS.media, sideStems.media)) return 'media';
  return undefined;
}

/** Which side a subject word's key names: the media one, the networking one, or neither ("social"). */
export function subjectSide(key: string): 'media' | 'network' | undefined {
  if (/^(medi|medsos|socmed|sosmed|sm$)/.test(key)) return 'media';
  if (/^(netw|netz|jaring|jejaring|reseau)/.test(key)) return 'network';
  return undefined;
}

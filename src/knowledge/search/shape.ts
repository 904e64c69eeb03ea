/**
 * The shape of a question: what its words say about the subjects besides the topic scores.
 * Whether it names social media or networking (outright, or as contacts against posts),
 * compares the two or two other things, asks a judgement or a task, and which of its words
 * belong to a chore. Deciding (decide.ts) weighs these against the topic scores.
 */
import {
  ABOUT_WORDS,
  CHORE_WORDS,
  FRAME_WORDS,
  JUDGEMENT_WORDS,
  ONE_AND_OTHER,
  PLATFORM_WORDS,
  REPORTING_PRONOUNS,
  REPORTING_WORDS,
  REQUEST_WORDS,
  SAMENESS_WORDS,
  SUBJECT_MODIFIERS,
} from '../lexicon.js';
import { editDistance } from '../normalize.js';
import {
  CHORES,
  COUNT,
  hasWordOrPhrase,
  JUDGEMENT,
  NOT_CHORES,
  SAMENESS,
  standsAt,
  TASK,
} from './phrases.js';
import { ownWordsSide } from './question.js';
import { evidenceOf, type ReadWord, sideOfWord } from './scoring.js';
import { JOINERS } from './search-index.js';

export interface QuestionShape {
  /** A subject word ("media", "Netzwerk", "social"). */
  subjectSeen: boolean;
  /** Names social networking or social media outright: "social", or media and network both. */
  namesSubjects: boolean;
  /** Names both sides, the networking one and the media one. */
  namesBoth: boolean;
  /** Names the two sides only in its own words ("contacts" against "posts"), no subject word. */
  sidesInOwnWords: boolean;
  /** Names "network" and "media" without "social": the term split into its two words. */
  splitsTheTerm: boolean;
  /** A comparison word ("vs", "Unterschied"). */
  comparisonSeen: boolean;
  /** Chore words ("password", "deadline", "Friday"). */
  chores: number;
  /** Compares two things that are not the subjects ("reach and impressions"). */
  comparesOtherThings: boolean;
  /** Opens as a request for an action or a lookup ("who has…", "can someone…"), or asks a count. */
  asksTask: boolean;
  /** Asks for a judgement, an expectation or a choice ("should we", "normal?", "for each"). */
  asksJudgement: boolean;
  /** Asks whether things are the same ("same thing?", "c'est pareil ?", "sama aja?"). */
  asksSameness: boolean;
}

/** Marks the words a chore claims and the sides named in the asker's words, then reads the shape. */
export function shapeOf(read: ReadWord[]): QuestionShape {
  markQuotedTitles(read);
  markSubjectModifiers(read);
  markAskers(read);
  markChorePhrases(read);
  markChoreObjects(read);
  const sidesInOwnWords = markSidesInOwnWords(read);
  return shapeFromClasses(read, sidesInOwnWords);
}

/** Words a quotation needs to be a title rather than a term ("'networking'"). */
export const MIN_TITLE_WORDS = 3;
/** Share of a title's words that may be grammar: more, and the quotation is something someone said. */
const MAX_TITLE_GRAMMAR = 0.5;

/**
 * "Slide 7 titled 'Social Media vs Networking' overflows, can someone fix it?": a quoted
 * title naming the subjects is the object of the chore or request around it, unless the
 * words around it compare, judge or ask whether things are the same. A quoted sentence
 * ("my coach said 'networking is about who'") is not a title: it has its grammar.
 */
function markQuotedTitles(read: ReadWord[]): void {
  if (!read.some((word) => word.quoted) || !isChoreAround(read.filter((word) => !word.quoted))) return;
  for (const title of quotedRuns(read).filter(isTitleNamingSubjects)) {
    for (const word of title) if (word.cls !== 'stop') word.cls = 'chore';
  }
}

/** The words around a quotation ask for work (a chore, a request) and ask nothing of the two. */
function isChoreAround(outside: readonly ReadWord[]): boolean {
  const words = outside.map((word) => word.word);
  const task = outside.some((word) => word.cls === 'chore' || REQUEST_WORDS.has(word.word));
  const asks =
    outside.some((word) => word.cls === 'comparison') ||
    hasWordOrPhrase(words, JUDGEMENT_WORDS, JUDGEMENT) ||
    hasWordOrPhrase(words, SAMENESS_WORDS, SAMENESS);
  return (task || TASK.foundIn(words)) && !asks;
}

function isTitleNamingSubjects(quotation: readonly ReadWord[]): boolean {
  const grammar = quotation.filter((word) => word.cls === 'stop').length;
  const isTitle = quotation.length >= MIN_TITLE_WORDS && grammar <= quotation.length * MAX_TITLE_GRAMMAR;
  return isTitle && quotation.some((word) => word.cls === 'subject');
}

/**
 * "Networking online", "le réseautage en ligne": beside a subject word, "online" is part of
 * its name, not the shared trait of being online that the similarities topic is about.
 */
function markSubjectModifiers(read: ReadWord[]): void {
  read.forEach((word, at) => {
    if (word.cls !== 'content' || !SUBJECT_MODIFIERS.has(word.word)) return;
    const before = word.word === 'ligne' && read[at - 1]?.word === 'en' ? read[at - 2] : read[at - 1];
    if (before?.cls === 'subject' || read[at + 1]?.cls === 'subject') readAsGrammar(word);
  });
}

/** How far before a reporting word its asker may stand ("the client asked", "klien tadi nanya"). */
const MAX_ASKER_DISTANCE = 2;

/**
 * "Client asked me…", "klien nanya…", "ma cheffe me demande…": who asked is the asker's
 * situation, not the topic ("client" is otherwise customer relations' word), and so is the
 * word that reports it ("demande" otherwise asks for support).
 */
function markAskers(read: ReadWord[]): void {
  read.forEach((word, at) => {
    if (!REPORTING_WORDS.has(word.word) && word.word !== 'demande') return;
    const before = read.slice(Math.max(0, at - MAX_ASKER_DISTANCE), at);
    const reports =
      word.word !== 'demande' ||
      before.some((w) => REPORTING_PRONOUNS.has(w.word) || FRAME_WORDS.has(w.word));
    if (!reports) return;
    readAsGrammar(word);
    const asker = before.reverse().find((w) => w.cls !== 'stop');
    if (asker?.cls === 'content') readAsGrammar(asker);
  });
}

/** A word read as grammar is matched as typed, as grammar words are: "en ligne" beside a subject is no longer the phrase "online". */
function readAsGrammar(word: ReadWord): void {
  word.cls = 'stop';
  word.key = word.word;
}

/** Runs of quoted words. */
function quotedRuns(read: readonly ReadWord[]): ReadWord[][] {
  const runs: ReadWord[][] = [];
  read.forEach((word, i) => {
    if (!word.quoted) return;
    if (i > 0 && read[i - 1]?.quoted) runs[runs.length - 1]?.push(word);
    else runs.push([word]);
  });
  return runs;
}

/** "Mot de passe" is a chore, "passe" alone is not ("je passe par mon réseau"); "par rapport" is no report. */
function markChorePhrases(read: ReadWord[]): void {
  const words = read.map((word) => word.word);
  for (const { start, length } of CHORES.allIn(words)) {
    for (const word of read.slice(start, start + length)) if (word.cls !== 'stop') word.cls = 'chore';
  }
  for (const { start, length } of NOT_CHORES.allIn(words)) {
    for (const word of read.slice(start, start + length)) if (word.cls === 'chore') readAsGrammar(word);
  }
}

/** How many words after a task word its object may stand ("schedule Friday's posts"). */
const MAX_OBJECT_DISTANCE = 3;

/**
 * The word a task is done to is the task's, not a topic's: "schedule Friday's posts",
 * "programmer les posts", "draft captions" (the first content word close after a task word).
 */
function markChoreObjects(read: ReadWord[]): void {
  const tasks = read.flatMap((word, i) => (CHORE_WORDS.has(word.word) ? [i] : []));
  for (const at of tasks) {
    const near = read.slice(at + 1, at + 1 + MAX_OBJECT_DISTANCE);
    const object = near.find((next) => next.cls !== 'stop' && next.cls !== 'chore');
    if (object?.cls === 'content') object.cls = 'chore';
    markTheme(read, at);
  }
}

/** Words a chore's object may have before "about" ("my new post about"), and its theme after it. */
const MAX_THEME_DISTANCE = 4;

/**
 * "Proofread my post about networking vs social media", "cek typo di postingan tentang
 * networking vs social media": after "about", the subjects are the theme of the thing the
 * chore is done to, not a question about them.
 */
function markTheme(read: ReadWord[], chore: number): void {
  const about = read.findIndex(
    (word, i) => i > chore && i <= chore + MAX_THEME_DISTANCE && ABOUT_WORDS.has(word.word),
  );
  if (about < 0) return;
  for (const word of read.slice(about + 1, about + 1 + MAX_THEME_DISTANCE)) {
    if (word.cls === 'subject' || word.cls === 'comparison') word.cls = 'chore';
  }
}

/**
 * "Contacts answer at once but our page posts grow slowly": a networking thing set against
 * a media thing names the two subjects. Those words then frame the question, as subject
 * words do, and its other words decide the topic. Whether the sides were named so.
 */
function markSidesInOwnWords(read: ReadWord[]): boolean {
  // Beside the subjects themselves, the sides are a topic's contrast ("networking = people,
  // media = content"), which scoring finds.
  if (read.some((word) => word.cls === 'subject')) return false;
  const sided = read.filter((word) => word.cls === 'content' && ownWordsSide(word.word));
  const sides = new Set(sided.map(sideOfWord));
  if (!sides.has('network') || !sides.has('media')) return false;
  for (const word of sided) word.cls = 'subject';
  return true;
}

function shapeFromClasses(read: readonly ReadWord[], sidesInOwnWords: boolean): QuestionShape {
  const subjects = read.filter((w) => w.cls === 'subject');
  const media = subjects.some((w) => sideOfWord(w) === 'media');
  const network = subjects.some((w) => sideOfWord(w) === 'network');
  const words = read.map((w) => w.word);
  const asksJudgement = hasWordOrPhrase(words, JUDGEMENT_WORDS, JUDGEMENT);
  // "One is about who you know, the other about what you post": the two, as pronouns.
  const both = (media && network) || refersToOneAndOther(words);
  const comparisonSeen = read.some((w) => w.cls === 'comparison');
  return {
    subjectSeen: subjects.length > 0,
    // "network" alone may be wifi or a networking event; "social" (or media and network
    // together) names our subjects.
    // A subject word in quotes is the term itself ("she calls our Instagram 'networking'").
    namesSubjects: subjects.some((w) => namesSocial(w) || w.quoted) || both,
    namesBoth: both,
    sidesInOwnWords,
    splitsTheTerm: media && network && !sidesInOwnWords && !subjects.some(namesSocial),
    comparisonSeen,
    chores: read.filter((w) => w.cls === 'chore').length,
    comparesOtherThings: comparesOtherThings(read),
    asksJudgement,
    asksTask: !comparisonSeen && (TASK.startsIn(words) || COUNT.foundIn(words)),
    asksSameness: hasWordOrPhrase(words, SAMENESS_WORDS, SAMENESS),
  };
}

const ONE_AND_OTHER_WORDS = ONE_AND_OTHER.map(([one, other]) => [one.split(' '), other.split(' ')] as const);

function refersToOneAndOther(words: readonly string[]): boolean {
  return ONE_AND_OTHER_WORDS.some(([one, other]) => {
    const at = words.findIndex((_, i) => standsAt(words, one, i));
    // At least a word between them: "one other thing", "un autre mot" are not the two.
    return at >= 0 && words.some((_, i) => i > at + one.length && standsAt(words, other, i));
  });
}

/**
 * "The difference between reach and impressions", "bedanya CPC dan CPM", "B2B vs B2C": a
 * comparison of two things joined by "and", "or" or "vs", no subject word anywhere, and no
 * topic that contrasts the two ("content and contacts" is a topic's own contrast). Each
 * side is its nearest two content words ("pushing content and building contacts").
 */
function comparesOtherThings(read: readonly ReadWord[]): boolean {
  if (!read.some((w) => w.cls === 'comparison') || read.some((w) => w.cls === 'subject')) return false;
  const joins = (w: ReadWord) => JOINERS.has(w.word) || w.word === 'vs' || w.word === 'versus';
  return read.some((w, i) => {
    if (!joins(w)) return false;
    const { side: before, next } = sideOf(read.slice(0, i).reverse());
    const { side: after, next: beyond } = sideOf(read.slice(i + 1));
    // "between X and Y", "bedanya X dan Y", "X sama Y bedanya", "X vs Y": the comparison frames the two.
    const framed =
      next?.cls === 'comparison' || beyond?.cls === 'comparison' || w.word === 'vs' || w.word === 'versus';
    if (!framed) return false;
    // A word both sides have is what they share, not what sets them apart: "engagement rate vs
    // click-through rate", "micro influencer vs macro influencer".
    const first = withoutWordsOf(before, after);
    const second = withoutWordsOf(after, before);
    if (first.length === 0 || second.length === 0) return false;
    // Two platforms are two other things: which platform is which kind is asked with the subjects.
    if (first.some(isPlatform) && second.some(isPlatform)) return true;
    // Two forms of one word ("B2B vs B2C", "CPC vs CPM") are two variants of another thing.
    if (areVariants(first, second)) return true;
    const shared = [...evidenceOfAll(first)].filter((topic) => evidenceOfAll(second).has(topic));
    return shared.length === 0;
  });
}

/** The words either side of the joiner differ by a letter. */
function areVariants(first: readonly ReadWord[], second: readonly ReadWord[]): boolean {
  const [a, b] = [first[0], second[0]];
  return !!a && !!b && editDistance(a.word, b.word, 1) <= 1;
}

function isPlatform(word: ReadWord): boolean {
  return PLATFORM_WORDS.has(word.word);
}

function withoutWordsOf(side: readonly ReadWord[], other: readonly ReadWord[]): ReadWord[] {
  const keys = new Set(other.map((word) => word.key));
  return side.filter((word) => !keys.has(word.key));
}

/** One side of a comparison: up to two content words, over grammar words; and the word beyond it. */
function sideOf(words: readonly ReadWord[]): { side: ReadWord[]; next: ReadWord | undefined } {
  const side: ReadWord[] = [];
  for (const word of words) {
    if (word.cls === 'stop') continue;
    if (word.cls !== 'content' || side.length === 2) return { side, next: word };
    side.push(word);
  }
  return { side, next: undefined };
}

function evidenceOfAll(words: readonly ReadWord[]): Set<number> {
  return new Set(words.flatMap((word) => [...evidenceOf(word)]));
}

function namesSocial(word: ReadWord): boolean {
  return namesThemOutright(word.word) || namesThemOutright(word.key);
}

/** A subject word that can only mean our subjects. */
export function namesThemOutright(word: string): boolean {
  return SOCIAL.test(word);
}

/** Subject words that can only mean our subjects: "social", "medsos", "jejaring", "réseautage", French "RS", "SM". */
const SOCIAL = /^(soci|sosi|sozi|medsos|socmed|sosmed|jejaring|reseautag|rs$|sm$)/;

/**
 * Matches a question to a topic of the concept base, and tells the question's language.
 *
 * A newcomer's map, in the order a question goes through it (each a file of search/):
 * 1. question.ts: Slack markup out, folded into words, each word's class (grammar, subject,
 *    comparison, chore, content), and the language hints of its stopwords and letters.
 * 2. search-index.ts: what the topics say, by stem per language, built once here.
 * 3. candidates.ts: what each word could be in the index: exactly, a typo, a longer or
 *    shorter form.
 * 4. scoring.ts: each topic's score from the words, phrases and word pairs it has.
 * 5. decide.ts: a topic, the overview, or no match with the topics that came close.
 * Every weight and threshold is in config.ts.
 */
import type { Language } from './languages.js';
import { CHORE_WORDS, JUDGEMENT_PHRASES, JUDGEMENT_WORDS, TASK_OPENINGS } from './lexicon.js';
import type { KnowledgeBase } from './model.js';
import { type Candidate, CandidateFinder } from './search/candidates.js';
import { SCORING } from './search/config.js';
import { decide, type QuestionShape, type SearchResult } from './search/decide.js';
import {
  addVotes,
  classify,
  languageOrder,
  ownWordsSide,
  pickLanguage,
  readQuestion,
  type Votes,
} from './search/question.js';
import { evidenceOf, type ReadWord, scoreTopics, sideOfWord, type TopicScores } from './search/scoring.js';
import { buildIndexData, JOINERS, type SearchIndexData } from './search/search-index.js';
import { stemIn } from './stem.js';

export type { SearchResult } from './search/decide.js';

export interface SearchIndex {
  /** `trace`, when given, receives a line per decision: `npm run ask -- --explain` prints it. */
  search(question: string, trace?: string[]): SearchResult;
  /** Number of distinct terms in the index (for the benchmark). */
  readonly vocabularySize: number;
}

/** The search over a knowledge base; its index is built here and owned by it. */
export function buildSearchIndex(kb: Pick<KnowledgeBase, 'topics'>): SearchIndex {
  const index = buildIndexData(kb.topics);
  const finder = new CandidateFinder(index);
  const topicIds = kb.topics.map((topic) => topic.id);
  const searchText = (text: string, trace?: string[]) => search(index, finder, topicIds, text, trace);
  return {
    search: (question, trace) => searchPastLeadIn(question, searchText, trace),
    vocabularySize: index.terms.size,
  };
}

/**
 * "Before I schedule Friday's posts: why do contacts answer faster than followers grow?"
 * The chore before a colon or a dash is where the asker is; the question after it is what
 * they ask. Asked only when the whole was refused, so a lead-in never costs an answer.
 */
function searchPastLeadIn(
  question: string,
  searchText: (text: string, trace?: string[]) => SearchResult,
  trace?: string[],
): SearchResult {
  const whole = searchText(question, trace);
  const asked = afterLeadIn(question);
  if (whole.topic !== null || asked === undefined) return whole;
  const lines: string[] = [];
  const part = searchText(asked, trace ? lines : undefined);
  if (part.topic === null) return whole;
  trace?.push(`past the lead-in, asking "${asked}":`, ...lines);
  return { ...part, language: whole.language ?? part.language };
}

/** A lead-in ends at the first colon or dash between words ("vor dem Redaktionsplan: …", "Jahresplan – …"). */
const LEAD_IN_END = /[:;]\s|\s[-–—]+\s/;
/** Words the question after a lead-in needs to be one. */
const MIN_WORDS_AFTER_LEAD_IN = 3;

function afterLeadIn(question: string): string | undefined {
  const end = LEAD_IN_END.exec(question);
  if (!end) return undefined;
  // "CAC vs LTV — which one?": a lead-in that compares is the question itself.
  const leadIn = readQuestion(question.slice(0, end.index)).words;
  if (leadIn.some((word) => classify(word) === 'comparison')) return undefined;
  const rest = question.slice(end.index + end[0].length).trim();
  return rest.split(/\s+/).length >= MIN_WORDS_AFTER_LEAD_IN ? rest : undefined;
}

const EMPTY: SearchResult = { topic: null, language: undefined, score: 1, suggestions: [], reason: 'empty' };

function search(
  index: SearchIndexData,
  finder: CandidateFinder,
  topicIds: readonly string[],
  question: string,
  trace?: string[],
): SearchResult {
  const { words, hints } = readQuestion(question);
  if (words.length === 0) return { ...EMPTY, suggestions: [] };
  const votes: Votes = { ...hints };
  const reader = new WordReader(index, finder, languageOrder(hints));
  const read = words.map((word) => reader.read(word, votes));
  const language = pickLanguage(votes);
  if (language) for (const word of read) reconsiderStopword(word, language);
  markChoreObjects(read);
  const sidesInOwnWords = markSidesInOwnWords(read);

  const shape = { ...shapeOf(read), sidesInOwnWords };
  const scored = scoreTopics(index, read, shape, trace);
  const result = decide(topicIds, scored, shape, language);
  if (trace) traceDecision(trace, topicIds, votes, language, scored, shape, result);
  return result;
}

/** Reads each word of one question: its class and readings, its vote for a language. */
class WordReader {
  private fuzzyLookups = 0;

  constructor(
    private readonly index: SearchIndexData,
    private readonly finder: CandidateFinder,
    private readonly order: readonly Language[],
  ) {}

  read(word: string, votes: Votes): ReadWord {
    let cls = classify(word);
    const key = stemIn(this.order[0] as Language, word);
    let candidates = cls === 'chore' ? [] : this.finder.exact(word, this.order);
    if (cls === 'content' && this.wantsApproximate(key, candidates)) {
      this.fuzzyLookups++;
      const exact = new Set(candidates.map((c) => c.term));
      candidates = [...candidates, ...this.finder.approximate(key).filter((c) => !exact.has(c.term))];
      // A typo of a subject word ("socail") is that subject word. (Not so for comparison
      // words: "contrat" is French for contract, not a typo of "contrast".)
      const best = candidates[0];
      if (exact.size === 0 && best?.term.cls === 'subject') cls = 'subject';
    }
    const top = candidates[0];
    if (cls !== 'stop') this.vote(votes, word, candidates);
    return { word, cls, candidates, key: resolvedKey(word, cls, key, top) };
  }

  /**
   * The languages whose texts have the word as typed; else only the best reading votes (all
   * of them when exact): "netwrok" is "network", not also "netzwerk".
   */
  private vote(votes: Votes, word: string, candidates: readonly Candidate[]): void {
    const surface = this.index.surfaces.get(word);
    const top = candidates[0];
    if (surface) addVotes(votes, [...surface], SCORING.languageVotes.term);
    else if (top) addVotes(votes, readingLanguages(candidates), top.sim * SCORING.languageVotes.term);
  }

  /** Unknown words, and words known only from body text, may be a typo or another form of a topic's word. */
  private wantsApproximate(key: string, exact: readonly Candidate[]): boolean {
    if (this.fuzzyLookups >= SCORING.maxFuzzyLookups || key.length < SCORING.minApproximateLength)
      return false;
    return (
      exact.length === 0 || (key.length >= SCORING.minLongerFormStart && !exact.some((c) => c.term.strong))
    );
  }
}

/** The languages of a word's best readings: every exact one ("networking" is English and German), else the best. */
function readingLanguages(candidates: readonly Candidate[]): Language[] {
  const best = candidates.filter((c) => c.sim === (candidates[0] as Candidate).sim);
  return [...new Set(best.flatMap((c) => [...c.term.languages]))];
}

function resolvedKey(word: string, cls: ReadWord['cls'], key: string, top: Candidate | undefined): string {
  if (cls === 'stop') return word;
  return top && top.sim >= SCORING.minResolveSimilarity ? top.term.stem : key;
}

/** In a question whose language is known, a word that is grammar only in another language ("but" in French) is content. */
function reconsiderStopword(word: ReadWord, language: Language): void {
  if (word.cls === 'stop' && word.candidates.length > 0 && classify(word.word, language) !== 'stop') {
    word.cls = 'content';
    word.key = word.candidates[0]?.term.stem ?? word.key;
  }
}

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

/** How many words after a task word its object may stand ("schedule Friday's posts"). */
const MAX_OBJECT_DISTANCE = 3;

function shapeOf(read: readonly ReadWord[]): Omit<QuestionShape, 'sidesInOwnWords'> {
  const subjects = read.filter((w) => w.cls === 'subject');
  const media = subjects.some((w) => sideOfWord(w) === 'media');
  const network = subjects.some((w) => sideOfWord(w) === 'network');
  return {
    subjectSeen: subjects.length > 0,
    // "network" alone may be wifi or a networking event; "social" (or media and network
    // together) names our subjects.
    namesSubjects: subjects.some((w) => SOCIAL.test(w.word) || SOCIAL.test(w.key)) || (media && network),
    namesBoth: media && network,
    comparisonSeen: read.some((w) => w.cls === 'comparison'),
    chores: read.filter((w) => w.cls === 'chore').length,
    comparesOtherThings: comparesOtherThings(read),
    asksJudgement: asksJudgement(read),
    asksTask: asksTask(read),
  };
}

function asksTask(read: readonly ReadWord[]): boolean {
  if (read.some((w) => w.cls === 'comparison')) return false;
  const opening = `${read
    .slice(0, 3)
    .map((w) => w.word)
    .join(' ')} `;
  return TASK_OPENINGS.some((start) => opening.startsWith(`${start} `));
}

function asksJudgement(read: readonly ReadWord[]): boolean {
  if (read.some((w) => JUDGEMENT_WORDS.has(w.word))) return true;
  const text = ` ${read.map((w) => w.word).join(' ')} `;
  return JUDGEMENT_PHRASES.some((phrase) => text.includes(` ${phrase} `));
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
    const { side: after } = sideOf(read.slice(i + 1));
    // "between X and Y", "bedanya X dan Y", "X vs Y": the comparison frames the two.
    const framed = next?.cls === 'comparison' || w.word === 'vs' || w.word === 'versus';
    if (!framed || before.length === 0 || after.length === 0) return false;
    const shared = [...evidenceOfAll(before)].filter((topic) => evidenceOfAll(after).has(topic));
    return shared.length === 0;
  });
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

/** Subject words that can only mean our subjects: "social", "medsos", "jejaring", "réseautage", French "RS". */
const SOCIAL = /^(soci|sosi|sozi|medsos|socmed|sosmed|jejaring|reseautag|rs$)/;

function traceDecision(
  trace: string[],
  topicIds: readonly string[],
  votes: Votes,
  language: Language | undefined,
  scored: TopicScores,
  shape: QuestionShape,
  result: SearchResult,
): void {
  const { scores } = scored;
  const voteLine = Object.entries(votes).map(([l, v]) => `${l} ${v.toFixed(2)}`);
  trace.push(`language votes: ${voteLine.join(', ')} → ${language ?? '?'}`);
  const ranked = scores.map((v, i) => [topicIds[i], v] as const).filter(([, v]) => v > 0);
  ranked.sort((a, b) => b[1] - a[1]);
  trace.push(`scores: ${ranked.map(([id, v]) => `${id} ${v.toFixed(2)}`).join(', ') || 'none'}`);
  trace.push(
    `subject ${shape.subjectSeen}, names subjects ${shape.namesSubjects}, comparison ${shape.comparisonSeen}, chores ${shape.chores}, judgement ${shape.asksJudgement}, explained ${scored.explainedWords}/${scored.contentWords} content words`,
  );
  trace.push(`decision: ${result.reason} ${result.topic ?? ''} (score ${result.score}, 0 = sure match)`);
}

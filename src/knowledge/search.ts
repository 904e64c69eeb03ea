/**
 * Matches a question to a topic of the concept base, and tells the question's language.
 *
 * A newcomer's map, in the order a question goes through it (each a file of search/):
 * 1. question.ts: Slack markup out, folded into words, each word's class (grammar, subject,
 *    comparison, chore, content), and the language hints of its stopwords and letters.
 * 2. search-index.ts: what the topics say, by stem per language, built once here.
 * 3. candidates.ts: what each word could be in the index: exactly, a typo, a longer or
 *    shorter form.
 * 4. shape.ts: what the words say besides topics: the subjects named (or contacts set against
 *    posts), a chore and the words it claims, a comparison, a judgement asked or a task
 *    (its phrase lists are matched by phrases.ts).
 * 5. scoring.ts: each topic's score from the words, phrases and word pairs it has.
 * 6. decide.ts: a topic, the overview, or no match with the topics that came close; the
 *    model of learned.ts, trained on labelled questions, may overrule it where it is far surer.
 * 7. parts.ts: a refused question with a lead-in ("before I schedule the posts: …") is asked
 *    again past it, and one with an afterword ("c'est quoi le networking ? je dois
 *    l'expliquer samedi") before it.
 * Every weight and threshold is in config.ts.
 */
import type { Language } from './languages.js';
import type { KnowledgeBase } from './model.js';
import { type Candidate, CandidateFinder } from './search/candidates.js';
import { SCORING } from './search/config.js';
import { decide, type SearchResult } from './search/decide.js';
import { type LearnedModel, trainModel } from './search/learned.js';
import { searchWithParts } from './search/parts.js';
import {
  addVotes,
  classify,
  languageOrder,
  pickLanguage,
  readQuestion,
  type Votes,
} from './search/question.js';
import { type ReadWord, scoreTopics, type TopicScores } from './search/scoring.js';
import { buildIndexData, type SearchIndexData } from './search/search-index.js';
import { type QuestionShape, shapeOf } from './search/shape.js';
import { stemIn } from './stem.js';

export type { SearchResult } from './search/decide.js';

export interface SearchIndex {
  /** `trace`, when given, receives a line per decision: `npm run ask -- --explain` prints it. */
  search(question: string, trace?: string[]): SearchResult;
  /** Number of distinct terms in the index (for the benchmark). */
  readonly vocabularySize: number;
}

/**
 * The search over a knowledge base; its index is built here and owned by it. Without
 * labelled examples, the matcher decides alone.
 */
export function buildSearchIndex(
  kb: Pick<KnowledgeBase, 'topics'> & Partial<Pick<KnowledgeBase, 'examples'>>,
): SearchIndex {
  const index = buildIndexData(kb.topics);
  const finder = new CandidateFinder(index);
  const topicIds = kb.topics.map((topic) => topic.id);
  const model = kb.examples?.length ? trainModel(kb.examples) : undefined;
  const searchText = (text: string, trace?: string[]) =>
    search({ index, finder, topicIds, model }, text, trace);
  return {
    search: (question, trace) => searchWithParts(question, searchText, trace),
    vocabularySize: index.terms.size,
  };
}

const EMPTY: SearchResult = { topic: null, language: undefined, score: 1, suggestions: [], reason: 'empty' };

interface Searcher {
  index: SearchIndexData;
  finder: CandidateFinder;
  topicIds: readonly string[];
  model: LearnedModel | undefined;
}

function search(
  { index, finder, topicIds, model }: Searcher,
  question: string,
  trace?: string[],
): SearchResult {
  const { words, quoted, hints } = readQuestion(question);
  if (words.length === 0) return { ...EMPTY, suggestions: [] };
  const votes: Votes = { ...hints };
  const reader = new WordReader(index, finder, languageOrder(hints));
  const read = words.map((word, i) => reader.read(word, quoted[i] === true, votes));
  const language = pickLanguage(votes);
  if (language) for (const word of read) reconsiderStopword(word, language);
  const shape = shapeOf(read);
  const scored = scoreTopics(index, read, shape, trace);
  const opinion = model?.opinion(words, language ?? 'en');
  const notes: string[] | undefined = trace ? [] : undefined;
  const result = decide(topicIds, scored, shape, language, opinion, notes);
  if (trace) traceDecision(trace, topicIds, votes, language, scored, shape, result, notes ?? []);
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

  read(word: string, quoted: boolean, votes: Votes): ReadWord {
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
    return { word, cls, candidates, key: resolvedKey(word, cls, key, top), quoted };
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

function traceDecision(
  trace: string[],
  topicIds: readonly string[],
  votes: Votes,
  language: Language | undefined,
  scored: TopicScores,
  shape: QuestionShape,
  result: SearchResult,
  notes: readonly string[],
): void {
  const { scores } = scored;
  const voteLine = Object.entries(votes).map(([l, v]) => `${l} ${v.toFixed(2)}`);
  trace.push(`language votes: ${voteLine.join(', ')} → ${language ?? '?'}`);
  const ranked = scores.map((v, i) => [topicIds[i], v] as const).filter(([, v]) => v > 0);
  ranked.sort((a, b) => b[1] - a[1]);
  trace.push(`scores: ${ranked.map(([id, v]) => `${id} ${v.toFixed(2)}`).join(', ') || 'none'}`);
  trace.push(
    `subject ${shape.subjectSeen}, names subjects ${shape.namesSubjects}, comparison ${shape.comparisonSeen}, chores ${shape.chores}, judgement ${shape.asksJudgement}, explained ${scored.explainedWords}/${scored.contentWords} content words${shapeNotes(shape)}`,
  );
  trace.push(...notes);
  trace.push(`decision: ${result.reason} ${result.topic ?? ''} (score ${result.score}, 0 = sure match)`);
}

/** The rarer parts of a question's shape, named only when present. */
function shapeNotes(shape: QuestionShape): string {
  const notes = [
    shape.namesBoth && 'names both',
    shape.sidesInOwnWords && 'sides in own words',
    shape.splitsTheTerm && 'the term split in two',
    shape.comparesOtherThings && 'compares other things',
    shape.asksTask && 'asks a task',
    shape.asksSameness && 'asks sameness',
  ].filter(Boolean);
  return notes.length > 0 ? `; ${notes.join(', ')}` : '';
}

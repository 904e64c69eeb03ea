/**
 * Scoring topics: each content word adds, to every topic that has one of its readings,
 * how strongly the topic has it × how rare it is × how sure the reading is; phrases of
 * aliases and example questions found whole, and pairs of content words as they stand in
 * them, add bonuses. A topic has evidence when some word or phrase is more than body text.
 */
import type { Candidate } from './candidates.js';
import { SCORING } from './config.js';
import { ownWordsSide, subjectSide, type WordClass } from './question.js';
import { type Phrase, pairKey, type SearchIndexData } from './search-index.js';
import type { QuestionShape } from './shape.js';

/** A word of the question as search read it. */
export interface ReadWord {
  word: string;
  cls: WordClass;
  /** Its readings, best first. */
  candidates: Candidate[];
  /** The key it is matched on in phrases and word pairs (its best reading's stem when sure). */
  key: string;
  /** It stands inside quotation marks. */
  quoted: boolean;
}

export interface TopicScores {
  /** By topic index. */
  scores: number[];
  /** By topic index: some word or phrase of the question is evidence for it. */
  evidence: boolean[];
  /** Distinct content words, and how many of them some topic has as evidence. */
  contentWords: number;
  explainedWords: number;
  /**
   * By topic index: the question's grammar asks the topic's own question, its contrast ("who
   * vs what") or its definitional phrase ("was ist …"), which answers it whatever else it says.
   */
  askedOutright: boolean[];
}

export function scoreTopics(
  index: SearchIndexData,
  read: readonly ReadWord[],
  shape: QuestionShape,
  trace?: string[],
): TopicScores {
  const result: TopicScores = {
    scores: new Array<number>(index.topics.length).fill(0),
    evidence: new Array<boolean>(index.topics.length).fill(false),
    contentWords: 0,
    explainedWords: 0,
    askedOutright: new Array<boolean>(index.topics.length).fill(false),
  };
  const seen = new Set<string>();
  for (const word of read) {
    if (word.cls !== 'content' || seen.has(word.key)) continue;
    seen.add(word.key);
    scoreWord(result, word, trace);
  }
  addPhrases(index, result, phrasesIn(index, read, false), false, trace);
  // A contrast stated in grammar words beside both subjects ("networking = who, media =
  // what?") is its topic. Otherwise a definitional phrase decides only when nothing is
  // compared and no content word points clearly elsewhere, or when it is asked of each of
  // the two: "what is the ROI" asks about ROI, "what is the difference" for the overview,
  // "what is social media" (to a client, in two sentences) for the definition.
  const grammar = read.filter((word) => word.cls === 'stop');
  const contrasted = shape.namesBoth && addContrasts(index, result, grammar, trace);
  if (!contrasted && shape.subjectSeen && !shape.comparisonSeen) {
    const intents = phrasesIn(index, grammar, true);
    const undecided = Math.max(...result.scores) < SCORING.maxScoreUnderIntent;
    if (undecided || (shape.namesBoth && asksTwice(intents))) {
      addPhrases(index, result, intents, true, trace);
    }
  }
  if (shape.namesBoth) addSidedContrasts(index, result, read, trace);
  addBigrams(index, result, read);
  return result;
}

/**
 * "Networking itu apa, social media itu apa?", "what IS social media, and what is networking?":
 * a definitional phrase asked of each of the two asks it outright, whatever context surrounds it.
 */
function asksTwice(found: readonly FoundPhrase[]): boolean {
  // Two separate askings, not two phrases of one ("qu'est-ce que" holds "est-ce que").
  return found.some((first) =>
    found.some(
      (later) =>
        later.phrase.topic === first.phrase.topic && later.start >= first.start + first.phrase.keys.length,
    ),
  );
}

/** One content word: its best reading per topic, added to the topic's score. */
function scoreWord(result: TopicScores, word: ReadWord, trace?: string[]): void {
  const perTopic = new Map<number, number>();
  let explained = false;
  for (const { term, sim } of word.candidates) {
    if (term.cls !== 'content') continue;
    for (const [topic, weight] of term.weights) {
      perTopic.set(topic, Math.max(perTopic.get(topic) ?? 0, sim * weight * term.idf));
      if (weight >= SCORING.evidenceWeight) {
        result.evidence[topic] = true;
        explained = true;
      }
    }
  }
  for (const [topic, value] of perTopic) result.scores[topic] = (result.scores[topic] ?? 0) + value;
  result.contentWords++;
  if (explained) result.explainedWords++;
  const readings = word.candidates.map((c) => `${c.term.stem}×${c.sim.toFixed(2)}`).join(', ');
  trace?.push(
    `word "${word.word}" (${word.key}): ${readings || 'unknown'}${explained ? '' : ' · not explained'}`,
  );
}

/** Whole phrases of aliases and example questions found in the question, added to their topics. */
function addPhrases(
  index: SearchIndexData,
  result: TopicScores,
  found: readonly FoundPhrase[],
  intent: boolean,
  trace?: string[],
): void {
  for (const { phrase } of found) {
    const bonus = intent
      ? phrase.weight * SCORING.intentBonus
      : phrase.weight * SCORING.phraseBonusPerWord * Math.min(phrase.keys.length, SCORING.maxPhraseWords);
    result.scores[phrase.topic] = (result.scores[phrase.topic] ?? 0) + bonus;
    result.evidence[phrase.topic] = true;
    if (intent) result.askedOutright[phrase.topic] = true;
    trace?.push(`phrase "${phrase.keys.join(' ')}" → ${index.topics[phrase.topic]?.id} +${bonus.toFixed(2)}`);
  }
}

/** A phrase of the index found whole in the question, and where it starts. */
interface FoundPhrase {
  phrase: Phrase;
  start: number;
}

/** The index's phrases (grammar-only ones, or the others) found whole in a sequence of words. */
function phrasesIn(index: SearchIndexData, sequence: readonly ReadWord[], intent: boolean): FoundPhrase[] {
  const found: FoundPhrase[] = [];
  for (let start = 0; start + 1 < sequence.length; start++) {
    const first = sequence[start] as ReadWord;
    const second = sequence[start + 1] as ReadWord;
    for (const phrase of index.phrases.get(pairKey(first.key, second.key)) ?? []) {
      const whole = phrase.keys.every((key, offset) => sequence[start + offset]?.key === key);
      if (phrase.intentOnly === intent && whole) found.push({ phrase, start });
    }
  }
  return found;
}

/** Contrasts found among the question's grammar words, in order; whether any was. */
function addContrasts(
  index: SearchIndexData,
  result: TopicScores,
  grammar: readonly ReadWord[],
  trace?: string[],
): boolean {
  let found = false;
  for (const contrast of index.contrasts) {
    let next = 0;
    for (const word of grammar) if (word.key === contrast.keys[next]) next++;
    if (next < contrast.keys.length) continue;
    const bonus = contrast.weight * SCORING.intentBonus;
    result.scores[contrast.topic] = (result.scores[contrast.topic] ?? 0) + bonus;
    result.evidence[contrast.topic] = true;
    result.askedOutright[contrast.topic] = true;
    found = true;
    trace?.push(
      `contrast "${contrast.keys.join(' … ')}" → ${index.topics[contrast.topic]?.id} +${bonus.toFixed(2)}`,
    );
  }
  return found;
}

/**
 * A topic's contrast in the question's own words: each side of the subjects followed by
 * a word of the same topic ("networking = relationships, media = content").
 */
function addSidedContrasts(
  index: SearchIndexData,
  result: TopicScores,
  read: readonly ReadWord[],
  trace?: string[],
): void {
  const network = evidenceAfter(read, 'network');
  const media = evidenceAfter(read, 'media');
  for (const topic of network) {
    if (!media.has(topic)) continue;
    const bonus = SCORING.weights.alias * SCORING.intentBonus;
    result.scores[topic] = (result.scores[topic] ?? 0) + bonus;
    trace?.push(`contrast of the two sides → ${index.topics[topic]?.id} +${bonus.toFixed(2)}`);
  }
}

/** Topics having, as evidence, the first content word after a subject word of this side. */
function evidenceAfter(read: readonly ReadWord[], side: 'media' | 'network'): Set<number> {
  const topics = new Set<number>();
  read.forEach((word, i) => {
    if (word.cls !== 'subject' || sideOfWord(word) !== side) return;
    const next = read.slice(i + 1).find((w) => w.cls === 'content' || w.cls === 'subject');
    // An alias's word, not a word some example question happens to have: "Leute" is not platforms'.
    if (next?.cls === 'content')
      for (const topic of evidenceOf(next, SCORING.weights.aliasPart)) topics.add(topic);
  });
  return topics;
}

/** The side a subject word names, as typed ("socmed"), as read (the typo "socail" as "social"), or in the asker's own words ("contacts"). */
export function sideOfWord(word: ReadWord): 'media' | 'network' | undefined {
  return subjectSide(word.word) ?? subjectSide(word.key) ?? ownWordsSide(word.word);
}

/** The topics a word is evidence for (has at least `minWeight`). */
export function evidenceOf(word: ReadWord, minWeight: number = SCORING.evidenceWeight): Set<number> {
  const topics = new Set<number>();
  for (const { term } of word.candidates) {
    for (const [topic, weight] of term.weights) if (weight >= minWeight) topics.add(topic);
  }
  return topics;
}

/** Pairs of content words that an alias or example question of a topic also has side by side. */
function addBigrams(index: SearchIndexData, result: TopicScores, read: readonly ReadWord[]): void {
  const content = read.filter((word) => word.cls === 'content');
  for (let i = 1; i < content.length; i++) {
    const byTopic = index.bigrams.get(pairKey(content[i - 1]?.key ?? '', content[i]?.key ?? ''));
    for (const [topic, weight] of byTopic ?? []) {
      result.scores[topic] = (result.scores[topic] ?? 0) + weight * SCORING.bigramBonus;
    }
  }
}

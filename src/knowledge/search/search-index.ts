/**
 * The index: what search knows of the concept base, built once from the topics. Every
 * word of every topic in every language, by its stem in that language, with the topics
 * that have it and how strongly; the phrases of aliases and example questions; the pairs
 * of content words that stand side by side in them.
 */
import { LANGUAGES, type Language } from '../languages.js';
import { COMPARISON_WORDS, SUBJECT_WORDS } from '../lexicon.js';
import type { Topic } from '../model.js';
import { words } from '../normalize.js';
import { stemIn } from '../stem.js';
import { SCORING } from './config.js';
import { classify, type WordClass } from './question.js';

/** A class of word the index keeps (stopwords are only in phrases, chores only in the lexicon). */
export type TermClass = Exclude<WordClass, 'stop' | 'chore'>;

export interface Term {
  stem: string;
  cls: TermClass;
  /** Topic index → the strongest weight the topic has this term with. */
  weights: Map<number, number>;
  /** The languages whose texts have it (empty for lexicon words the data lacks). */
  languages: Set<Language>;
  /** Rarity across topics: a word few topics have as evidence weighs more. */
  idf: number;
  /** Some topic has it as evidence (title, alias, question), not only in body text. */
  strong: boolean;
}

export interface Phrase {
  /** Keys of its words: stems, or the word itself for stopwords. */
  keys: string[];
  topic: number;
  weight: number;
  /** Made only of grammar words ("what is"): counts only beside a subject word. */
  intentOnly: boolean;
}

/**
 * Words that join two alternatives: a phrase of grammar words around one ("who or what")
 * states a contrast. Chat Indonesian joins with "sama" ("reach sama impression").
 */
export const JOINERS: ReadonlySet<string> = new Set([
  'or',
  'and',
  'atau',
  'dan',
  'sama',
  'oder',
  'und',
  'ou',
  'et',
]);

export interface SearchIndexData {
  topics: readonly Topic[];
  terms: ReadonlyMap<string, Term>;
  /** Phrases by their first two keys, "what is". */
  phrases: ReadonlyMap<string, Phrase[]>;
  /** "stem stem" → topic index → weight. */
  bigrams: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /**
   * A topic's contrast in grammar words ("who vs what", "qui ou quoi"): their keys without
   * the joining word, found in that order anywhere among a question's grammar words.
   */
  contrasts: readonly Phrase[];
  /** Every word as the texts have it, with the languages whose texts have it: a truer language hint than a stem. */
  surfaces: ReadonlyMap<string, ReadonlySet<Language>>;
}

/** The key a word of a phrase is matched on: stopwords as written, other words by stem. */
export function phraseKey(word: string, cls: WordClass, language: Language): string {
  return cls === 'stop' ? word : stemIn(language, word);
}

export function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

class IndexBuilder {
  readonly terms = new Map<string, Term>();
  readonly phrases = new Map<string, Phrase[]>();
  readonly bigrams = new Map<string, Map<number, number>>();
  readonly contrasts: Phrase[] = [];
  readonly surfaces = new Map<string, Set<Language>>();

  addTerm(word: string, topic: number, weight: number, language: Language): void {
    const cls = classify(word, language);
    if (cls === 'stop' || cls === 'chore') return;
    const languages = this.surfaces.get(word) ?? new Set<Language>();
    this.surfaces.set(word, languages.add(language));
    const term = this.termFor(stemIn(language, word), cls);
    // A stem some topic has as a content word is one, whatever else shares it ("sama", same,
    // is the stem of "persamaan", similarity).
    if (cls === 'content') term.cls = 'content';
    term.languages.add(language);
    if (cls === 'content') term.weights.set(topic, Math.max(term.weights.get(topic) ?? 0, weight));
  }

  termFor(stem: string, cls: TermClass): Term {
    let term = this.terms.get(stem);
    if (!term) {
      term = { stem, cls, weights: new Map(), languages: new Set(), idf: 0, strong: false };
      this.terms.set(stem, term);
    }
    return term;
  }

  /** A title, alias or example question: its words, its whole phrase, its word pairs. */
  addPhrase(text: string, topic: number, weight: number, language: Language): void {
    const tokens = words(text);
    const classes = tokens.map((word) => classify(word, language));
    const contentStems = tokens.filter((_, i) => classes[i] === 'content').map((w) => stemIn(language, w));
    const single = contentStems.length === 1 && tokens.length === 1;
    for (const word of tokens) {
      this.addTerm(word, topic, single ? weight : Math.min(weight, SCORING.weights.aliasPart), language);
    }
    // A phrase of only grammar and subject words ("what is", "qu'est-ce que") is kept
    // without its subject words, so it matches "what social networking is" too.
    const intentOnly = contentStems.length === 0;
    if (intentOnly && tokens.some((word, i) => classes[i] === 'comparison' || JOINERS.has(word))) {
      const keys = tokens.filter((word, i) => classes[i] === 'stop' && !JOINERS.has(word));
      if (new Set(keys).size >= 2) this.contrasts.push({ keys, topic, weight, intentOnly });
      return;
    }
    const keys = tokens
      .map((word, i) => ({ word, cls: classes[i] as WordClass }))
      .filter(({ cls }) => !intentOnly || cls === 'stop')
      .map(({ word, cls }) => phraseKey(word, cls, language));
    if (keys.length >= 2) {
      const start = pairKey(keys[0] as string, keys[1] as string);
      this.phrases.set(start, [...(this.phrases.get(start) ?? []), { keys, topic, weight, intentOnly }]);
    }
    for (let i = 1; i < contentStems.length; i++) {
      const key = pairKey(contentStems[i - 1] as string, contentStems[i] as string);
      const byTopic = this.bigrams.get(key) ?? new Map<number, number>();
      byTopic.set(topic, Math.max(byTopic.get(topic) ?? 0, weight));
      this.bigrams.set(key, byTopic);
    }
  }

  addTopic(topic: Topic, index: number): void {
    const { weights } = SCORING;
    for (const language of LANGUAGES) {
      const text = topic.text[language];
      this.addPhrase(text.title, index, weights.aliasPart, language);
      for (const alias of text.aliases) this.addPhrase(alias, index, weights.alias, language);
      for (const question of text.questions) this.addPhrase(question, index, weights.question, language);
      const bodies = [text.summary, text.networking, text.media, text.both];
      for (const body of [...bodies, ...topic.tips.map((tip) => tip.text[language])]) {
        for (const word of words(body ?? '')) this.addTerm(word, index, weights.body, language);
      }
    }
  }

  /** Rarity counts where a word is evidence, not where a body text merely mentions it. */
  finish(topicCount: number): void {
    for (const term of this.terms.values()) {
      const evidence = [...term.weights.values()].filter((weight) => weight >= SCORING.rarityWeight).length;
      term.idf = Math.log(1 + topicCount / Math.max(evidence, 1));
      term.strong = [...term.weights.values()].some((weight) => weight >= SCORING.evidenceWeight);
    }
  }
}

export function buildIndexData(topics: readonly Topic[]): SearchIndexData {
  const builder = new IndexBuilder();
  topics.forEach((topic, index) => {
    builder.addTopic(topic, index);
  });
  // Subject and comparison words are known even where the data lacks them, so that their
  // typos ("socail medai") are still read as the subjects.
  for (const word of [...SUBJECT_WORDS, ...COMPARISON_WORDS]) {
    const cls = classify(word) as TermClass;
    for (const language of LANGUAGES) builder.termFor(stemIn(language, word), cls);
  }
  builder.finish(topics.length);
  const { terms, phrases, bigrams, contrasts, surfaces } = builder;
  return { topics, terms, phrases, bigrams, contrasts, surfaces };
}

/**
 * Matches a question to a topic of the concept base, and tells the question's language.
 *
 * How it decides, in short:
 * 1. The question is cut to MAX_QUERY_CHARS, stripped of Slack markup, folded (case,
 *    accents) and split into words. Each word is a stopword, a subject word ("social",
 *    "Netzwerke"), a comparison word ("vs", "Unterschied") or a content word.
 * 2. Content words are looked up in a vocabulary built from every topic in every language:
 *    exactly by stem first, then fuzzily with fuse.js (typos, missing letters).
 * 3. Each topic scores the words it knows, weighted by how rare the word is across topics
 *    (so "marketing", which many topics mention, counts less than "ROI") and by where the
 *    topic has it (title and aliases count most, example questions less, body text least),
 *    plus a bonus for phrases of its aliases and questions found whole in the question.
 * 4. A topic is the answer only with enough evidence, and only if the question's own
 *    content words are mostly explained by it: "what is a CRM?" shares only "what is" with
 *    the definition topic and is rejected. A question of only subject and comparison words
 *    ("social networking vs social media") is the overview.
 */
import Fuse from 'fuse.js';
import { LANGUAGES, type Language } from './languages.js';
import { COMPARISON_WORDS, isStopword, isStopwordIn, SUBJECT_WORDS, stopwordLanguages } from './lexicon.js';
import type { KnowledgeBase, Topic } from './load.js';
import { editDistance, MAX_QUERY_CHARS, stem, stripSlackMarkup, words } from './normalize.js';

/** At most this many words of a question are read; the rest can't change the topic. */
const MAX_QUERY_WORDS = 60;
/** At most this many unknown words per question go through the fuzzy lookup. */
const MAX_FUZZY_LOOKUPS = 8;
/** A typo is at most this many edits away from the word meant (see `approximate`). */
const MAX_EDITS = 2;

// Weights of where a topic has a word.
const WEIGHT_ALIAS = 1;
const WEIGHT_ALIAS_PART = 0.6; // one word of a multi-word alias or of the title
const WEIGHT_QUESTION = 0.45;
const WEIGHT_BODY = 0.2;
/** Below this weight a match is not evidence enough to answer with the topic. */
const STRONG_WEIGHT = WEIGHT_QUESTION;

const PHRASE_BONUS_PER_WORD = 0.5;
const BIGRAM_BONUS = 0.8;
/** A definitional phrase ("what is", "apa itu") next to a subject. */
const INTENT_BONUS = 1.5;
const MIN_SCORE = 1.2;
/** Share of the question's content words a topic must explain: with a subject word / without. */
const MIN_COVERAGE_NAMING_SUBJECTS = 0.2;
const MIN_COVERAGE_WITH_SUBJECT = 0.34;
const MIN_COVERAGE_WITHOUT_SUBJECT = 0.6;
/** A topic scoring this share of MIN_SCORE is close enough to be suggested. */
const SUGGESTION_SHARE = 0.35;

const FUZZY_DISCOUNT = 0.85;
/** A longer or shorter form of a known word (compound, derivation) counts this much. */
const PREFIX_SIM = 0.7;
const MAX_AFFIX = 5;
/** A word start with more longer forms than this is too vague to stand for any of them. */
const MAX_LONGER_FORMS = 4;
/** How much a stopword and a known word vote for their languages. */
const STOPWORD_VOTE = 1;
const TERM_VOTE = 1;

type WordClass = 'stop' | 'subject' | 'comparison' | 'content';

/** A word of the vocabulary, by its stem. Plain arrays, not Maps: there are thousands. */
interface Term {
  stem: string;
  cls: Exclude<WordClass, 'stop'>;
  /** [topic index, strongest weight the topic has this term with] */
  weights: ReadonlyArray<readonly [number, number]>;
  languages: readonly Language[];
  idf: number;
  /** Some topic has it where it is evidence (title, alias, question), not only in body text. */
  strong: boolean;
}

/** A term while the vocabulary is being derived. */
interface TermInProgress {
  stem: string;
  cls: Term['cls'];
  weights: Map<number, number>;
  languages: Set<Language>;
}

interface Phrase {
  stems: string[];
  topic: number;
  weight: number;
  /** Made only of stop, subject and comparison words: counts only beside a subject word. */
  intentOnly: boolean;
}

export interface SearchResult {
  /** The matched topic's id, or null when the question is off-topic. */
  topic: string | null;
  /** The question's language, when it can be told. */
  language: Language | undefined;
  /** Fuse.js convention: 0 is a certain match, 1 no match at all. */
  score: number;
  /** Up to three topics that came close, for the no-match card. Empty when none did. */
  suggestions: string[];
  /** Why: a matched topic, the overview (only the subjects named), or none. */
  reason: 'topic' | 'overview' | 'off-topic' | 'empty';
}

export interface SearchIndex {
  /** `trace`, when given, receives a line per decision: `npm run ask -- --explain` prints it. */
  search(question: string, trace?: string[]): SearchResult;
  /** Number of distinct terms in the vocabulary (for the benchmark). */
  readonly vocabularySize: number;
}

function classify(word: string, language?: Language): WordClass {
  if (SUBJECT_WORDS.has(word)) return 'subject';
  if (COMPARISON_WORDS.has(word)) return 'comparison';
  if (language ? isStopwordIn(word, language) : isStopword(word)) return 'stop';
  const stemmed = stem(word);
  if (SUBJECT_WORDS.has(stemmed)) return 'subject';
  if (COMPARISON_WORDS.has(stemmed)) return 'comparison';
  return 'content';
}

/**
 * A term as the search reads it: its weights flattened to [topic, weight, topic, weight,
 * …], one array per term where the vocabulary has one per topic. Scoring walks them for
 * every content word, and on a request's cold caches each small array was a memory read.
 */
interface IndexedTerm extends Omit<Term, 'weights'> {
  weights: number[];
}

interface Candidate {
  term: IndexedTerm;
  sim: number;
}

/**
 * What search knows, as plain data: every term with the topics that have it (and how
 * strongly), the alias and question phrases, and the word pairs. Derived from the topics
 * at every start from the YAML; the build stores it in the snapshot
 * (see snapshot.ts) so the built bot starts without deriving it again.
 */
export interface Vocabulary {
  terms: Term[];
  phrases: Phrase[];
  /** "stem stem" → [topic index, weight] */
  bigrams: Array<[string, Array<[number, number]>]>;
}

export function buildVocabulary(kb: KnowledgeBase): Vocabulary {
  const topics: Topic[] = kb.topics;
  const terms = new Map<string, TermInProgress>();
  const phrases: Phrase[] = [];
  const bigrams = new Map<string, Map<number, number>>();

  const addTerm = (word: string, topicIndex: number, weight: number, language: Language) => {
    const cls = classify(word, language);
    if (cls === 'stop') return;
    const key = stem(word);
    let term = terms.get(key);
    if (!term) {
      term = { stem: key, cls, weights: new Map(), languages: new Set() };
      terms.set(key, term);
    }
    term.languages.add(language);
    if (cls === 'content') term.weights.set(topicIndex, Math.max(term.weights.get(topicIndex) ?? 0, weight));
  };

  const addPhrase = (text: string, topicIndex: number, weight: number, language: Language) => {
    const tokens = words(text);
    const classes = tokens.map((word) => classify(word, language));
    const contentStems = tokens.filter((_, i) => classes[i] === 'content').map(stem);
    const single = contentStems.length === 1 && tokens.length === 1;
    for (const word of tokens) {
      addTerm(word, topicIndex, single ? weight : Math.min(weight, WEIGHT_ALIAS_PART), language);
    }
    // A phrase of only grammar and subject words ("what is", "qu'est-ce que") is kept
    // without its subject words, so it matches "what social networking is" too.
    const intentOnly = contentStems.length === 0;
    const stems = tokens.filter((_, i) => !intentOnly || classes[i] === 'stop').map(stem);
    if (stems.length >= 2) {
      phrases.push({ stems, topic: topicIndex, weight, intentOnly });
    }
    for (let i = 1; i < contentStems.length; i++) {
      const key = `${contentStems[i - 1]} ${contentStems[i]}`;
      const byTopic = bigrams.get(key) ?? new Map<number, number>();
      byTopic.set(topicIndex, Math.max(byTopic.get(topicIndex) ?? 0, weight));
      bigrams.set(key, byTopic);
    }
  };

  topics.forEach((topic, topicIndex) => {
    for (const language of LANGUAGES) {
      const text = topic.text[language];
      addPhrase(text.title, topicIndex, WEIGHT_ALIAS_PART, language);
      for (const alias of text.aliases) addPhrase(alias, topicIndex, WEIGHT_ALIAS, language);
      for (const question of text.questions) addPhrase(question, topicIndex, WEIGHT_QUESTION, language);
      const bodies = [
        text.summary,
        text.networking,
        text.media,
        text.both,
        ...topic.tips.map((tip) => tip.text[language]),
      ];
      for (const body of bodies) {
        if (!body) continue;
        for (const word of words(body)) addTerm(word, topicIndex, WEIGHT_BODY, language);
      }
    }
  });
  // Subject and comparison words are in the vocabulary even where the data lacks them,
  // so that their typos ("socail medai") are still recognised as the subjects.
  for (const word of [...SUBJECT_WORDS, ...COMPARISON_WORDS]) {
    const key = stem(word);
    if (!terms.has(key)) {
      terms.set(key, {
        stem: key,
        cls: classify(word) as Term['cls'],
        weights: new Map(),
        languages: new Set(),
      });
    }
  }
  // Rarity counts where a word is evidence (titles, aliases, questions), not where a
  // body text merely mentions it: "marketer" is the takeaway's word even though
  // several other topics talk about marketers.
  return {
    terms: [...terms.values()].map((term): Term => {
      let strongTopics = 0;
      for (const weight of term.weights.values()) if (weight >= STRONG_WEIGHT) strongTopics++;
      return {
        stem: term.stem,
        cls: term.cls,
        weights: [...term.weights],
        languages: [...term.languages],
        idf: Math.log(1 + topics.length / Math.max(strongTopics, 1)),
        strong: strongTopics > 0,
      };
    }),
    phrases,
    bigrams: [...bigrams].map(([key, byTopic]) => [key, [...byTopic]]),
  };
}

/** The search over a knowledge base: from its snapshot's vocabulary when it has one, else derived now. */
export function buildSearchIndex(
  kb: KnowledgeBase,
  vocabulary: Vocabulary = kb.vocabulary ?? buildVocabulary(kb),
): SearchIndex {
  const topics: Topic[] = kb.topics;
  const overviewIndex = topics.findIndex((topic) => topic.id === 'overview');
  const terms = new Map<string, IndexedTerm>(
    vocabulary.terms.map((term) => [term.stem, { ...term, weights: term.weights.flat() }]),
  );
  // Phrases by their first and second stems (every phrase has two or more): "what is" and
  // "how do" start dozens of example questions each, and a question then meets only the
  // few that could match instead of every phrase sharing its first word. Two levels, not
  // one "first second" key, so a lookup builds no string: the stems are already hashed.
  const phrasesByPair = new Map<string, Map<string, Phrase[]>>();
  for (const phrase of vocabulary.phrases) {
    const [first, second] = phrase.stems as [string, string];
    const bySecond = phrasesByPair.get(first) ?? new Map<string, Phrase[]>();
    const list = bySecond.get(second) ?? [];
    list.push(phrase);
    bySecond.set(second, list);
    phrasesByPair.set(first, bySecond);
  }
  /** Pairs of content stems → [topic, weight, topic, weight, …] (flat, as the terms' weights). */
  const bigrams = new Map<string, Map<string, number[]>>();
  for (const [key, byTopic] of vocabulary.bigrams) {
    const [first, second] = key.split(' ') as [string, string];
    const bySecond = bigrams.get(first) ?? new Map<string, number[]>();
    bySecond.set(second, byTopic.flat());
    bigrams.set(first, bySecond);
  }

  // fuse.js proposes typo candidates, one index per first letter and word length (a typo
  // rarely hits the first letter, and a word more than MAX_EDITS letters longer or shorter
  // can't pass the edit-distance check below, so only the lists it could pass in are
  // searched: small lists keep a lookup fast, and a very long word costs nothing); the
  // edit-distance check then keeps only real near-misses, since fuse also finds a short
  // word inside a long one. Fuse indexes the bare stems (a string list keeps one record per
  // word, an object list three) and a hit's refIndex finds the term again.
  const fuzzyByLetter = new Map<string, Map<number, { fuse: Fuse<string>; list: IndexedTerm[] }>>();
  const byLetter = new Map<string, Map<number, IndexedTerm[]>>();
  /** Vocabulary order, which breaks ties between equally good proposals. */
  const order = new Map<IndexedTerm, number>();
  for (const term of terms.values()) {
    if (term.stem.length < 4) continue;
    order.set(term, order.size);
    const letter = term.stem[0] as string;
    const byLength = byLetter.get(letter) ?? new Map<number, IndexedTerm[]>();
    const list = byLength.get(term.stem.length) ?? [];
    list.push(term);
    byLength.set(term.stem.length, list);
    byLetter.set(letter, byLength);
  }
  for (const [letter, byLength] of byLetter) {
    const indexes = new Map<number, { fuse: Fuse<string>; list: IndexedTerm[] }>();
    for (const [length, list] of byLength) {
      const fuse = new Fuse(
        list.map((term) => term.stem),
        { includeScore: true, threshold: 0.5, location: 0, distance: 16, minMatchCharLength: 3 },
      );
      indexes.set(length, { fuse, list });
    }
    fuzzyByLetter.set(letter, indexes);
  }
  /** fuse's best proposals among the words `key` could be a typo of: first letter kept, length within MAX_EDITS. */
  const fuzzyHits = (key: string) => {
    const indexes = fuzzyByLetter.get(key[0] as string);
    if (!indexes) return [];
    const hits: Array<{ item: IndexedTerm; score: number }> = [];
    for (let length = key.length - MAX_EDITS; length <= key.length + MAX_EDITS; length++) {
      const bucket = indexes.get(length);
      if (!bucket) continue;
      for (const hit of bucket.fuse.search(key, { limit: 8 })) {
        hits.push({ item: bucket.list[hit.refIndex] as IndexedTerm, score: hit.score ?? 1 });
      }
    }
    hits.sort((a, b) => a.score - b.score || (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
    return hits.slice(0, 8);
  };
  const sortedStems = [...terms.keys()].sort();

  const lookupCache = new Map<string, Candidate[]>();
  /** Candidates for a word the vocabulary doesn't have exactly: typos, then longer or shorter forms. */
  const approximate = (key: string): Candidate[] => {
    const cached = lookupCache.get(key);
    if (cached) return cached;
    const found = new Map<IndexedTerm, number>();
    for (const hit of fuzzyHits(key)) {
      // Short words have many neighbours ("reset" is one letter from "riset"): a content
      // word needs 6 letters to forgive any one typo (5 for a missing, extra or swapped
      // letter, not a wrong one) and 9 to forgive two; the subject words, which every
      // question about us contains, are forgiven from 4 and 7.
      const subject = hit.item.cls !== 'content';
      const other = hit.item.stem;
      const wrongLetterOnly =
        other.length === key.length && [...other].sort().join('') !== [...key].sort().join('');
      const minOne = subject ? 4 : key.length === 5 && !wrongLetterOnly ? 5 : 6;
      const maxEdits = key.length >= (subject ? 7 : 9) ? 2 : key.length >= minOne ? 1 : 0;
      const edits = editDistance(key, other, maxEdits);
      if (maxEdits > 0 && edits <= maxEdits) {
        found.set(hit.item, FUZZY_DISCOUNT * (1 - edits / Math.max(key.length, hit.item.stem.length)));
      }
    }
    if (key.length >= 5) {
      // Compounds and derivations: "gemeinsam" → "gemeinsamkeit", "kommunikationsstil" → "kommunikation".
      // A longer form counts only when the start is long and says one thing: "inter" could
      // be "interact", "internet" or "interest", and then it means nothing.
      let low = 0;
      let high = sortedStems.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((sortedStems[mid] as string) < key) low = mid + 1;
        else high = mid;
      }
      const longer: IndexedTerm[] = [];
      for (let i = low; i < sortedStems.length && (sortedStems[i] as string).startsWith(key); i++) {
        const term = terms.get(sortedStems[i] as string) as IndexedTerm;
        if (term.stem.length - key.length <= MAX_AFFIX) longer.push(term);
      }
      if (key.length >= 6 && longer.length <= MAX_LONGER_FORMS) {
        for (const term of longer) found.set(term, Math.max(found.get(term) ?? 0, PREFIX_SIM));
      }
      for (let end = key.length - 1; end >= Math.max(5, key.length - MAX_AFFIX); end--) {
        const shorter = terms.get(key.slice(0, end));
        if (shorter) found.set(shorter, Math.max(found.get(shorter) ?? 0, PREFIX_SIM));
      }
    }
    // Indonesian builds words around a root with prefixes and suffixes ("berkomunikasi",
    // "diukur", "menargetkan"): the root is the word the topics know.
    for (const root of indonesianRoots(key)) {
      const term = terms.get(root);
      if (term) found.set(term, Math.max(found.get(term) ?? 0, PREFIX_SIM));
    }
    const candidates = [...found].map(([term, sim]) => ({ term, sim })).sort((a, b) => b.sim - a.sim);
    if (lookupCache.size > 10_000) lookupCache.clear();
    lookupCache.set(key, candidates);
    return candidates;
  };

  /**
   * What a word is, read once per word rather than once per question: people ask with
   * the same few hundred words, and stemming and classifying them was a third of a search.
   */
  interface KnownWord {
    key: string;
    cls: WordClass;
    exact: IndexedTerm | undefined;
    /** The exact term as the word's only reading, shared by every question (never changed). */
    exactCandidates: Candidate[];
    stopLanguages: Language[];
    /** The phrases that start with this word's stem, by their second stem. */
    phraseStarts: Map<string, Phrase[]> | undefined;
  }
  const wordCache = new Map<string, KnownWord>();
  const knownWord = (word: string): KnownWord => {
    let known = wordCache.get(word);
    if (!known) {
      const key = stem(word);
      const cls = classify(word);
      const exact = terms.get(key);
      known = {
        key,
        cls,
        exact,
        exactCandidates: exact ? [{ term: exact, sim: 1 }] : [],
        stopLanguages: cls === 'stop' ? stopwordLanguages(word) : [],
        phraseStarts: phrasesByPair.get(key),
      };
      if (wordCache.size > 10_000) wordCache.clear();
      wordCache.set(word, known);
    }
    return known;
  };

  const search = (question: string, trace?: string[]): SearchResult => {
    const text = stripSlackMarkup(question.slice(0, MAX_QUERY_CHARS));
    const tokens = words(text).slice(0, MAX_QUERY_WORDS);
    if (tokens.length === 0) return { ...NO_TOPIC, suggestions: [] };

    // Pass 1: what each word is, and which language the words vote for.
    const votes: Votes = { en: 0, id: 0, de: 0, fr: 0 };
    const vote = (languages: readonly Language[], amount: number) => {
      for (const language of languages) votes[language] += amount / languages.length;
    };
    if (/[éèêàâçùûôîï\u0153ë]/i.test(text)) vote(['fr'], 0.8);
    if (/[äöüß]/i.test(text)) vote(['de'], 1.5);

    let fuzzyLookups = 0;
    const read = tokens.map((word) => {
      const { key, exact, exactCandidates, stopLanguages, phraseStarts, cls: wordClass } = knownWord(word);
      let cls = wordClass;
      let candidates = exactCandidates;
      if (cls === 'stop') {
        vote(stopLanguages, STOPWORD_VOTE);
      } else if (
        exact &&
        cls === 'content' &&
        key.length >= 6 &&
        !exact.strong &&
        fuzzyLookups < MAX_FUZZY_LOOKUPS
      ) {
        // Known only from body text: a related form may be what a topic is about.
        fuzzyLookups++;
        candidates = [
          ...exactCandidates,
          ...approximate(key).filter((candidate) => candidate.term !== exact),
        ];
      } else if (!exact && cls === 'content' && key.length >= 4 && fuzzyLookups < MAX_FUZZY_LOOKUPS) {
        fuzzyLookups++;
        candidates = approximate(key);
        // A typo of a subject word ("socail") is that subject word.
        const best = candidates[0];
        if (best && best.term.cls !== 'content') cls = best.term.cls;
      }
      // Only the best reading of a word votes: "netwrok" is "network", not also "netzwerk".
      const top = candidates[0];
      if (cls !== 'stop' && top && top.term.languages.length > 0)
        vote(top.term.languages, top.sim * TERM_VOTE);
      return { word, key, cls, candidates, stopLanguages, phraseStarts };
    });
    const language = pickLanguage(votes);

    // Pass 2: in a question whose language is known, a word that is grammar only in
    // another language ("but" in French is a goal) is a content word after all.
    if (language) {
      for (const token of read) {
        if (token.cls === 'stop' && !token.stopLanguages.includes(language) && token.candidates.length > 0) {
          token.cls = 'content';
        }
      }
    }

    const scores = new Array<number>(topics.length).fill(0);
    const strong = new Array<boolean>(topics.length).fill(false);
    const subjectSeen = read.some((token) => token.cls === 'subject');
    // "network" alone may be a wifi network or a networking event; "social" (or media and
    // network together) means the question names our subjects.
    const kinds = new Set(
      read
        .filter((token) => token.cls === 'subject')
        .map((token) => subjectKind(token.candidates[0]?.term.stem ?? token.key)),
    );
    const namesSubjects = kinds.has('social') || (kinds.has('media') && kinds.has('network'));
    const comparisonSeen = read.some((token) => token.cls === 'comparison');
    let contentWords = 0;
    let explainedWords = 0;
    const seenContent = new Set<string>();
    /** One content word's best score per topic, reused word after word. */
    const perTopic = new Array<number>(topics.length);
    /** The words as the vocabulary knows them (typos resolved), for phrase matching. */
    const resolved: ResolvedWord[] = [];
    const resolvedContent: string[] = [];
    const resolvedGrammar: ResolvedWord[] = [];

    for (const { word, key, cls, candidates, phraseStarts } of read) {
      const best = candidates[0];
      const as = best && best.sim >= 0.6 ? best.term.stem : key;
      const resolvedWord = { stem: as, phraseStarts: as === key ? phraseStarts : phrasesByPair.get(as) };
      resolved.push(resolvedWord);
      if (cls === 'stop') resolvedGrammar.push(resolvedWord);
      if (cls !== 'content') continue;
      resolvedContent.push(as);
      if (seenContent.has(as)) continue;
      seenContent.add(as);
      contentWords++;
      perTopic.fill(0);
      let explained = false;
      for (const { term, sim } of candidates) {
        if (term.cls !== 'content') continue;
        const weights = term.weights;
        for (let k = 0; k < weights.length; k += 2) {
          const topicIndex = weights[k] as number;
          const weight = weights[k + 1] as number;
          perTopic[topicIndex] = Math.max(perTopic[topicIndex] as number, sim * weight * term.idf);
          if (weight >= STRONG_WEIGHT) {
            strong[topicIndex] = true;
            explained = true;
          }
        }
      }
      if (explained) explainedWords++;
      for (let topicIndex = 0; topicIndex < topics.length; topicIndex++) {
        scores[topicIndex] = (scores[topicIndex] as number) + (perTopic[topicIndex] as number);
      }
      trace?.push(
        `word "${word}" (${key}): ${candidates.map((c) => `${c.term.stem}×${c.sim.toFixed(2)}`).join(', ') || 'unknown'}` +
          `${explained ? '' : ' · not explained'}`,
      );
    }

    // Whole phrases of aliases and questions found in the question; definitional phrases
    // ("what is") only beside a subject word, and matched on the grammar words alone.
    const matchPhrases = (sequence: ResolvedWord[], intent: boolean) => {
      for (let start = 0; start + 1 < sequence.length; start++) {
        const phrases = sequence[start]?.phraseStarts?.get(sequence[start + 1]?.stem as string);
        for (const phrase of phrases ?? []) {
          if (phrase.intentOnly !== intent || start + phrase.stems.length > sequence.length) continue;
          if (!phrase.stems.every((value, offset) => sequence[start + offset]?.stem === value)) continue;
          const bonus = intent
            ? phrase.weight * INTENT_BONUS
            : phrase.weight * PHRASE_BONUS_PER_WORD * Math.min(phrase.stems.length, 5);
          scores[phrase.topic] = (scores[phrase.topic] as number) + bonus;
          strong[phrase.topic] = true;
          trace?.push(
            `phrase "${phrase.stems.join(' ')}" → ${topics[phrase.topic]?.id} +${bonus.toFixed(2)}`,
          );
        }
      }
    };
    matchPhrases(resolved, false);
    // A definitional phrase only decides when no content word does: "what is the ROI"
    // asks about ROI, "what is social media" asks for the definition.
    // "What is the difference between ..." asks for the overview, not the definition.
    if (subjectSeen && explainedWords === 0 && !comparisonSeen) matchPhrases(resolvedGrammar, true);
    // Pairs of content words that an alias or question of a topic also has side by side.
    for (let i = 1; i < resolvedContent.length; i++) {
      const byTopic = bigrams.get(resolvedContent[i - 1] as string)?.get(resolvedContent[i] as string) ?? [];
      for (let k = 0; k < byTopic.length; k += 2) {
        const topicIndex = byTopic[k] as number;
        scores[topicIndex] = (scores[topicIndex] as number) + (byTopic[k + 1] as number) * BIGRAM_BONUS;
      }
    }

    let bestIndex = -1;
    scores.forEach((value, topicIndex) => {
      if (value > 0 && (bestIndex < 0 || value > (scores[bestIndex] as number))) bestIndex = topicIndex;
    });
    const bestScore = bestIndex >= 0 ? (scores[bestIndex] as number) : 0;
    const toScore = (value: number) => Math.round((1 - value / (value + 2)) * 1000) / 1000;
    if (trace) {
      trace.push(
        `language votes: ${LANGUAGES.map((l) => `${l} ${votes[l].toFixed(2)}`).join(', ')} → ${language ?? '?'}`,
      );
      const ranked = scores.map((v, i) => [topics[i]?.id, v] as const).filter(([, v]) => v > 0);
      ranked.sort((a, b) => b[1] - a[1]);
      trace.push(`scores: ${ranked.map(([id, v]) => `${id} ${v.toFixed(2)}`).join(', ') || 'none'}`);
      trace.push(
        `content words ${contentWords}, explained ${explainedWords}, subject ${subjectSeen}, comparison ${comparisonSeen}`,
      );
    }

    if (contentWords === 0) {
      // Only subjects, comparison words and grammar: the overview, unless a definitional
      // phrase ("what is") beside the subject asks for a topic.
      if (bestIndex >= 0 && subjectSeen) {
        return {
          topic: topics[bestIndex]?.id ?? null,
          language,
          score: toScore(bestScore),
          suggestions: [],
          reason: 'topic',
        };
      }
      if ((subjectSeen || comparisonSeen) && overviewIndex >= 0) {
        return {
          topic: 'overview',
          language,
          score: toScore(MIN_SCORE),
          suggestions: [],
          reason: 'overview',
        };
      }
      return { ...NO_TOPIC, suggestions: [], language, reason: 'off-topic' };
    }

    const coverage = explainedWords / contentWords;
    const minCoverage = namesSubjects
      ? MIN_COVERAGE_NAMING_SUBJECTS
      : subjectSeen
        ? MIN_COVERAGE_WITH_SUBJECT
        : MIN_COVERAGE_WITHOUT_SUBJECT;
    if (bestIndex >= 0 && strong[bestIndex] && bestScore >= MIN_SCORE && coverage >= minCoverage) {
      return {
        topic: topics[bestIndex]?.id ?? null,
        language,
        score: toScore(bestScore),
        suggestions: [],
        reason: 'topic',
      };
    }
    if (namesSubjects && overviewIndex >= 0) {
      // A question that names social networking or social media is about them even when no
      // single topic stands out ("our boss says they're the same, who is right?"): the
      // overview answers it. Only questions about neither subject are off-topic.
      return { topic: 'overview', language, score: toScore(MIN_SCORE), suggestions: [], reason: 'overview' };
    }
    const suggestions = scores
      .map((value, topicIndex) => ({ value, topicIndex }))
      .filter(({ value, topicIndex }) => value >= MIN_SCORE * SUGGESTION_SHARE && strong[topicIndex])
      .sort((a, b) => b.value - a.value)
      .slice(0, 3)
      .map(({ topicIndex }) => topics[topicIndex]?.id as string);
    return { topic: null, language, score: 1, suggestions, reason: 'off-topic' };
  };

  return { search, vocabularySize: terms.size };
}

/** The answer when there is nothing to answer with (copied: its suggestions are the caller's). */
const NO_TOPIC: SearchResult = {
  topic: null,
  language: undefined,
  score: 1,
  suggestions: [],
  reason: 'empty',
};

/** A word of the question as phrases are matched on: its resolved stem, and the phrases starting with it. */
interface ResolvedWord {
  stem: string;
  phraseStarts: Map<string, Phrase[]> | undefined;
}

/** A question's votes for each language (a plain object: a Map per question cost more to make). */
type Votes = Record<Language, number>;

/** The language with the most votes, or undefined on a tie or when nothing voted. */
function pickLanguage(votes: Votes): Language | undefined {
  let best: Language | undefined;
  let bestVotes = 0;
  let tie = false;
  for (const language of LANGUAGES) {
    const count = votes[language];
    if (count > bestVotes + 1e-9) {
      best = language;
      bestVotes = count;
      tie = false;
    } else if (count > 0 && Math.abs(count - bestVotes) <= 1e-9) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

const INDONESIAN_PREFIXES = [
  'memper',
  'menge',
  'meng',
  'meny',
  'mem',
  'men',
  'ber',
  'per',
  'ter',
  'me',
  'di',
  'ke',
  'pe',
];
const INDONESIAN_SUFFIXES = ['kan', 'an', 'i', 'lah', 'kah'];

/** Roots an Indonesian word may be built on, longest first ("berkomunikasi" → "komunikasi"). */
function indonesianRoots(word: string): string[] {
  const roots = new Set<string>();
  const withoutPrefix = INDONESIAN_PREFIXES.filter((prefix) => word.startsWith(prefix)).map((prefix) =>
    word.slice(prefix.length),
  );
  for (const base of [word, ...withoutPrefix]) {
    if (base !== word && base.length >= 4) roots.add(base);
    for (const suffix of INDONESIAN_SUFFIXES) {
      if (base.endsWith(suffix) && base.length - suffix.length >= 4) roots.add(base.slice(0, -suffix.length));
    }
  }
  return [...roots].sort((a, b) => b.length - a.length);
}

/** Which subject a subject word names: "social" itself, the media side or the network side. */
function subjectKind(word: string): 'social' | 'media' | 'network' {
  if (/^(soci|sosi|sozi|medsos|socmed|sosmed|jejaring|reseautag)/.test(word)) return 'social';
  if (/^(medi)/.test(word)) return 'media';
  return 'network';
}

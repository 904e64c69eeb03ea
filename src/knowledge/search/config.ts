/**
 * Every weight and threshold search decides with, in one place. Each line says what
 * raising the value trades for what. `npm run ask -- --explain "…"` shows them at work.
 */
export const SCORING = {
  /** Words of a question read; more can't change the topic, only cost time. */
  maxQuestionWords: 60,
  /** Letters of a word read: longer "words" are pasted junk (a URL, a key), and cost the stemmer and fuzzy lookup dearly. */
  maxWordLength: 40,
  /** Shorter unknown words are not looked up as typos or other forms: too many short words are a letter apart. */
  minApproximateLength: 4,
  /** Unknown words per question sent to the fuzzy lookup: more finds more typos, costs the slowest questions more. */
  maxFuzzyLookups: 8,

  /** How much a topic's word counts by where the topic has it: title and aliases say what it is about. */
  weights: {
    alias: 1,
    /** One word of a multi-word alias or of the title: less than a whole alias. */
    aliasPart: 0.6,
    /** A word of an example question: evidence, but example questions also carry filler. */
    question: 0.45,
    /** A word of the body text: context only; never evidence enough alone. */
    body: 0.2,
  },
  /** A word a topic has at least this strongly is evidence for it (higher: fewer body-text answers, more refusals). */
  evidenceWeight: 0.45,
  /** Rarity (idf) counts topics having a word at least this strongly: lower punishes words many bodies mention. */
  rarityWeight: 0.45,

  /** Per word of an alias or example question found whole: rewards exact phrasing over scattered words. */
  phraseBonusPerWord: 0.5,
  /** Longer phrases stop adding: keeps one long example question from outvoting every word. */
  maxPhraseWords: 5,
  /** Two content words side by side as in an alias: rewards "target audience" over "audience … target". */
  bigramBonus: 0.8,
  /** A definitional phrase ("what is", "apa itu") beside a subject: sends bare "what is social media" to the definition. */
  intentBonus: 1.5,
  /** A definitional phrase counts while no topic scores this much from the other words: higher lets "what is" outvote more of the question ("what is the ROI"). */
  maxScoreUnderIntent: 2,

  /** A topic needs this score to be the answer: higher refuses more, lower answers more wrongly. */
  minScore: 1.2,
  /** With a chore word ("deadline", "login") the topic must stand out this much: the question is the chore's unless it clearly asks a topic. */
  minScoreWithChore: 3,
  /** A topic this far ahead of minScore, explaining most of the question, is asked even when the question reads as a task or compares two things: higher trusts the shape more. */
  clearScore: 8,
  /** Share of the question's content words the topic's evidence must explain, by how the question names the subjects. */
  minCoverage: {
    /** Names social networking / social media outright. */
    namingSubjects: 0.2,
    /**
     * Has a subject word that may mean something else ("network", "media"), or, with no
     * chore, asks a judgement ("should we", "is that normal?"), the shape of a question about the two.
     */
    withSubject: 0.34,
    /** Names neither: most of its words must be the topic's, or it is someone else's question. */
    withoutSubject: 0.6,
  },
  /** A topic scoring this share of minScore, with evidence, is offered on the no-match card (1: only topics that scored an answer but were refused): lower offers more, and more wrongly. */
  suggestionShare: 1,
  /** At most this many suggestions: a refusal stays short. */
  maxSuggestions: 3,

  /** fuse.js's proposals for a typo, before the edit-distance check: a looser threshold proposes more and costs more. */
  fuse: { threshold: 0.5, distance: 16 },
  /** Proposals per length checked: more finds rarer typos, costs more. */
  typoProposals: 8,
  /** A typo's reading counts this much of an exact one: lower trusts typos less. */
  fuzzyDiscount: 0.85,
  /** A reading this similar stands for the word in phrases and bigrams. */
  minResolveSimilarity: 0.6,
  /** Letters a word needs before typos are forgiven: longer words have fewer neighbours to be confused with. */
  typoLength: {
    /** Content word, one wrong letter ("reset" vs "riset" is too close). */
    contentOneEdit: 6,
    /** Content word, one missing, extra or swapped letter. */
    contentOneEditNotWrongLetter: 5,
    contentTwoEdits: 9,
    /** Subject words are in every question about us: forgiven earlier. */
    subjectOneEdit: 4,
    subjectTwoEdits: 7,
  },
  /** Longer and shorter forms (compounds, derivations) of a known word count this much. */
  affixSimilarity: 0.7,
  /** At most this many letters added or removed for a longer or shorter form. */
  maxAffix: 5,
  /** A word start must be this long to stand for its longer forms ("inter" could be anything); a word known only from body text this long is also read as its related forms. */
  minLongerFormStart: 6,
  /** A word start with more longer forms than this says nothing. */
  maxLongerForms: 4,
  /** A shorter form must keep this many letters. */
  minShorterForm: 5,

  /**
   * How a stopword, a known word and a language's own letters vote for a language. A
   * grammar word of Indonesian, German or French counts more than an English one: their
   * messages borrow English terms all the time ("posting", "content"), English ones
   * borrow their grammar almost never.
   */
  languageVotes: { stopword: 1, otherStopword: 1.5, term: 1, frenchLetters: 0.8, germanLetters: 1.5 },

  /**
   * The model learned from labelled questions (learned.ts), and how far its opinion may
   * overrule the matcher's verdict (decide.ts). Every figure was set by training on all
   * question sets but one and answering that one, for each set in turn.
   */
  learned: {
    /** Passes over the examples: more fits them closer and costs start-up time; three generalise as well as six. */
    passes: 3,
    /** AdaGrad's first step size: higher learns faster and less steadily. */
    learningRate: 0.5,
    /** L2 shrinkage per step: higher keeps rare words from deciding alone, and fits less. */
    shrinkage: 1e-4,
    /** The model's topic replaces the matcher's when it is this likely…: lower trusts the model more. */
    switchMinProbability: 0.6,
    /** …and this many times as likely as the matcher's topic. */
    switchMinRatio: 2,
    /** A question the matcher refused gets the model's topic when it is this likely: lower answers more chores. */
    rescueMinProbability: 0.8,
    /** A topic the matcher found is refused when the model is this sure it is no topic: lower refuses more chores, and more questions. */
    vetoMinProbability: 0.7,
  },

  /** The reported score is 1 - s / (s + scale): at minScore it is 0.625; 0 only for a sure match. */
  reportedScoreScale: 2,
} as const;

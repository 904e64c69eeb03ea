/**
 * The concept base as data: topics, tips, quiz items, UI strings and labelled questions,
 * as loaded from data/ (load.ts) or the build's snapshot (snapshot.ts). Search builds its
 * own index and model from it.
 */
import type { Language } from './languages.js';
import type { ArticleClaim, QuizAnswer, Source, TopicKind, TopicText } from './schema.js';
import type { UiStrings } from './ui-strings.js';

export interface TopicTip {
  key: string;
  topicId: string;
  source: ArticleClaim;
  text: Record<Language, string>;
}

export interface TopicQuizItem {
  key: string;
  topicId: string;
  source: ArticleClaim;
  answer: QuizAnswer;
  prompt: Record<Language, string>;
  explanation: Record<Language, string>;
}

export interface Topic {
  id: string;
  kind: TopicKind;
  order: number;
  sources: Source[];
  text: Record<Language, TopicText>;
  tips: TopicTip[];
  quiz: TopicQuizItem[];
}

/** A labelled question (data/examples/): search learns from these how people word each topic. */
export interface Example {
  q: string;
  /** The topic it asks; null for none of ours. */
  topic: string | null;
  /** Absent for a question of no one language ("ROI", "LinkedIn"). */
  lang?: Language | undefined;
  /** The file it came from (its set, written by one person). */
  set: string;
}

export interface KnowledgeBase {
  /** Sorted by `order`: the order of the topic list and of previous / next. */
  topics: Topic[];
  byId: ReadonlyMap<string, Topic>;
  tips: TopicTip[];
  /** Every quiz item, in topic order. */
  quiz: TopicQuizItem[];
  ui: UiStrings;
  /** Labelled questions, every set in file-name order. */
  examples: Example[];
}

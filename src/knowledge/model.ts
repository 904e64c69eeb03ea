/**
 * The concept base as data: topics, tips, quiz items and UI strings, as loaded from data/
 * (load.ts) or the build's snapshot (snapshot.ts). Search builds its own index from it.
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

export interface KnowledgeBase {
  /** Sorted by `order`: the order of the topic list and of previous / next. */
  topics: Topic[];
  byId: ReadonlyMap<string, Topic>;
  tips: TopicTip[];
  /** Every quiz item, in topic order. */
  quiz: TopicQuizItem[];
  ui: UiStrings;
}

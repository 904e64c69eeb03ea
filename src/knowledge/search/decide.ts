/**
 * Deciding: a topic, the overview, or no match (with the topics that truly came close).
 *
 * A question ABOUT the two subjects (what they are, how they differ, which for what) gets
 * a topic or the overview. A question that only USES social media or networking as the
 * object of a chore (a post to schedule, a login, an ads budget to approve, a networking
 * lunch) gets no match, and so does one comparing two other things.
 */
import type { Language } from '../languages.js';
import { SCORING } from './config.js';
import type { TopicScores } from './scoring.js';

export type Reason = 'topic' | 'overview' | 'off-topic' | 'empty';

export interface SearchResult {
  /** The matched topic's id, or null when the question is off-topic. */
  topic: string | null;
  /** The question's language, when it can be told. */
  language: Language | undefined;
  /** How sure: 0 is a sure match, 1 no match at all (fuse.js's convention). */
  score: number;
  /** Up to three topics that came close, for the no-match card. Empty when none did. */
  suggestions: string[];
  /** Why: a matched topic, the overview (only the subjects named), or none. */
  reason: Reason;
}

/** What the question's words say about the subjects, besides the topic scores. */
export interface QuestionShape {
  /** A subject word ("media", "Netzwerk", "social"). */
  subjectSeen: boolean;
  /** Names social networking or social media outright: "social", or media and network both. */
  namesSubjects: boolean;
  /** Names both sides, the networking one and the media one. */
  namesBoth: boolean;
  /** A comparison word ("vs", "Unterschied"). */
  comparisonSeen: boolean;
  /** Chore words ("password", "deadline", "Friday"). */
  chores: number;
  /** Compares two things that are not the subjects ("reach and impressions"). */
  comparesOtherThings: boolean;
}

export function decide(
  topicIds: readonly string[],
  scored: TopicScores,
  shape: QuestionShape,
  language: Language | undefined,
): SearchResult {
  const best = bestTopic(scored);
  const answer = (topic: string | undefined, value: number, reason: Reason): SearchResult =>
    topic ? { topic, language, score: reportedScore(value), suggestions: [], reason } : noMatch([]);
  const noMatch = (suggestions: string[]): SearchResult => ({
    topic: null,
    language,
    score: 1,
    suggestions,
    reason: 'off-topic',
  });

  if (scored.contentWords === 0 && shape.chores === 0) {
    // Only subjects, comparison words and grammar: the overview, unless a definitional
    // phrase ("what is") beside a subject asks for a topic.
    if (best && shape.subjectSeen) return answer(topicIds[best.index], best.score, 'topic');
    if (shape.subjectSeen || shape.comparisonSeen) return answer('overview', SCORING.minScore, 'overview');
    return noMatch([]);
  }
  // A chore that doesn't name the subjects is someone's task, whatever topic words it
  // shares ("who has the login for the company LinkedIn page").
  if (shape.chores > 0 && !shape.namesSubjects) return noMatch(suggestions(topicIds, scored));
  if (shape.comparesOtherThings) return noMatch(suggestions(topicIds, scored));
  const minScore = shape.chores > 0 ? SCORING.minScoreWithChore : SCORING.minScore;
  if (best && scored.evidence[best.index] && best.score >= minScore) {
    if (coverage(scored) >= minCoverage(shape)) return answer(topicIds[best.index], best.score, 'topic');
  }
  if (asksAboutSubjects(shape)) return answer('overview', SCORING.minScore, 'overview');
  return noMatch(suggestions(topicIds, scored));
}

/**
 * No topic stands out, yet the question is about the subjects themselves ("our boss says
 * they're the same, who is right?"): the overview answers it. Naming them beside a chore
 * is not enough: it must compare the two.
 */
function asksAboutSubjects(shape: QuestionShape): boolean {
  if (!shape.namesSubjects) return false;
  return shape.chores === 0 || (shape.comparisonSeen && shape.namesBoth);
}

/** Share of the question's content words that some topic has as evidence. */
function coverage(scored: TopicScores): number {
  return scored.contentWords === 0 ? 0 : scored.explainedWords / scored.contentWords;
}

function minCoverage(shape: QuestionShape): number {
  const by = SCORING.minCoverage;
  return shape.namesSubjects ? by.namingSubjects : shape.subjectSeen ? by.withSubject : by.withoutSubject;
}

function bestTopic(scored: TopicScores): { index: number; score: number } | undefined {
  let best: { index: number; score: number } | undefined;
  scored.scores.forEach((score, index) => {
    if (score > 0 && (!best || score > best.score)) best = { index, score };
  });
  return best;
}

/** Topics with evidence that came within suggestionShare of an answer, best first. */
function suggestions(topicIds: readonly string[], scored: TopicScores): string[] {
  return scored.scores
    .map((score, index) => ({ score, index }))
    .filter(
      ({ score, index }) => score >= SCORING.minScore * SCORING.suggestionShare && scored.evidence[index],
    )
    .sort((a, b) => b.score - a.score)
    .slice(0, SCORING.maxSuggestions)
    .map(({ index }) => topicIds[index] as string);
}

/** A topic's raw score as the 0 (sure) … 1 (no match) the answer reports. */
function reportedScore(value: number): number {
  return Math.round((1 - value / (value + SCORING.reportedScoreScale)) * 1000) / 1000;
}

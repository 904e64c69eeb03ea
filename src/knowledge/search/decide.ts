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
import type { Opinion } from './learned.js';
import type { TopicScores } from './scoring.js';
import type { QuestionShape } from './shape.js';

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

/** What was decided, before it is reported; a topic's `score` is as reported (0 is a sure match). */
type Verdict =
  | { topic: string; score: number; reason: 'topic' | 'overview' }
  | { topic: null; suggest: boolean };

const OVERVIEW: Verdict = { topic: 'overview', score: reportedScore(SCORING.minScore), reason: 'overview' };
/** The topic of the sides themselves, who vs what: for "people or content?" as the overview is for "networking or media?". */
const SIDES: Verdict = { topic: 'focus', score: reportedScore(SCORING.minScore), reason: 'topic' };
const NO_MATCH: Verdict = { topic: null, suggest: false };
const NO_MATCH_BUT_CLOSE: Verdict = { topic: null, suggest: true };

export function decide(
  topicIds: readonly string[],
  scored: TopicScores,
  shape: QuestionShape,
  language: Language | undefined,
  opinion?: Opinion,
  trace?: string[],
): SearchResult {
  const matched = verdictOf(topicIds, scored, shape);
  const verdict = opinion ? weighOpinion(matched, opinion, trace) : matched;
  if (verdict.topic === null) {
    const offered = verdict.suggest ? suggestions(topicIds, scored) : [];
    return { topic: null, language, score: 1, suggestions: offered, reason: 'off-topic' };
  }
  const { topic, score, reason } = verdict;
  return { topic, language, score, suggestions: [], reason };
}

/**
 * The model learned from labelled questions (learned.ts) overrules the matcher only when
 * it is much surer: it names another topic far likelier than the matcher's, it finds a
 * topic where the matcher refused, or it is sure a found topic is no question of ours (a
 * wrong card costs more than an honest no match).
 *
 * The overview is the matcher's alone, both ways. The model's overview never overrules: to
 * it, naming the two and a difference is the overview, while the matcher sees the topic a
 * question adds ("the ROI difference") and the chore around a title ("reprint the handout
 * 'Networking vs Media'"). Nor does the model refuse the matcher's overview: "my manager
 * calls our TikTok 'networking', is it all one thing?" names a platform and a boss, which
 * the model learned from chores, but asks the overview's own question.
 */
function weighOpinion(verdict: Verdict, opinion: Opinion, trace?: string[]): Verdict {
  const overruled = overruling(verdict, opinion);
  const top = opinion.top(3).map(({ topic, probability }) => `${topic ?? 'none'} ${probability.toFixed(2)}`);
  trace?.push(`learned: ${top.join(', ')}${overruled ? ' (overrules the matcher)' : ''}`);
  return overruled ?? verdict;
}

function overruling(verdict: Verdict, opinion: Opinion): Verdict | undefined {
  const { topic, probability } = opinion.best;
  const limits = SCORING.learned;
  if (topic === OVERVIEW.topic) return undefined;
  if (verdict.topic === null)
    return topic !== null && probability >= limits.rescueMinProbability
      ? learned(topic, probability)
      : undefined;
  if (topic === null) {
    const vetoed = probability >= limits.vetoMinProbability && verdict.topic !== OVERVIEW.topic;
    return vetoed ? NO_MATCH_BUT_CLOSE : undefined;
  }
  const surer =
    probability >= limits.switchMinProbability &&
    probability >= limits.switchMinRatio * opinion.probabilityOf(verdict.topic);
  return topic !== verdict.topic && surer ? learned(topic, probability) : undefined;
}

/** The model's topic, reported as sure as the model is. */
function learned(topic: string, probability: number): Verdict {
  return { topic, score: reportedSureness(probability), reason: 'topic' };
}

function verdictOf(topicIds: readonly string[], scored: TopicScores, shape: QuestionShape): Verdict {
  if (scored.contentWords === 0 && shape.chores === 0) return subjectsOnly(topicIds, scored, shape);
  const best = bestTopic(scored);
  if (isSomeonesTask(shape) && !isClearlyAsked(best, scored, shape)) return NO_MATCH_BUT_CLOSE;
  // "Is that the same thing?" about the two is the overview's own question, unless the
  // question states another topic's contrast.
  if (asksWhetherTheyAreTheSame(shape) && !isAskedOutright(best, scored)) return OVERVIEW;
  if (best && standsOut(best, scored, shape)) {
    const topic = topicIds[best.index] as string;
    // The overview compares the subjects by name; set as people against content, the
    // comparison asked is the sides' own topic.
    if (topic === OVERVIEW.topic && asksTheSides(shape)) return SIDES;
    return { topic, score: reportedScore(best.score), reason: 'topic' };
  }
  if (!asksAboutSubjects(shape)) return NO_MATCH_BUT_CLOSE;
  return asksTheSides(shape) ? SIDES : OVERVIEW;
}

/**
 * Set as contacts against posts, or as the bare words "network" and "media", the two are
 * compared by their sides: the who-vs-what topic ("split the term: network vs media").
 */
function asksTheSides(shape: QuestionShape): boolean {
  return shape.sidesInOwnWords || shape.splitsTheTerm;
}

/**
 * A chore that doesn't name the subjects is someone's task, whatever topic words it shares
 * ("who has the login for the company LinkedIn page"); so is comparing two other things, and
 * a request opening with who / where / can someone that neither names them nor asks a judgement.
 */
function isSomeonesTask(shape: QuestionShape): boolean {
  if ((shape.chores > 0 && !shape.namesSubjects) || shape.comparesOtherThings) return true;
  return shape.asksTask && !shape.subjectSeen && !shape.asksJudgement;
}

/**
 * "Fanpage kita cuma pengumuman satu arah, kalo ngobrol sama relasi itu beda ya?": set
 * against each other in words that are all one topic's, two things are that topic's
 * contrast, not two other things. A chore or a request ("who's the target audience for
 * the slides?") still decides.
 */
function isClearlyAsked(best: Best | undefined, scored: TopicScores, shape: QuestionShape): boolean {
  if (!best || shape.chores > 0 || shape.asksTask) return false;
  return best.score >= SCORING.clearScore && coverage(scored) >= SCORING.minCoverage.withoutSubject;
}

function isAskedOutright(best: Best | undefined, scored: TopicScores): boolean {
  return best !== undefined && scored.askedOutright[best.index] === true;
}

function asksWhetherTheyAreTheSame(shape: QuestionShape): boolean {
  return shape.asksSameness && shape.namesSubjects && shape.chores === 0;
}

/**
 * Only subjects, comparison words and grammar: the overview, unless a grammar phrase
 * ("what is", "who vs what") beside a subject asks for a topic.
 */
function subjectsOnly(topicIds: readonly string[], scored: TopicScores, shape: QuestionShape): Verdict {
  const best = bestTopic(scored);
  if (best && (shape.subjectSeen || shape.namesBoth))
    return { topic: topicIds[best.index] as string, score: reportedScore(best.score), reason: 'topic' };
  if (asksTheSides(shape)) return SIDES;
  return shape.subjectSeen || shape.comparisonSeen ? OVERVIEW : NO_MATCH;
}

/** Enough evidence, enough score (more beside a chore), and enough of the question explained, or the topic's own question asked outright. */
function standsOut(best: Best, scored: TopicScores, shape: QuestionShape): boolean {
  const minScore = shape.chores > 0 ? SCORING.minScoreWithChore : SCORING.minScore;
  if (!scored.evidence[best.index] || best.score < minScore) return false;
  return scored.askedOutright[best.index] || coverage(scored) >= minCoverage(shape);
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

/** A comparison (of no other things) asks about a difference, a judgement about what to expect: the topics' ground, as a subject word is. */
function minCoverage(shape: QuestionShape): number {
  const by = SCORING.minCoverage;
  if (shape.namesSubjects) return by.namingSubjects;
  const judgement = shape.asksJudgement && shape.chores === 0;
  return shape.subjectSeen || shape.comparisonSeen || judgement ? by.withSubject : by.withoutSubject;
}

/** The topic that scored most. */
type Best = { index: number; score: number };

function bestTopic(scored: TopicScores): Best | undefined {
  let best: Best | undefined;
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
  return reportedSureness(value / (value + SCORING.reportedScoreScale));
}

/** A sureness from 0 to 1 as the reported score: 0 is sure, to three decimals. */
function reportedSureness(sureness: number): number {
  return Math.round((1 - sureness) * 1000) / 1000;
}

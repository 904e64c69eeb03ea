import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import { feedback } from './feedback.js';
import { openTopic } from './open-topic.js';
import { quizAnswer } from './quiz-answer.js';
import { quizShare } from './quiz-share.js';
import { shareCard } from './share-card.js';
import { tipOpen } from './tip-open.js';
import { onlyUnknownButtons, unknownAction } from './unknown-action.js';

/** previous / next / language switch / a topic from a list, suggestions or the home tab. */
export const TOPIC_BUTTON = /^topic_(previous|next|language_[a-z]{2}|open_[a-z0-9-]+)$/;
/** 👍 / 👎 on an answer card. */
export const FEEDBACK_BUTTON = /^feedback_(up|down)$/;
/** An answer on a quiz. */
export const QUIZ_ANSWER_BUTTON = /^quiz_answer_(networking|media|both)$/;
/** The tip card's and the quiz result's "Open the topic": the topic, privately. */
export const OPEN_PRIVATELY_BUTTON = /^(tip|quiz)_open$/;

/** Every button the cards carry, by action_id; the last listener takes any other. */
export function register(app: App, deps: ListenerDeps): void {
  app.action(TOPIC_BUTTON, openTopic(deps));
  app.action(ACTION_IDS.share, shareCard(deps));
  app.action(OPEN_PRIVATELY_BUTTON, tipOpen(deps));
  app.action(FEEDBACK_BUTTON, feedback(deps));
  app.action(QUIZ_ANSWER_BUTTON, quizAnswer(deps));
  app.action(ACTION_IDS.quizShare, quizShare(deps));
  app.action(
    { type: 'block_actions' },
    onlyUnknownButtons([
      TOPIC_BUTTON,
      ACTION_IDS.share,
      OPEN_PRIVATELY_BUTTON,
      FEEDBACK_BUTTON,
      QUIZ_ANSWER_BUTTON,
      ACTION_IDS.quizShare,
    ]),
    unknownAction(deps),
  );
}

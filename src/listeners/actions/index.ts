import type { App, BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import { browseLanguage } from './browse-language.js';
import { browseTopic } from './browse-topic.js';
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
/** In the topic browser modal: a topic of its list, ◀ / ▶, back to the list. */
export const BROWSE_BUTTON = /^browse_(open_[a-z0-9-]+|previous|next|list)$/;
/** The tip card's and the quiz result's "Open the topic": the topic, privately. */
export const OPEN_PRIVATELY_BUTTON = /^(tip|quiz)_open$/;

type ButtonListener = (deps: ListenerDeps) => Middleware<SlackActionMiddlewareArgs<BlockAction>>;

/**
 * Every button the cards carry (and the topic browser modal's language menu), by action_id
 * or pattern, and the listener that answers it.
 */
const BUTTONS: ReadonlyArray<readonly [string | RegExp, ButtonListener]> = [
  [TOPIC_BUTTON, openTopic],
  [ACTION_IDS.share, shareCard],
  [OPEN_PRIVATELY_BUTTON, tipOpen],
  [FEEDBACK_BUTTON, feedback],
  [QUIZ_ANSWER_BUTTON, quizAnswer],
  [ACTION_IDS.quizShare, quizShare],
  [BROWSE_BUTTON, browseTopic],
  [ACTION_IDS.browseLanguage, browseLanguage],
];

/** One listener per button; a last one takes any button none of them is registered for. */
export function register(app: App, deps: ListenerDeps): void {
  for (const [actionId, listener] of BUTTONS) app.action(actionId, listener(deps));
  app.action(
    { type: 'block_actions' },
    onlyUnknownButtons(BUTTONS.map(([actionId]) => actionId)),
    unknownAction(deps),
  );
}

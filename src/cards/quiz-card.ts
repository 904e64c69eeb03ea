/**
 * The quiz: a statement or question from the articles with three answer buttons, and
 * the private reply to whoever pressed one (right or wrong, why, and the topic).
 *
 * The quiz itself never says the answer: a quiz in a channel stays as posted for everyone,
 * and each press is answered to the presser alone. A quiz the bot posted may show how
 * many answered and the share who got it right: counts only, never who.
 */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase, TopicQuizItem } from '../knowledge/load.js';
import { QUIZ_ANSWERS, type QuizAnswer } from '../knowledge/schema.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeQuizValue, encodeValue } from './actions.js';
import type { Block, Card, Mrkdwn } from './blocks.js';
import { quoteUserText, truncate } from './mrkdwn.js';
import type { Surface } from './topic-card.js';
import { button } from './topic-card.js';

const ANSWER_LABEL: Record<QuizAnswer, UiKey> = {
  networking: 'quiz.answer_networking',
  media: 'quiz.answer_media',
  both: 'quiz.answer_both',
};

/** An answer as the buttons name it, in `language`. */
export function answerLabel(kb: KnowledgeBase, answer: QuizAnswer, language: Language): string {
  return translate(kb.ui, language, ANSWER_LABEL[answer]);
}

/** How many answered a quiz (first answers) and how many of them were right. */
export interface QuizCounts {
  answered: number;
  right: number;
}

export interface QuizCardOptions {
  /** The quiz's id, carried by its buttons: each person's first answer to it counts. */
  quiz: string;
  /** A private quiz can be shared; one in a channel or a DM already is where it stays. */
  surface: Surface;
  /** Display name of whoever shared it into the channel. */
  sharedBy?: string;
  /** Shown on a quiz the bot posted, once someone has answered. */
  counts?: QuizCounts;
}

/** "75%", rounded; "–" when nobody answered. */
export function sharePercent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–';
}

export function quizCard(
  kb: KnowledgeBase,
  item: TopicQuizItem,
  language: Language,
  options: QuizCardOptions,
): Card {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(kb.ui, language, key, vars);
  const header = t('quiz.header');
  const value = encodeQuizValue({ item: item.key, language, quiz: options.quiz });
  const context: Mrkdwn[] = [{ type: 'mrkdwn', text: t('quiz.hint') }];
  if (options.counts && options.counts.answered > 0) {
    context.push({
      type: 'mrkdwn',
      text: t('quiz.counts', {
        answered: options.counts.answered,
        share: sharePercent(options.counts.right, options.counts.answered),
      }),
    });
  }
  if (options.sharedBy) {
    context.push({
      type: 'mrkdwn',
      text: t('card.shared_by', { user: quoteUserText(options.sharedBy, 80) }),
    });
  }
  const blocks: Block[] = [
    { type: 'header', block_id: 'quiz_header', text: { type: 'plain_text', text: header, emoji: true } },
    { type: 'section', block_id: 'quiz_prompt', text: { type: 'mrkdwn', text: item.prompt[language] } },
    {
      type: 'actions',
      block_id: 'quiz_answers',
      elements: QUIZ_ANSWERS.map((answer) =>
        button(`${ACTION_IDS.quizAnswerPrefix}${answer}`, answerLabel(kb, answer, language), value),
      ),
    },
    { type: 'context', block_id: 'quiz_context', elements: context },
  ];
  if (options.surface === 'ephemeral') {
    blocks.push({
      type: 'actions',
      block_id: 'quiz_share',
      elements: [button(ACTION_IDS.quizShare, t('button.share'), value, 'primary')],
    });
  }
  return { text: `${header}: ${truncate(item.prompt[language], 300)}`, blocks };
}

export interface QuizResultOptions {
  chosen: QuizAnswer;
  /** False when this person had answered this quiz before: only the first answer counts. */
  counted: boolean;
}

/** The reply only the presser sees: right or wrong, the one-sentence why, and the topic. */
export function quizResultCard(
  kb: KnowledgeBase,
  item: TopicQuizItem,
  language: Language,
  options: QuizResultOptions,
): Card {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(kb.ui, language, key, vars);
  const answer = answerLabel(kb, item.answer, language);
  const verdict =
    options.chosen === item.answer
      ? t('quiz.right', { answer })
      : t('quiz.wrong', { answer, chosen: answerLabel(kb, options.chosen, language) });
  const title = kb.byId.get(item.topicId)?.text[language].title ?? item.topicId;
  const context: Mrkdwn[] = [{ type: 'mrkdwn', text: t('tip.topic', { title }) }];
  if (!options.counted) context.unshift({ type: 'mrkdwn', text: t('quiz.repeat') });
  const blocks: Block[] = [
    {
      type: 'section',
      block_id: 'quiz_result',
      text: { type: 'mrkdwn', text: `${verdict}\n${item.explanation[language]}` },
    },
    {
      type: 'context',
      block_id: 'quiz_result_prompt',
      elements: [{ type: 'mrkdwn', text: truncate(item.prompt[language], 200) }],
    },
    { type: 'context', block_id: 'quiz_result_context', elements: context },
  ];
  if (kb.byId.has(item.topicId)) {
    blocks.push({
      type: 'actions',
      block_id: 'quiz_result_actions',
      elements: [button(ACTION_IDS.quizOpen, t('tip.open'), encodeValue({ topic: item.topicId, language }))],
    });
  }
  return { text: `${verdict} ${item.explanation[language]}`, blocks };
}

/** The usage report: `/socialvs stats`, the admins' App Home, in the admin's language. No one's id in it. */
import type { Language } from '../knowledge/languages.js';
import { isLanguage, languageNameIn } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import type { UsageReport } from '../store/store.js';
import { type Block, type Card, type Mrkdwn, textOfBlocks } from './blocks.js';
import { quoteUserText, truncate } from './mrkdwn.js';
import { sharePercent } from './quiz-card.js';

export interface StatsCardOptions {
  /** Days covered, or undefined for all time. */
  days: number | undefined;
  /** Whether question text is recorded (QUESTION_LOG). */
  questionLog: boolean;
}

export function statsBlocks(
  kb: KnowledgeBase,
  report: UsageReport,
  language: Language,
  options: StatsCardOptions,
): Block[] {
  const t = (key: UiKey, vars?: Record<string, string | number>) => translate(kb.ui, language, key, vars);
  const none = `_${t('stats.none')}_`;
  const title = (id: string) => kb.byId.get(id)?.text[language].title ?? id;
  const share = report.asked === 0 ? '–' : `${Math.round((100 * report.answered) / report.asked)}%`;
  const list = (lines: string[]) => (lines.length ? lines.join('\n') : none);
  const field = (heading: string, body: string): Mrkdwn => ({
    type: 'mrkdwn',
    text: truncate(`${heading}\n${body}`, 2000),
  });

  // The count is people, not repetitions (the heading says so): 👥 rather than the
  // topics' ×, so the two don't read alike.
  // The quiz: first answers, the share right, and the item most often missed, by its prompt.
  const quiz = report.quiz;
  const missedItem = quiz.mostMissed && kb.quiz.find((item) => item.key === quiz.mostMissed?.itemKey);
  const quizLines = [
    t('stats.quiz', {
      answered: quiz.answered,
      right: quiz.right,
      share: sharePercent(quiz.right, quiz.answered),
    }),
    ...(quiz.mostMissed
      ? [
          t('stats.quiz_missed', {
            prompt: missedItem
              ? truncate(missedItem.prompt[language], 100)
              : quoteUserText(quiz.mostMissed.itemKey, 80),
            missed: quiz.mostMissed.missed,
            answered: quiz.mostMissed.answered,
          }),
        ]
      : []),
  ];

  const unanswered = options.questionLog
    ? list(report.unanswered.map((row) => `👥 ${row.count} · “${quoteUserText(row.text, 120)}”`))
    : `_${t('stats.log_off')}_`;
  return [
    {
      type: 'header',
      block_id: 'stats_header',
      text: {
        type: 'plain_text',
        text: t('stats.header', {
          period:
            options.days === undefined
              ? t('stats.period_all')
              : t('stats.period_days', { days: options.days }),
        }),
        emoji: true,
      },
    },
    {
      type: 'section',
      block_id: 'stats_totals',
      text: {
        type: 'mrkdwn',
        text: t('stats.asked', { asked: report.asked, answered: report.answered, share }),
      },
    },
    {
      type: 'section',
      block_id: 'stats_topics',
      fields: [
        field(
          t('stats.top_topics'),
          list(report.topTopics.map((row) => `${row.count} × ${title(row.topic)}`)),
        ),
        field(t('stats.unanswered'), unanswered),
      ],
    },
    {
      type: 'section',
      block_id: 'stats_votes',
      fields: [
        field(
          t('stats.votes'),
          list(report.votes.slice(0, 13).map((row) => `${title(row.topic)}: 👍 ${row.up} · 👎 ${row.down}`)),
        ),
        field(
          t('stats.languages'),
          list(
            report.languages.map(
              (row) =>
                `${isLanguage(row.language) ? languageNameIn(language, row.language) : row.language}: ${row.asked}, ${row.answered}`,
            ),
          ),
        ),
      ],
    },
    { type: 'section', block_id: 'stats_quiz', text: { type: 'mrkdwn', text: quizLines.join('\n') } },
  ];
}

export function statsCard(
  kb: KnowledgeBase,
  report: UsageReport,
  language: Language,
  options: StatsCardOptions,
): Card {
  const blocks = statsBlocks(kb, report, language, options);
  // Every figure with its name, as the card shows them.
  return { text: textOfBlocks(blocks), blocks };
}

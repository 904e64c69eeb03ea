/**
 * The answer to a question the concept base can't match: the question shown back
 * (escaped), then the close topics as buttons, or every topic when none was close; after a
 * mention, a short version of it (shortNoMatchCard).
 */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase, Topic } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeValue } from './actions.js';
import { type Block, type Card, deepFreeze } from './blocks.js';
import { STARTER_TOPICS } from './greeting-card.js';
import { quoteUserText } from './mrkdwn.js';
import { button } from './topic-card.js';

export function topicButtons(topics: Topic[], language: Language, blockId: string): Block {
  return {
    type: 'actions',
    block_id: blockId,
    elements: topics.map((topic) =>
      button(
        `${ACTION_IDS.openPrefix}${topic.id}`,
        topic.text[language].title,
        encodeValue({ topic: topic.id, language }),
      ),
    ),
  };
}

/**
 * Every topic as a button, per language: an off-topic question with nothing close gets
 * all of them, and building a dozen buttons was most of that card's cost. Frozen, because
 * every such card shares it.
 */
const allTopicsByKb = new WeakMap<KnowledgeBase, Map<Language, Block>>();

function allTopicButtons(kb: KnowledgeBase, language: Language): Block {
  let byLanguage = allTopicsByKb.get(kb);
  if (!byLanguage) {
    byLanguage = new Map();
    allTopicsByKb.set(kb, byLanguage);
  }
  let block = byLanguage.get(language);
  if (!block) {
    block = deepFreeze(topicButtons(kb.topics, language, 'nomatch_topics'));
    byLanguage.set(language, block);
  }
  return block;
}

export function noMatchCard(
  kb: KnowledgeBase,
  question: string,
  language: Language,
  suggestionIds: string[],
): Card {
  const t = (key: Parameters<typeof translate>[2], vars?: Record<string, string>) =>
    translate(kb.ui, language, key, vars);
  const suggestions = suggestionIds.flatMap((id) => kb.byId.get(id) ?? []).slice(0, 3);
  const quoted = quoteUserText(question) || '…';
  const blocks: Block[] = [
    {
      type: 'header',
      block_id: 'nomatch_header',
      text: { type: 'plain_text', text: t('nomatch.header'), emoji: true },
    },
    {
      type: 'section',
      block_id: 'nomatch_body',
      text: { type: 'mrkdwn', text: t('nomatch.body', { question: quoted }) },
    },
    {
      type: 'section',
      block_id: 'nomatch_offer',
      text: { type: 'mrkdwn', text: t(suggestions.length > 0 ? 'nomatch.suggestions' : 'nomatch.topics') },
    },
    suggestions.length > 0
      ? topicButtons(suggestions, language, 'nomatch_topics')
      : allTopicButtons(kb, language),
    { type: 'context', block_id: 'nomatch_hint', elements: [{ type: 'mrkdwn', text: t('help.hint') }] },
  ];
  // What it suggests, by name: the buttons' titles are not in the blocks' text.
  const offered = (suggestions.length > 0 ? suggestions : kb.topics).map(
    (topic) => topic.text[language].title,
  );
  return {
    text: [
      t('nomatch.header'),
      t('nomatch.body', { question: quoted }),
      `${t(suggestions.length > 0 ? 'nomatch.suggestions' : 'nomatch.topics')} ${offered.join(' · ')}`,
    ].join('\n'),
    blocks,
  };
}

/** A thread is a conversation: the refusal there is one line and a few topics, not every topic. */
export const MAX_SHORT_SUGGESTIONS = 3;

/**
 * The answer to a mention the concept base can't match: one line on what the bot answers,
 * and the close topics as buttons, or, when none was close, the topics to start with.
 */
export function shortNoMatchCard(kb: KnowledgeBase, language: Language, suggestionIds: string[]): Card {
  const line = translate(kb.ui, language, 'nomatch.short');
  const known = (ids: readonly string[]) => ids.flatMap((id) => kb.byId.get(id) ?? []);
  const close = known(suggestionIds);
  const offered = (close.length > 0 ? close : known(STARTER_TOPICS)).slice(0, MAX_SHORT_SUGGESTIONS);
  const blocks: Block[] = [
    { type: 'section', block_id: 'nomatch_body', text: { type: 'mrkdwn', text: line } },
  ];
  if (offered.length > 0) blocks.push(topicButtons(offered, language, 'nomatch_topics'));
  return {
    text: [line, offered.map((topic) => topic.text[language].title).join(' · ')].filter(Boolean).join('\n'),
    blocks,
  };
}

/** `/socialvs list`: every topic with its one-line summary and a button to open it. */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeValue } from './actions.js';
import type { Block, Card } from './blocks.js';
import { truncate } from './mrkdwn.js';
import { button } from './topic-card.js';

/** One section per topic, title and summary, with an "open" button beside it. */
export function topicListBlocks(kb: KnowledgeBase, language: Language): Block[] {
  return kb.topics.map((topic) => ({
    type: 'section' as const,
    block_id: `list_${topic.id}`,
    text: {
      type: 'mrkdwn' as const,
      text: `*${topic.text[language].title}*\n${truncate(topic.text[language].summary, 160)}`,
    },
    accessory: button(
      `${ACTION_IDS.openPrefix}${topic.id}`,
      translate(kb.ui, language, 'button.open_topic'),
      encodeValue({ topic: topic.id, language }),
    ),
  }));
}

export function listCard(kb: KnowledgeBase, language: Language): Card {
  const header = translate(kb.ui, language, 'list.header');
  return {
    text: `${header}: ${kb.topics.map((topic) => topic.text[language].title).join(', ')}`,
    blocks: [
      { type: 'header', block_id: 'list_header', text: { type: 'plain_text', text: header, emoji: true } },
      {
        type: 'context',
        block_id: 'list_intro',
        elements: [{ type: 'mrkdwn', text: translate(kb.ui, language, 'list.intro') }],
      },
      ...topicListBlocks(kb, language),
    ],
  };
}

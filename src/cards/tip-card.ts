/** The tip of the day: a header, the tip, the topic it belongs to, and a button to open that topic. */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase, TopicTip } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeValue } from './actions.js';
import type { Card } from './blocks.js';
import { button } from './topic-card.js';

export function tipCard(kb: KnowledgeBase, tip: TopicTip, language: Language): Card {
  const t = (key: Parameters<typeof translate>[2], vars?: Record<string, string>) =>
    translate(kb.ui, language, key, vars);
  const topic = kb.byId.get(tip.topicId);
  const title = topic?.text[language].title ?? tip.topicId;
  const header = t('tip.header');
  return {
    text: `${header}: ${tip.text[language]}`,
    blocks: [
      { type: 'header', block_id: 'tip_header', text: { type: 'plain_text', text: header, emoji: true } },
      { type: 'section', block_id: 'tip_text', text: { type: 'mrkdwn', text: tip.text[language] } },
      {
        type: 'context',
        block_id: 'tip_topic',
        elements: [{ type: 'mrkdwn', text: t('tip.topic', { title }) }],
      },
      {
        type: 'actions',
        block_id: 'tip_actions',
        elements: [button(ACTION_IDS.tipOpen, t('tip.open'), encodeValue({ topic: tip.topicId, language }))],
      },
    ],
  };
}

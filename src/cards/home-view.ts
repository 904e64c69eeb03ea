/** The App Home tab: what the bot is, how to ask, the user's language, the topics, and daily tips. */
import { type Language, languageNameIn } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import type { Block } from './blocks.js';
import { topicListBlocks } from './list-card.js';

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

export function homeView(kb: KnowledgeBase, language: Language): HomeView {
  const t = (key: Parameters<typeof translate>[2], vars?: Record<string, string>) =>
    translate(kb.ui, language, key, vars);
  return {
    type: 'home',
    blocks: [
      {
        type: 'header',
        block_id: 'home_header',
        text: { type: 'plain_text', text: t('home.header'), emoji: true },
      },
      { type: 'section', block_id: 'home_intro', text: { type: 'mrkdwn', text: t('home.intro') } },
      { type: 'section', block_id: 'home_ask', text: { type: 'mrkdwn', text: t('home.ask') } },
      {
        type: 'context',
        block_id: 'home_language',
        elements: [
          { type: 'mrkdwn', text: t('home.language', { language: languageNameIn(language, language) }) },
        ],
      },
      { type: 'divider', block_id: 'home_divider_topics' },
      { type: 'section', block_id: 'home_topics', text: { type: 'mrkdwn', text: t('home.topics') } },
      ...topicListBlocks(kb, language),
      { type: 'divider', block_id: 'home_divider_tips' },
      { type: 'section', block_id: 'home_subscribe', text: { type: 'mrkdwn', text: t('home.subscribe') } },
    ],
  };
}

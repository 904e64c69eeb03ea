/** `/socialvs help`: what the bot does, every subcommand, and examples, in the user's language. */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import { type Block, type Card, textOfBlocks } from './blocks.js';

export function helpCard(kb: KnowledgeBase, language: Language): Card {
  const t = (key: Parameters<typeof translate>[2]) => translate(kb.ui, language, key);
  const blocks: Block[] = [
    {
      type: 'header',
      block_id: 'help_header',
      text: { type: 'plain_text', text: t('help.header'), emoji: true },
    },
    { type: 'section', block_id: 'help_intro', text: { type: 'mrkdwn', text: t('help.intro') } },
    {
      type: 'section',
      block_id: 'help_commands',
      text: { type: 'mrkdwn', text: `${t('help.commands')}\n${t('help.quiz')}` },
    },
    {
      type: 'section',
      block_id: 'help_mention',
      text: { type: 'mrkdwn', text: `${t('help.mention')}\n${t('help.words')}` },
    },
    {
      type: 'context',
      block_id: 'help_examples',
      elements: [{ type: 'mrkdwn', text: t('help.examples') }],
    },
  ];
  // Notifications and screen readers get the whole help, commands included.
  return { text: textOfBlocks(blocks), blocks };
}

/** A one-line notice (saved language, errors, subscription answers) as a card with the same text. */
export function noticeCard(text: string): Card {
  return { text, blocks: [{ type: 'section', block_id: 'notice', text: { type: 'mrkdwn', text } }] };
}

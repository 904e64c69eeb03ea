/**
 * The reply to a greeting or a thanks ("hi", "merci !", a lone 👋) in a DM or after
 * @SocialVS: one short line on what the bot answers, and a few example questions as
 * buttons, each opening its topic as the answer to that question.
 */
import type { Language } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeValue } from './actions.js';
import type { Block, Card } from './blocks.js';
import { button } from './topic-card.js';

/** The example questions a greeting offers, and the topic each one opens (tests check search agrees). */
export const EXAMPLE_QUESTIONS: ReadonlyArray<{ topic: string; key: UiKey }> = [
  { topic: 'overview', key: 'greeting.example_overview' },
  { topic: 'roi', key: 'greeting.example_roi' },
  { topic: 'similarities', key: 'greeting.example_similarities' },
];

/** The topics to offer someone who has not asked anything yet, or nothing the bot knows. */
export const STARTER_TOPICS: readonly string[] = EXAMPLE_QUESTIONS.map((example) => example.topic);

export function greetingCard(kb: KnowledgeBase, kind: 'greeting' | 'thanks', language: Language): Card {
  const t = (key: UiKey) => translate(kb.ui, language, key);
  const line = t(kind === 'thanks' ? 'greeting.thanks' : 'greeting.hello');
  const examples = EXAMPLE_QUESTIONS.filter((example) => kb.byId.has(example.topic));
  const blocks: Block[] = [{ type: 'section', block_id: 'greeting', text: { type: 'mrkdwn', text: line } }];
  if (examples.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: 'greeting_examples',
      elements: examples.map((example) =>
        button(
          `${ACTION_IDS.openPrefix}${example.topic}`,
          t(example.key),
          // The question rides along, so the card it opens says what was asked.
          encodeValue({ topic: example.topic, language, question: t(example.key) }),
        ),
      ),
    });
  }
  blocks.push({
    type: 'context',
    block_id: 'greeting_hint',
    elements: [{ type: 'mrkdwn', text: t('help.hint') }],
  });
  // The questions offered, by name: button labels are not in the blocks' text.
  const offered = examples.map((example) => t(example.key)).join(' · ');
  return { text: [line, offered, t('help.hint')].filter(Boolean).join('\n'), blocks };
}

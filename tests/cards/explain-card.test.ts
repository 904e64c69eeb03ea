/**
 * The card "Explain with SocialVS" gives: the topic card quoting the message it explains,
 * escaped (no ping, no link) and shortened, in the card's language; the question a person
 * typed ("You asked") is not claimed for someone else's message.
 */
import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/cards/blocks.js';
import { topicCard } from '../../src/cards/topic-card.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { kb } from '../support/cards.js';
import { PINGS } from '../support/harness.js';

const roi = kb.byId.get('roi');
if (!roi) throw new Error('no roi topic');

describe('the explained-message quote', () => {
  it('quotes the message in every language, escaped and shortened, and not as "You asked"', () => {
    const message = `<!channel> ${'budget '.repeat(60)}<@U0BEN> <https://evil.example|click>`;
    for (const language of LANGUAGES) {
      const card = topicCard(kb, roi, language, { surface: 'ephemeral', explained: message, answerId: 'a1' });
      const context = JSON.stringify(card.blocks.find((block) => block.block_id === 'topic_context'));
      expect(context).toContain(translate(kb.ui, language, 'explain.quote', { message: '' }).trim());
      expect(context).not.toContain(translate(kb.ui, language, 'card.you_asked', { question: '' }).trim());
      expect(JSON.stringify(card.blocks)).not.toMatch(PINGS);
      expect(context).toContain('&lt;!channel&gt;');
      expect(context).toContain('…');
      expect(blockKitProblems(card.blocks)).toEqual([]);
    }
  });
});

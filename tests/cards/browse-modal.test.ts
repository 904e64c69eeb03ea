/**
 * The topic browser modal, a pure builder: within Slack's limits for a modal (100 blocks,
 * title and submit / close labels of at most 24 characters) for the list and every topic in
 * every language; its buttons and menu name what they do; its state survives the round trip.
 */
import { describe, expect, it } from 'vitest';
import { viewProblems } from '../../src/cards/blocks.js';
import { browseModal, decodeBrowseState, encodeBrowseState } from '../../src/cards/browse-modal.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { buttonsOf, headerOf, kb, titleOf } from '../support/cards.js';

const everyModal = LANGUAGES.flatMap((language) => [
  { language, topic: undefined, view: browseModal(kb, { language }) },
  ...kb.topics.map((topic) => ({
    language,
    topic: topic.id,
    view: browseModal(kb, { language, topic: topic.id }),
  })),
]);

describe('the topic browser modal', () => {
  it('holds Slack’s limits for every modal in every language: 100 blocks, title, submit and close of at most 24', () => {
    expect(everyModal).toHaveLength(LANGUAGES.length * (kb.topics.length + 1));
    for (const { language, topic, view } of everyModal) {
      expect(viewProblems(view), `${language} ${topic ?? 'list'}`).toEqual([]);
      expect([...view.title.text].length).toBeLessThanOrEqual(24);
      expect([...(view.close?.text ?? '')].length).toBeLessThanOrEqual(24);
      expect([...(view.submit?.text ?? '')].length).toBeLessThanOrEqual(24);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
    }
  });

  it('the limits check itself catches a title, a submit label or a block count over the limit', () => {
    const view = browseModal(kb, { language: 'en', topic: 'roi' });
    expect(viewProblems({ ...view, title: { type: 'plain_text', text: 'x'.repeat(25) } })).toEqual([
      'title 25 characters',
    ]);
    expect(viewProblems({ ...view, submit: { type: 'plain_text', text: 'y'.repeat(25) } })).toEqual([
      'submit label 25 characters',
    ]);
    const { submit: _submit, ...withoutSubmit } = view;
    expect(viewProblems(withoutSubmit)).toEqual(['an input without a submit button']);
    const tooMany = { ...view, blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })) };
    expect(viewProblems(tooMany)).toEqual(['101 blocks, more than 100']);
  });

  it('lists every topic in the language asked, with a language menu set to it, and no submit', () => {
    for (const language of LANGUAGES) {
      const view = browseModal(kb, { language });
      expect(view.title.text).toBe(translate(kb.ui, language, 'browse.title'));
      expect(buttonsOf(view as never).map((button) => button.action_id)).toEqual(
        kb.topics.map((topic) => `browse_open_${topic.id}`),
      );
      for (const topic of kb.topics) expect(JSON.stringify(view)).toContain(topic.text[language].title);
      const menu = JSON.stringify(view.blocks.find((block) => block.block_id === 'browse_controls'));
      expect(menu).toContain(`"initial_option":{"text":{"type":"plain_text","text":`);
      expect(menu).toContain(`"value":"${language}"}}`);
      expect(view.submit).toBeUndefined();
    }
  });

  it("shows a topic's comparison with ◀ / ▶, the list, and a conversation to share it in (with a response_url)", () => {
    const view = browseModal(kb, { language: 'fr', topic: 'roi' });
    expect(headerOf(view as never)).toBe(titleOf('roi', 'fr'));
    expect(buttonsOf(view as never).map((button) => button.action_id)).toEqual([
      'browse_previous',
      'browse_next',
      'browse_list',
    ]);
    const input = view.blocks.find((block) => block.type === 'input');
    expect(input).toMatchObject({
      element: { type: 'conversations_select', response_url_enabled: true },
      label: { text: translate(kb.ui, 'fr', 'browse.share_label') },
    });
    expect(view.submit?.text).toBe(translate(kb.ui, 'fr', 'browse.submit'));
  });

  it('keeps what it shows in private_metadata, and reads back only what is ours', () => {
    const view = browseModal(kb, { language: 'id', topic: 'focus' });
    expect(decodeBrowseState(view.private_metadata)).toEqual({ language: 'id', topic: 'focus' });
    expect(decodeBrowseState(encodeBrowseState({ language: 'de' }))).toEqual({ language: 'de' });
    for (const raw of [undefined, '', 'not json', '{"l":"es"}', '[]'])
      expect(decodeBrowseState(raw)).toBeUndefined();
  });
});

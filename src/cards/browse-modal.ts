/**
 * The topic browser, a modal (the global shortcut "Browse SocialVS topics", and the App
 * Home's "Open this topic"): the topics in the reader's language with a language choice,
 * or one topic's comparison with ◀ / ▶ and a conversation to share it in.
 */
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import { ACTION_IDS, CALLBACK_IDS, encodeValue } from './actions.js';
import type { Button, ModalView, Option, PlainText, StaticSelect } from './blocks.js';
import { topicListBlocks } from './list-card.js';
import { button, neighbours, topicBody } from './topic-card.js';

/** What the modal shows, kept in its private_metadata so a submission and every press can read it. */
export interface BrowseState {
  language: Language;
  /** The topic shown; the list when absent. */
  topic?: string;
}

/** Where the share field is, for the submission and for an error shown beside it. */
export const SHARE_BLOCK_ID = 'browse_share';
export const SHARE_ACTION_ID = 'browse_share_conversation';

const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });

export function browseModal(kb: KnowledgeBase, state: BrowseState): ModalView {
  const t = (key: UiKey) => translate(kb.ui, state.language, key);
  const topic = state.topic ? kb.byId.get(state.topic) : undefined;
  const frame = {
    type: 'modal' as const,
    callback_id: CALLBACK_IDS.browseModal,
    title: plain(t('browse.title')),
    close: plain(t('browse.close')),
    private_metadata: encodeBrowseState({ language: state.language, ...(topic ? { topic: topic.id } : {}) }),
  };
  if (!topic) {
    return {
      ...frame,
      blocks: [
        { type: 'section', block_id: 'browse_intro', text: { type: 'mrkdwn', text: t('browse.intro') } },
        { type: 'actions', block_id: 'browse_controls', elements: [languageSelect(kb, state.language)] },
        { type: 'divider', block_id: 'browse_divider' },
        // The list's buttons, renamed so that a press is known to come from the modal.
        ...topicListBlocks(kb, state.language).map((block) =>
          block.type === 'section' && block.accessory
            ? { ...block, accessory: { ...block.accessory, action_id: browseActionId(block.accessory) } }
            : block,
        ),
      ],
    };
  }
  const { previous, next } = neighbours(kb, topic.id);
  const value = (id: string) => encodeValue({ topic: id, language: state.language });
  const controls: Array<Button | StaticSelect> = [
    button(ACTION_IDS.browsePrevious, t('button.previous'), value(previous.id)),
    button(ACTION_IDS.browseNext, t('button.next'), value(next.id)),
    button(
      ACTION_IDS.browseList,
      t('browse.all_topics'),
      encodeValue({ topic: '', language: state.language }),
    ),
    languageSelect(kb, state.language),
  ];
  return {
    ...frame,
    submit: plain(t('browse.submit')),
    blocks: [
      ...topicBody(kb, topic, state.language),
      { type: 'actions', block_id: 'browse_controls', elements: controls },
      { type: 'divider', block_id: 'browse_divider' },
      {
        type: 'input',
        block_id: SHARE_BLOCK_ID,
        label: plain(t('browse.share_label')),
        hint: plain(t('browse.share_hint')),
        element: {
          type: 'conversations_select',
          action_id: SHARE_ACTION_ID,
          placeholder: plain(t('browse.share_placeholder')),
          // Slack gives the submission a response_url for the chosen conversation: the card
          // can be posted there without the bot being a member.
          response_url_enabled: true,
          default_to_current_conversation: true,
        },
      },
    ],
  };
}

/** "topic_open_roi" from the topic list becomes "browse_open_roi" in the modal. */
function browseActionId(accessory: Button): string {
  return accessory.action_id.replace(ACTION_IDS.openPrefix, ACTION_IDS.browseOpenPrefix);
}

function languageSelect(kb: KnowledgeBase, language: Language): StaticSelect {
  const option = (other: Language): Option => ({ text: plain(LANGUAGE_NAMES[other]), value: other });
  return {
    type: 'static_select',
    action_id: ACTION_IDS.browseLanguage,
    placeholder: plain(translate(kb.ui, language, 'browse.language')),
    options: LANGUAGES.map(option),
    initial_option: option(language),
  };
}

export function encodeBrowseState(state: BrowseState): string {
  return JSON.stringify({ l: state.language, ...(state.topic ? { t: state.topic } : {}) });
}

/** Reads a modal's private_metadata back; undefined when it is not one of ours. */
export function decodeBrowseState(raw: string | undefined): BrowseState | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { l?: unknown; t?: unknown };
    if (!isLanguage(parsed.l)) return undefined;
    return { language: parsed.l, ...(typeof parsed.t === 'string' && parsed.t ? { topic: parsed.t } : {}) };
  } catch {
    return undefined;
  }
}

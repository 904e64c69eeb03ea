/**
 * The comparison card: a topic's two sides next to each other (or, for a similarity,
 * what both share), its sources, and buttons to move on, switch language or share.
 */
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../knowledge/languages.js';
import type { KnowledgeBase, Topic } from '../knowledge/load.js';
import { translate } from '../knowledge/ui-strings.js';
import { ACTION_IDS, encodeValue, SHARED_CARD_BLOCK_ID } from './actions.js';
import { type Block, type Button, type Card, deepFreeze, type Mrkdwn } from './blocks.js';
import { escapeMrkdwn, quoteUserText, truncate } from './mrkdwn.js';

/** Where the card is shown: an ephemeral reply can be shared; a channel message already is. */
export type Surface = 'ephemeral' | 'message';

export interface TopicCardOptions {
  surface: Surface;
  /** The question as the user typed it, shown back (escaped) under the card. */
  question?: string;
  /** Someone's message the card explains (the message shortcut), quoted (escaped, shortened). */
  explained?: string;
  /** Display name of whoever shared the card into the channel. */
  sharedBy?: string;
  /** The answer's id: the card then carries 👍 / 👎 buttons for it. */
  answerId?: string;
  /** The vote this user just gave, acknowledged on the card. */
  vote?: 'up' | 'down';
}

export function button(actionId: string, text: string, value?: string, style?: 'primary'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
    ...(value === undefined ? {} : { value }),
    ...(style ? { style } : {}),
  };
}

/**
 * A card names at most this many articles; a topic drawn from more of them (the overview)
 * says so in a few words, so that the sources line stays one short line.
 */
const MAX_NAMED_SOURCES = 3;

/** The sources line under a card: the articles by their short names, or all of them in a few words. */
function sourcesContext(kb: KnowledgeBase, topic: Topic, language: Language): string {
  if (topic.sources.length > MAX_NAMED_SOURCES) {
    const languages = [...new Set(topic.sources.map((source) => source.language))].join(', ');
    return translate(kb.ui, language, 'card.sources_all', { count: topic.sources.length, languages });
  }
  return translate(kb.ui, language, 'card.sources', { sources: sourcesLine(topic) });
}

/** The articles a card rests on, by their short names and languages: one short line. */
export function sourcesLine(topic: Topic): string {
  return topic.sources
    .map(
      (source) =>
        `_${escapeMrkdwn(source.short)}_ (${source.language}${source.date ? `, ${source.date.slice(0, 4)}` : ''})`,
    )
    .join(' · ');
}

/**
 * The card's `text`, which notifications and screen readers read instead of the blocks: the
 * title, the takeaway and both sides (or what both share), as plain text.
 */
function fallbackText(kb: KnowledgeBase, topic: Topic, language: Language): string {
  const text = topic.text[language];
  const plain = (mrkdwn: string | undefined) =>
    (mrkdwn ?? '').replace(/[*_]/g, '').replace(/\n+/g, ' ').replace(/\s+/g, ' ').trim();
  const heading = (key: 'card.networking' | 'card.media' | 'card.both') =>
    translate(kb.ui, language, key).replace(/^\P{L}+/u, '');
  const sides =
    topic.kind === 'similarity'
      ? [`${heading('card.both')}: ${plain(text.both)}`]
      : [
          `${heading('card.networking')}: ${plain(text.networking)}`,
          `${heading('card.media')}: ${plain(text.media)}`,
        ];
  return [`${text.title}: ${plain(text.summary)}`, ...sides].join('\n');
}

export function neighbours(
  kb: KnowledgeBase,
  topicId: string,
): { previous: Topic; next: Topic; position: number } {
  const index = Math.max(
    0,
    kb.topics.findIndex((topic) => topic.id === topicId),
  );
  const count = kb.topics.length;
  return {
    previous: kb.topics[(index - 1 + count) % count] as Topic,
    next: kb.topics[(index + 1) % count] as Topic,
    position: index + 1,
  };
}

/**
 * The parts of a topic's card that depend only on the topic and the language: built once
 * each (at most topics × 4 languages), since a card is
 * built for every answer and these parts were most of its cost. Frozen, because every
 * card built from them shares them.
 */
interface FixedParts {
  /** Header, summary and the two sides (or what both share). */
  readonly head: readonly Block[];
  /** Sources and the topic's position, before what the asker typed. */
  readonly context: readonly Mrkdwn[];
  /** Previous and next (the share button, which carries the answer's id, joins them per card). */
  readonly navigation: readonly Button[];
  /** The other languages. */
  readonly languages: Block;
  readonly text: string;
}

const fixedPartsByKb = new WeakMap<KnowledgeBase, Map<string, FixedParts>>();

function fixedParts(kb: KnowledgeBase, topic: Topic, language: Language): FixedParts {
  let byKey = fixedPartsByKb.get(kb);
  if (!byKey) {
    byKey = new Map();
    fixedPartsByKb.set(kb, byKey);
  }
  const key = `${topic.id} ${language}`;
  let parts = byKey.get(key);
  if (!parts) {
    parts = deepFreeze(buildFixedParts(kb, topic, language));
    byKey.set(key, parts);
  }
  return parts;
}

function buildFixedParts(kb: KnowledgeBase, topic: Topic, language: Language): FixedParts {
  const t = (key: Parameters<typeof translate>[2], vars?: Record<string, string | number>) =>
    translate(kb.ui, language, key, vars);
  const text = topic.text[language];
  const { previous, next, position } = neighbours(kb, topic.id);

  const head: Block[] = [
    { type: 'header', block_id: 'topic_header', text: { type: 'plain_text', text: text.title, emoji: true } },
    { type: 'section', block_id: 'topic_summary', text: { type: 'mrkdwn', text: text.summary } },
    topic.kind === 'similarity'
      ? {
          type: 'section',
          block_id: 'topic_both',
          text: { type: 'mrkdwn', text: `*${t('card.both')}*\n${text.both ?? ''}` },
        }
      : {
          type: 'section',
          block_id: 'topic_sides',
          fields: [
            { type: 'mrkdwn', text: `*${t('card.networking')}*\n${text.networking ?? ''}` },
            { type: 'mrkdwn', text: `*${t('card.media')}*\n${text.media ?? ''}` },
          ],
        },
  ];
  const context: Mrkdwn[] = [
    ...(text.note ? [{ type: 'mrkdwn' as const, text: `ℹ️ ${text.note}` }] : []),
    { type: 'mrkdwn', text: sourcesContext(kb, topic, language) },
    { type: 'mrkdwn', text: t('card.position', { n: position, total: kb.topics.length }) },
  ];

  const navigation: Button[] = [
    button(
      ACTION_IDS.previous,
      // Short: Slack may cut a button's text from about 30 characters.
      t('button.previous'),
      encodeValue({ topic: previous.id, language }),
    ),
    button(ACTION_IDS.next, t('button.next'), encodeValue({ topic: next.id, language })),
  ];
  const languages: Block = {
    type: 'actions',
    block_id: 'topic_languages',
    elements: LANGUAGES.filter((other) => other !== language).map((other) =>
      button(
        `${ACTION_IDS.languagePrefix}${other}`,
        LANGUAGE_NAMES[other],
        encodeValue({ topic: topic.id, language: other }),
      ),
    ),
  };
  return { head, context, navigation, languages, text: fallbackText(kb, topic, language) };
}

export function topicCard(
  kb: KnowledgeBase,
  topic: Topic,
  language: Language,
  options: TopicCardOptions,
): Card {
  const parts = fixedParts(kb, topic, language);
  const context = [...parts.context];
  if (options.question?.trim()) {
    context.push({
      type: 'mrkdwn',
      text: translate(kb.ui, language, 'card.you_asked', { question: quoteUserText(options.question) }),
    });
  }
  if (options.explained?.trim()) {
    context.push({
      type: 'mrkdwn',
      text: translate(kb.ui, language, 'explain.quote', { message: quoteUserText(options.explained) }),
    });
  }
  if (options.sharedBy) {
    context.push({
      type: 'mrkdwn',
      text: translate(kb.ui, language, 'card.shared_by', { user: quoteUserText(options.sharedBy, 80) }),
    });
  }
  const navigation = [...parts.navigation];
  if (options.surface === 'ephemeral') {
    // The shared card stays this answer: its votes count for the answer it was shared from.
    const value = encodeValue({
      topic: topic.id,
      language,
      ...(options.answerId ? { answer: options.answerId } : {}),
    });
    navigation.push(button(ACTION_IDS.share, translate(kb.ui, language, 'button.share'), value, 'primary'));
  }
  const blocks: Block[] = [
    ...parts.head,
    {
      type: 'context',
      block_id: options.sharedBy ? SHARED_CARD_BLOCK_ID : 'topic_context',
      elements: context,
    },
    { type: 'actions', block_id: 'topic_navigation', elements: navigation },
    parts.languages,
  ];
  if (options.answerId) blocks.push(...feedbackBlocks(kb, topic, language, options));
  return { text: parts.text, blocks };
}

/**
 * A topic's comparison without its buttons (header, summary, the two sides, sources and
 * position): what the topic browser modal shows, with buttons of its own.
 */
export function topicBody(kb: KnowledgeBase, topic: Topic, language: Language): Block[] {
  const parts = fixedParts(kb, topic, language);
  return [...parts.head, { type: 'context', block_id: 'topic_context', elements: [...parts.context] }];
}

function feedbackBlocks(
  kb: KnowledgeBase,
  topic: Topic,
  language: Language,
  options: TopicCardOptions,
): Block[] {
  const value = encodeValue({
    topic: topic.id,
    language,
    ...(options.answerId ? { answer: options.answerId } : {}),
    ...(options.question?.trim() ? { question: options.question.trim() } : {}),
  });
  const up = button(ACTION_IDS.helpful, translate(kb.ui, language, 'button.helpful'), value);
  const down = button(ACTION_IDS.notHelpful, translate(kb.ui, language, 'button.not_helpful'), value);
  if (options.vote === 'up') up.style = 'primary';
  // Slack keeps `danger` for destructive actions; a vote is not one.
  if (options.vote === 'down') down.style = 'primary';
  const blocks: Block[] = [{ type: 'actions', block_id: 'topic_feedback', elements: [up, down] }];
  if (options.vote) {
    blocks.push({
      type: 'context',
      block_id: 'topic_feedback_thanks',
      elements: [
        {
          type: 'mrkdwn',
          text: translate(kb.ui, language, options.vote === 'up' ? 'feedback.up' : 'feedback.down'),
        },
      ],
    });
  }
  return blocks;
}

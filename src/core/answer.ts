/**
 * The one core every edge calls (Slack listeners, the `ask` command, the sandbox,
 * the tests): a question in, the topic, the language and the card out.
 */
import type { Card } from '../cards/blocks.js';
import { noMatchCard, shortNoMatchCard } from '../cards/no-match-card.js';
import { type Surface, topicCard } from '../cards/topic-card.js';
import type { Language } from '../knowledge/languages.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/load.js';
import { buildSearchIndex, type SearchIndex, type SearchResult } from '../knowledge/search.js';
import { translate } from '../knowledge/ui-strings.js';

export interface Core {
  kb: KnowledgeBase;
  index: SearchIndex;
}

export function createCore(kb: KnowledgeBase = loadKnowledgeBase()): Core {
  return { kb, index: buildSearchIndex(kb) };
}

export interface AnswerOptions {
  /** The asker's language when the question's own can't be told (saved, then Slack locale, then default). */
  fallbackLanguage?: Language | undefined;
  surface: Surface;
  /** The answer's id for 👍 / 👎 (the recorded question's); without it the card has no vote buttons. */
  answerId?: string | undefined;
  /** A no-match answer in one line and a few topics (a reply in a thread), not the full card. */
  shortRefusal?: boolean;
  /** The question is someone's message explained (the message shortcut): quoted as that, not as "you asked". */
  explained?: boolean;
}

export interface Answer {
  query: string;
  topic: string | null;
  language: Language;
  /** Whether the language came from the question itself rather than the fallback. */
  languageFromQuestion: boolean;
  score: number;
  reason: SearchResult['reason'];
  card: Card;
}

export function answerQuestion(core: Core, question: string, options: AnswerOptions): Answer {
  return answerFromSearch(core, question, core.index.search(question), options);
}

/** The answer for a question already searched (the Responder records it between search and card). */
export function answerFromSearch(
  core: Core,
  question: string,
  result: SearchResult,
  options: AnswerOptions,
): Answer {
  const language = result.language ?? options.fallbackLanguage ?? 'en';
  const base = {
    query: question,
    language,
    languageFromQuestion: result.language !== undefined,
    score: result.score,
    reason: result.reason,
  };
  if (result.reason === 'empty') {
    // Nothing asked (an empty /socialvs): the overview, with a pointer to help.
    const card = topicCard(core.kb, core.kb.byId.get('overview') ?? (core.kb.topics[0] as never), language, {
      surface: options.surface,
    });
    card.blocks.push({
      type: 'context',
      block_id: 'help_hint',
      elements: [{ type: 'mrkdwn', text: translate(core.kb.ui, language, 'help.hint') }],
    });
    return { ...base, topic: 'overview', card };
  }
  const topic = result.topic ? core.kb.byId.get(result.topic) : undefined;
  if (!topic) {
    const card = options.shortRefusal
      ? shortNoMatchCard(core.kb, language, result.suggestions)
      : noMatchCard(core.kb, question, language, result.suggestions);
    return { ...base, topic: null, card };
  }
  return {
    ...base,
    topic: topic.id,
    card: topicCard(core.kb, topic, language, {
      surface: options.surface,
      ...(options.explained ? { explained: question } : { question }),
      ...(options.answerId ? { answerId: options.answerId } : {}),
    }),
  };
}

/**
 * The action ids and button values that cards put on buttons and the action
 * listeners read back. One place, so a card and its listener can't drift apart.
 */
import { isLanguage, type Language } from '../knowledge/languages.js';
import { QUIZ_ANSWERS, type QuizAnswer } from '../knowledge/schema.js';

export const ACTION_IDS = {
  previous: 'topic_previous',
  next: 'topic_next',
  share: 'topic_share',
  /** Followed by the language: topic_language_de. */
  languagePrefix: 'topic_language_',
  /** Followed by the topic id, so each button of a list is unique: topic_open_roi. */
  openPrefix: 'topic_open_',
  /** The tip card's button: opens the topic for whoever clicks, visible to them only. */
  tipOpen: 'tip_open',
  helpful: 'feedback_up',
  notHelpful: 'feedback_down',
  /** Followed by the answer: quiz_answer_networking, quiz_answer_media, quiz_answer_both. */
  quizAnswerPrefix: 'quiz_answer_',
  /** Posts a private quiz in the channel, as a public quiz. */
  quizShare: 'quiz_share',
  /** The quiz result's button: opens the topic for whoever pressed, visible to them only. */
  quizOpen: 'quiz_open',
  /** In the topic browser modal: a topic of its list (followed by the topic id), ◀ / ▶, back to the list, the language. */
  browseOpenPrefix: 'browse_open_',
  browsePrevious: 'browse_previous',
  browseNext: 'browse_next',
  browseList: 'browse_list',
  browseLanguage: 'browse_language',
} as const;

/** The shortcuts (declared in both manifests) and the modal's callback id. */
export const CALLBACK_IDS = {
  /** Message shortcut "Explain with SocialVS". */
  explainMessage: 'explain_message',
  /** Global shortcut "Browse SocialVS topics". */
  browseShortcut: 'browse_topics',
  /** The topic browser modal, whose submission shares the topic shown. */
  browseModal: 'browse_topics_modal',
} as const;

/**
 * The block id of a shared card's context line ("Shared by …"). A press on a card that has it
 * is a press on a public card, even in a DM between two people.
 */
export const SHARED_CARD_BLOCK_ID = 'card_shared_by';

/** The answer a quiz button stands for, from its action id; undefined when it is none of ours. */
export function quizAnswerOf(actionId: string | undefined): QuizAnswer | undefined {
  const answer = actionId?.startsWith(ACTION_IDS.quizAnswerPrefix)
    ? actionId.slice(ACTION_IDS.quizAnswerPrefix.length)
    : undefined;
  return (QUIZ_ANSWERS as readonly string[]).includes(answer ?? '') ? (answer as QuizAnswer) : undefined;
}

/**
 * What a quiz's buttons carry: the item, the language it is shown in, and the quiz's id.
 * The id names one showing of a quiz (a private `/socialvs quiz`, which keeps its id when
 * shared, or one day's post in one channel): each person's first answer to it counts.
 */
export interface QuizButtonValue {
  item: string;
  language: Language;
  quiz: string;
}

/** A quiz id: letters, digits and . : _ - (a channel id and a day fit). */
const QUIZ_ID = /^[A-Za-z0-9.:_-]{1,80}$/;
const ITEM_KEY = /^[a-z0-9-]{1,80}$/;

/** The id of the quiz the tip job posts to `channelId` on `day`: one per channel per day. */
export function postedQuizId(channelId: string, day: string): string {
  return `c:${channelId}:${day}`;
}

/** The channel and day of a quiz the tip job posted; undefined for any other quiz. */
export function readPostedQuizId(quiz: string): { channelId: string; day: string } | undefined {
  const match = /^c:([A-Z0-9]+):(\d{4}-\d{2}-\d{2})$/.exec(quiz);
  return match ? { channelId: match[1] as string, day: match[2] as string } : undefined;
}

export function encodeQuizValue(value: QuizButtonValue): string {
  return JSON.stringify({ k: value.item, l: value.language, z: value.quiz });
}

/** Reads a quiz button's value back; undefined when it is not one of ours. */
export function decodeQuizValue(raw: string | undefined): QuizButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { k?: unknown; l?: unknown; z?: unknown };
    if (
      typeof parsed.k === 'string' &&
      ITEM_KEY.test(parsed.k) &&
      isLanguage(parsed.l) &&
      typeof parsed.z === 'string' &&
      QUIZ_ID.test(parsed.z)
    ) {
      return { item: parsed.k, language: parsed.l, quiz: parsed.z };
    }
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

export interface ButtonValue {
  topic: string;
  language: Language;
  /** Which answer a vote is about (feedback buttons, and cards shared from an answer). */
  answer?: string;
  /** The question the answer was for, so a card rebuilt after a vote keeps showing it. */
  question?: string;
}

/** Longest question a button carries back (Slack allows 2,000 characters per value). */
const MAX_QUESTION_IN_VALUE = 150;

export function encodeValue(value: ButtonValue): string {
  return JSON.stringify({
    t: value.topic,
    l: value.language,
    ...(value.answer ? { a: value.answer } : {}),
    // Entities, not raw markup: nothing the bot sends carries a user's "<!channel>", not even a button value.
    ...(value.question ? { q: toEntities(firstCharacters(value.question, MAX_QUESTION_IN_VALUE)) } : {}),
  });
}

/** Reads a button value back; undefined when it is not one of ours (an old or forged card). */
export function decodeValue(raw: string | undefined): ButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { t?: unknown; l?: unknown; a?: unknown; q?: unknown };
    if (typeof parsed.t === 'string' && isLanguage(parsed.l)) {
      return {
        topic: parsed.t,
        language: parsed.l,
        ...(typeof parsed.a === 'string' && parsed.a ? { answer: parsed.a.slice(0, 64) } : {}),
        ...(typeof parsed.q === 'string' && parsed.q
          ? { question: fromEntities(parsed.q.slice(0, 1000)) }
          : {}),
      };
    }
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

/** The first `max` characters (not UTF-16 units) of `text`. */
function firstCharacters(text: string, max: number): string {
  return text.length <= max ? text : [...text].slice(0, max).join('');
}

function toEntities(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fromEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

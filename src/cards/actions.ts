/**
 * The action ids and button values that cards put on buttons and the action
 * listeners read back. One place, so a card and its listener can't drift apart.
 */
import { isLanguage, type Language } from '../knowledge/languages.js';

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
} as const;

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

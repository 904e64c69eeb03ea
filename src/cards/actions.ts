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
} as const;

export interface ButtonValue {
  topic: string;
  language: Language;
}

export function encodeValue(value: ButtonValue): string {
  return JSON.stringify({ t: value.topic, l: value.language });
}

/** Reads a button value back; undefined when it is not one of ours (an old or forged card). */
export function decodeValue(raw: string | undefined): ButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { t?: unknown; l?: unknown };
    if (typeof parsed.t === 'string' && isLanguage(parsed.l)) return { topic: parsed.t, language: parsed.l };
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

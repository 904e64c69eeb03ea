/**
 * `/socialvs` text → what the user wants. A subcommand counts only when the text is
 * exactly that subcommand (with its argument): "help me with ROI" is a question, and
 * so is anything unknown.
 */

import { isLanguage, type Language } from '../knowledge/languages.js';
import { fold } from '../knowledge/normalize.js';

export type Command =
  | { kind: 'empty' }
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'tip' }
  | { kind: 'quiz' }
  | { kind: 'lang'; language: Language | undefined }
  | { kind: 'subscribe'; language: Language | undefined; invalidLanguage: boolean }
  | { kind: 'unsubscribe' }
  | { kind: 'status' }
  /** Usage report for admins; `days` undefined means all time. */
  | { kind: 'stats'; days: number | undefined }
  | { kind: 'question'; text: string };

const LANGUAGE_WORDS: Record<string, Language> = {
  english: 'en',
  inggris: 'en',
  englisch: 'en',
  anglais: 'en',
  indonesian: 'id',
  indonesia: 'id',
  bahasa: 'id',
  indonesisch: 'id',
  indonesien: 'id',
  german: 'de',
  deutsch: 'de',
  jerman: 'de',
  allemand: 'de',
  french: 'fr',
  francais: 'fr',
  prancis: 'fr',
  franzosisch: 'fr',
};

export function parseLanguage(word: string): Language | undefined {
  const folded = fold(word).replace(/\s+/g, '');
  if (isLanguage(folded)) return folded;
  return LANGUAGE_WORDS[folded] ?? LANGUAGE_WORDS[fold(word).split(' ')[0] ?? ''];
}

const HELP = new Set(['help', 'aide', 'hilfe', 'bantuan', '?']);
const LIST = new Set(['list', 'topics', 'daftar', 'liste', 'themen', 'sujets', 'topik']);
const TIP = new Set(['tip', 'tipp', 'astuce', 'kiat', 'tips']);
const QUIZ = new Set(['quiz', 'kuis']);
const LANG = new Set(['lang', 'language', 'bahasa', 'sprache', 'langue']);

/** Every word a subcommand can start with; text starting otherwise is a question. */
const SUBCOMMAND_WORDS = new Set([
  ...HELP,
  ...LIST,
  ...TIP,
  ...QUIZ,
  ...LANG,
  'subscribe',
  'unsubscribe',
  'status',
  'stats',
]);

export function parseCommand(raw: string): Command {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  // Most text is a question: tell from its first word before taking it apart.
  const firstWord = /^\S+/.exec(text)?.[0].toLowerCase() ?? '';
  if (!SUBCOMMAND_WORDS.has(firstWord)) return { kind: 'question', text };
  const parts = text.split(/\s+/);
  const first = (parts[0] ?? '').toLowerCase();
  const rest = parts.slice(1).join(' ');
  if (parts.length === 1) {
    if (HELP.has(first)) return { kind: 'help' };
    if (LIST.has(first)) return { kind: 'list' };
    if (TIP.has(first)) return { kind: 'tip' };
    if (QUIZ.has(first)) return { kind: 'quiz' };
    if (first === 'unsubscribe') return { kind: 'unsubscribe' };
    if (first === 'status') return { kind: 'status' };
    if (first === 'subscribe') return { kind: 'subscribe', language: undefined, invalidLanguage: false };
  }
  if (first === 'stats' && parts.length <= 2) {
    const period = (parts[1] ?? '30d').toLowerCase();
    if (period === 'all') return { kind: 'stats', days: undefined };
    const days = /^(\d{1,4})d?$/.exec(period);
    if (days) return { kind: 'stats', days: Math.max(1, Number(days[1])) };
  }
  if (LANG.has(first) && parts.length <= 3) return { kind: 'lang', language: parseLanguage(rest) };
  if (first === 'subscribe' && parts.length <= 3) {
    const language = parseLanguage(rest);
    return { kind: 'subscribe', language, invalidLanguage: language === undefined };
  }
  return { kind: 'question', text };
}

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

/**
 * Each subcommand's words, and the languages a word belongs to: typed in a DM or after
 * @SocialVS, "Hilfe" gets the help in German. The English words are the subcommands' names
 * that the help shows in every language, so they belong to none: the reply is in the
 * asker's language, as for `/socialvs`.
 */
const HELP_WORDS: Record<string, readonly Language[]> = {
  help: [],
  '?': [],
  bantuan: ['id'],
  hilfe: ['de'],
  aide: ['fr'],
};
const LIST_WORDS: Record<string, readonly Language[]> = {
  list: [],
  topics: [],
  daftar: ['id'],
  topik: ['id'],
  themen: ['de'],
  liste: ['de', 'fr'],
  sujets: ['fr'],
};
const TIP_WORDS: Record<string, readonly Language[]> = {
  tip: [],
  tips: [],
  kiat: ['id'],
  tipp: ['de'],
  astuce: ['fr'],
};
const QUIZ_WORDS: Record<string, readonly Language[]> = { quiz: [], kuis: ['id'] };
const LANG_WORDS: Record<string, readonly Language[]> = {
  lang: [],
  language: [],
  bahasa: ['id'],
  sprache: ['de'],
  langue: ['fr'],
};

const HELP = new Set(Object.keys(HELP_WORDS));
const LIST = new Set(Object.keys(LIST_WORDS));
const TIP = new Set(Object.keys(TIP_WORDS));
const QUIZ = new Set(Object.keys(QUIZ_WORDS));
const LANG = new Set(Object.keys(LANG_WORDS));
const WORD_LANGUAGES: Record<string, readonly Language[]> = {
  ...HELP_WORDS,
  ...LIST_WORDS,
  ...TIP_WORDS,
  ...QUIZ_WORDS,
  ...LANG_WORDS,
};

/**
 * The languages of the word a subcommand is typed with ("hilfe": German; "liste": German or
 * French); empty when it belongs to none (help, status, ...), or the text is no subcommand.
 */
export function languagesOfCommandWord(text: string): readonly Language[] {
  // "Hilfe!" is "hilfe"; "?" alone stays "?".
  const firstWord =
    /^\S+/
      .exec(text.trim())?.[0]
      .toLowerCase()
      .replace(/(?<=.)[.!?\u2026]+$/u, '') ?? '';
  return Object.hasOwn(WORD_LANGUAGES, firstWord) ? (WORD_LANGUAGES[firstWord] ?? []) : [];
}

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

/**
 * A subcommand typed in a DM or after @SocialVS: read as `/socialvs` reads it, except that
 * a closing "!", "?", "." or "\u2026" (an ellipsis) is allowed ("Hilfe!", "status?"), as
 * people end a message. (Escaped: the build keeps code to Latin-1.)
 */
export function parseTypedCommand(raw: string): Command {
  const command = parseCommand(raw);
  if (command.kind !== 'question') return command;
  const bare = raw.trim().replace(/[\s.!?\u2026]+$/u, '');
  if (bare === '' || bare === raw.trim()) return command;
  const withoutEnd = parseCommand(bare);
  return withoutEnd.kind === 'question' ? command : withoutEnd;
}

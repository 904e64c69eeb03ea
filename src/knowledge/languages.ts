/** The four languages of the concept base. Order is the order of the language buttons. */
export const LANGUAGES = ['en', 'id', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  de: 'Deutsch',
  fr: 'Français',
};

/**
 * A language's name as a sentence in another language says it: "in French", "auf
 * Französisch", "en français", "dalam bahasa Prancis". LANGUAGE_NAMES, each language's own
 * name, is for the language buttons.
 */
const NAMES_IN: Record<Language, Record<Language, string>> = {
  en: { en: 'English', id: 'Indonesian', de: 'German', fr: 'French' },
  id: { en: 'bahasa Inggris', id: 'bahasa Indonesia', de: 'bahasa Jerman', fr: 'bahasa Prancis' },
  de: { en: 'Englisch', id: 'Indonesisch', de: 'Deutsch', fr: 'Französisch' },
  fr: { en: 'anglais', id: 'indonésien', de: 'allemand', fr: 'français' },
};

/** The name of `language` inside a sentence written in `sentenceLanguage`. */
export function languageNameIn(sentenceLanguage: Language, language: Language): string {
  return NAMES_IN[sentenceLanguage][language];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a Slack locale ("de-DE", "id-ID", "fr-CA", "en-GB") to one of ours, or undefined. */
export function languageFromLocale(locale: string | undefined | null): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return isLanguage(prefix) ? prefix : undefined;
}

/** The four languages of the concept base. Order is the order of the language buttons. */
export const LANGUAGES = ['en', 'id', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  de: 'Deutsch',
  fr: 'Français',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a Slack locale ("de-DE", "id-ID", "fr-CA", "en-GB") to one of ours, or undefined. */
export function languageFromLocale(locale: string | undefined | null): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return isLanguage(prefix) ? prefix : undefined;
}

/**
 * The user's Slack locale (users.info with include_locale), asked only when a question's
 * own language can't be told and the user saved none, and remembered for an hour so a
 * busy user costs one call, not one per question.
 */
import type { Logger, webApi } from '@slack/bolt';
import { logSlackError } from './errors.js';

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

export class LocaleCache {
  private readonly entries = new Map<string, { locale: string | undefined; at: number }>();

  constructor(private readonly logger: Logger) {}

  /** A lazy lookup for the Responder: calls Slack only if the Responder needs the locale. */
  lookup(client: webApi.WebClient, userId: string): () => Promise<string | undefined> {
    return async () => {
      const cached = this.entries.get(userId);
      if (cached && Date.now() - cached.at < TTL_MS) return cached.locale;
      let locale: string | undefined;
      try {
        const result = await client.users.info({ user: userId, include_locale: true });
        locale = (result.user as { locale?: string } | undefined)?.locale;
      } catch (error) {
        logSlackError(this.logger, error, { method: 'users.info', user: userId });
        return undefined;
      }
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(userId, { locale, at: Date.now() });
      return locale;
    };
  }
}

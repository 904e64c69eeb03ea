/**
 * What the bot keeps between restarts, behind one interface so that a PostgreSQL
 * store can stand in for SQLite when several replicas share state. Every method is
 * async for that reason, even though SQLite answers synchronously.
 */
import type { Language } from '../knowledge/languages.js';

export interface Store {
  getUserLanguage(userId: string): Promise<Language | undefined>;
  /** Durable when it resolves: the bot only tells the user "saved" after this. */
  setUserLanguage(userId: string, language: Language): Promise<void>;
  /**
   * Records an Events API event id. True the first time, false for a retry or a
   * duplicate delivery, so each event is answered once.
   */
  claimEvent(eventId: string, now?: Date): Promise<boolean>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

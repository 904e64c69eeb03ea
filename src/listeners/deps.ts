/** What every listener gets: the core, the logger and the locale lookup. Nothing else. */
import type { Logger } from '@slack/bolt';
import type { Assistant } from '../core/assistant.js';
import type { LocaleCache } from '../slack/user-locale.js';

export interface ListenerDeps {
  assistant: Assistant;
  logger: Logger;
  locales: LocaleCache;
}

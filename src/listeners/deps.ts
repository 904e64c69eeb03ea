/** What every listener gets: the core, the logger and the locale lookup. Nothing else. */
import type { Logger } from '@slack/bolt';
import type { Responder } from '../core/responder.js';
import type { LocaleCache } from '../slack/user-locale.js';

export interface ListenerDeps {
  responder: Responder;
  logger: Logger;
  locales: LocaleCache;
}

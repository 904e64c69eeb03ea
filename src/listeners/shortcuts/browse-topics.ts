/** The global shortcut "Browse SocialVS topics": the topic browser modal, in the user's language. */
import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { openModal } from '../views/show-view.js';

export function browseTopics({ responder, logger, locales }: ListenerDeps) {
  return async ({ ack, body, client }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const language = await responder
      .languageFor({ userId, locale: locales.lookup(client, userId) })
      .catch(() => responder.defaultLanguage);
    await openModal(logger, client, body.trigger_id, responder.browse({ language }), userId);
  };
}

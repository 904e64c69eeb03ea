/**
 * `@SocialVS <question>` in a channel.
 *
 * Example: `@SocialVS how do they differ in ROI?` → the ROI card, in the thread of that
 * message (a mention inside a thread is answered in the same thread).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';

/** The question without the leading mention(s) of the bot. */
export function questionFromMention(text: string): string {
  return text.replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+/i, '').trim();
}

export function appMention({ assistant, logger, locales }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (event.bot_id || event.subtype || !event.user) return;
    const answer = await assistant.ask(
      questionFromMention(event.text),
      { userId: event.user, locale: locales.lookup(client, event.user) },
      'message',
      'mention',
    );
    try {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        text: answer.card.text,
        blocks: answer.card.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logSlackError(logger, error, { method: 'chat.postMessage', channel: event.channel, user: event.user });
    }
  };
}

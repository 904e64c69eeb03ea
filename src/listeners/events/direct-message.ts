/**
 * A direct message to the bot (Messages tab): answered like a mention.
 *
 * Example: DM `Was ist ein soziales Netzwerk?` → the definition card in German.
 * Edits, joins and other message subtypes, and messages from bots (this one included),
 * get no reply. The answer goes in the thread only when the question was in one.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { questionFromMention } from './app-mention.js';

export function directMessage({ assistant, logger, locales }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user) return;
    const answer = await assistant.ask(
      questionFromMention(event.text ?? ''),
      { userId: event.user, locale: locales.lookup(client, event.user) },
      'message',
      'dm',
    );
    try {
      await client.chat.postMessage({
        channel: event.channel,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
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

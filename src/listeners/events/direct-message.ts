/**
 * A direct message to the bot (Messages tab): answered like a mention.
 *
 * Example: DM `Was ist ein soziales Netzwerk?` → the definition card in German.
 * Edits, joins and other message subtypes, and messages from bots (this one included),
 * get no reply. The answer goes in the thread only when the question was in one.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerInConversation } from './answer-in-conversation.js';

export function directMessage(deps: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user) return;
    await answerInConversation(deps, client, {
      text: event.text ?? '',
      userId: event.user,
      channel: event.channel,
      threadTs: event.thread_ts,
      where: 'dm',
    });
  };
}

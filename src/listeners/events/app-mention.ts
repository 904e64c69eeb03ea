/**
 * `@SocialVS <question>` in a channel.
 *
 * Example: `@SocialVS how do they differ in ROI?` → the ROI card, in the thread of that
 * message (a mention inside a thread is answered in the same thread).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerInConversation } from './answer-in-conversation.js';

export { questionFromMention } from './answer-in-conversation.js';

export function appMention(deps: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (event.bot_id || event.subtype || !event.user) return;
    await answerInConversation(deps, client, {
      text: event.text,
      userId: event.user,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      where: 'mention',
    });
  };
}

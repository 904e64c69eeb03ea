/**
 * What a mention and a DM share: ask the core (an answer, the reply to a greeting, or what
 * a subcommand's words do: "help", "Hilfe", "quiz"), then post its card where the question
 * was asked (in its thread, when there is one), logging a failed post instead of throwing.
 */
import type { AllMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { QuestionSurface } from '../../store/store.js';
import type { ListenerDeps } from '../deps.js';
import { typedText } from '../slack-text.js';

/** The question without the leading mention(s) of the bot. */
export function questionFromMention(text: string): string {
  return text.replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+/i, '').trim();
}

export async function answerInConversation(
  { responder, logger, locales }: ListenerDeps,
  client: AllMiddlewareArgs['client'],
  question: {
    text: string;
    userId: string;
    channel: string;
    threadTs: string | undefined;
    where: Exclude<QuestionSurface, 'command'>;
  },
): Promise<void> {
  const asker = {
    userId: question.userId,
    locale: locales.lookup(client, question.userId),
    channelId: question.channel,
    isDirectMessage: question.where === 'dm',
  };
  // Failure is never silence: if the answer can't be made, the asker gets one plain line.
  const card = await responder
    .converse(typedText(questionFromMention(question.text)), asker)
    .catch(async (error: unknown) => {
      logger.error(`answering a ${question.where} failed (channel ${question.channel}):`, error);
      return responder.failureNotice(asker);
    });
  try {
    await client.chat.postMessage({
      channel: question.channel,
      ...(question.threadTs ? { thread_ts: question.threadTs } : {}),
      text: card.text,
      blocks: card.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    logSlackError(logger, error, {
      method: 'chat.postMessage',
      channel: question.channel,
      user: question.userId,
    });
  }
}

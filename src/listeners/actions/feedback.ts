/**
 * 👍 / 👎 on an answer card: the vote is stored (one per user per answer; pressing the
 * other button changes it). A card only the voter sees is replaced by the same card
 * acknowledging it; on a card others see, the voter alone gets the thanks.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function feedback({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const vote = (args.action as { action_id?: string }).action_id === ACTION_IDS.helpful ? 'up' : 'down';
    let voted: Awaited<ReturnType<typeof responder.vote>>;
    try {
      voted = pressed.value && (await responder.vote(pressed.value, pressed.userId, vote, pressed.surface));
    } catch (error) {
      // Failure is never silence: the voter alone is told it did not work.
      logger.error(`storing a vote failed (channel ${pressed.channelId}):`, error);
      const notice = pressed.value
        ? responder.notice(pressed.value.language, 'error.generic')
        : await responder.failureNotice({ userId: pressed.userId });
      await args
        .respond({ response_type: 'ephemeral', replace_original: false, ...notice })
        .catch((respondError: unknown) =>
          logSlackError(logger, respondError, {
            method: 'response_url',
            channel: pressed.channelId,
            user: pressed.userId,
          }),
        );
      return;
    }
    const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
    try {
      if (!voted) {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: !pressed.seenByOthers,
          ...responder.staleCard(language),
        });
      } else if (pressed.seenByOthers) {
        const thanks = responder.notice(language, vote === 'up' ? 'feedback.up' : 'feedback.down');
        await args.respond({ response_type: 'ephemeral', replace_original: false, ...thanks });
      } else {
        await args.respond({ replace_original: true, text: voted.text, blocks: voted.blocks });
      }
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
  };
}

/**
 * The topic browser's submit: share the topic shown in the conversation chosen, as a shared
 * card ("Shared by …", public-card rules), through the response_url Slack gives for that
 * conversation (no need for the bot to be a member where Slack allows it; should Slack give
 * none, chat.postMessage to the conversation chosen, which needs the bot there). Slack wants the
 * submission acknowledged within 3 seconds: a refusal known by then is shown beside the
 * field; one that comes later is told to the user privately, in their DM with the bot.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { decodeBrowseState, SHARE_ACTION_ID, SHARE_BLOCK_ID } from '../../cards/browse-modal.js';
import { logSlackError, slackErrorCode } from '../../slack/errors.js';
import { postToResponseUrl } from '../../slack/response-url.js';
import type { ListenerDeps } from '../deps.js';

/** How long the post may take before the submission is acknowledged anyway (Slack allows 3 s in all). */
export const SHARE_ACK_DEADLINE_MS = 2000;

export function shareTopic({ responder, logger }: ListenerDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const userId = body.user.id;
    const state = decodeBrowseState(view.private_metadata) ?? { language: responder.defaultLanguage };
    const besideField = (code: string) =>
      ack({
        response_action: 'errors',
        errors: { [SHARE_BLOCK_ID]: responder.shareRefusal(state.language, code) },
      });
    const card = responder.sharedFromBrowser(state, body.user.name);
    if (!card) {
      // A topic that is gone (an older modal): back to the list.
      await ack({ response_action: 'update', view: responder.browse({ language: state.language }) });
      return;
    }
    const target = body.response_urls?.find((url) => url.block_id === SHARE_BLOCK_ID);
    const chosen = target?.channel_id ?? selectedConversation(view);
    if (!chosen) return besideField('channel_not_found');
    // The response_url needs the bot in no channel; without one (Slack gives none for this
    // modal), the Web API, which needs the bot in the channel, is the way left.
    const posting = target
      ? postToResponseUrl(target.response_url, { response_type: 'in_channel', ...card })
      : client.chat.postMessage({ channel: chosen, text: card.text, blocks: card.blocks }).then(
          () => 'ok',
          (error: unknown) => slackErrorCode(error),
        );
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      posting,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), SHARE_ACK_DEADLINE_MS);
      }),
    ]);
    clearTimeout(timer);
    if (inTime === 'ok') return ack();
    if (inTime !== undefined) {
      logger.warn(`sharing a topic failed (channel ${chosen}, user ${userId}): ${inTime}`);
      return besideField(inTime);
    }
    await ack();
    const late = await posting;
    if (late === 'ok') return;
    logger.warn(`sharing a topic failed late (channel ${chosen}, user ${userId}): ${late}`);
    const notice = responder.shareRefusalNotice(state, late);
    try {
      await client.chat.postMessage({ channel: userId, text: notice.text, blocks: notice.blocks });
    } catch (error) {
      logSlackError(logger, error, { method: 'chat.postMessage', user: userId });
    }
  };
}

/** The conversation chosen in the share field, as the submitted view's state holds it. */
function selectedConversation(view: ViewOutput): string | undefined {
  const chosen = view.state?.values?.[SHARE_BLOCK_ID]?.[SHARE_ACTION_ID]?.selected_conversation;
  return typeof chosen === 'string' && chosen ? chosen : undefined;
}

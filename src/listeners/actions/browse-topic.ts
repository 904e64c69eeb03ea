/**
 * The topic browser modal's buttons: a topic from its list, ◀ / ▶, back to the list. The
 * modal is updated in place (views.update), in the language it shows.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, decodeValue } from '../../cards/actions.js';
import { decodeBrowseState } from '../../cards/browse-modal.js';
import type { ListenerDeps } from '../deps.js';
import { updateModal } from '../views/show-view.js';

export function browseTopic({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const { body, client } = args;
    if (!body.view) return;
    const shown = decodeBrowseState(body.view.private_metadata);
    const value = decodeValue((args.action as ButtonAction).value);
    const language = value?.language ?? shown?.language ?? responder.defaultLanguage;
    // "All topics" carries no topic; an unknown one (an older modal) falls back to the list too.
    const topic = args.action.action_id === ACTION_IDS.browseList ? undefined : value?.topic;
    const view = responder.browse({ language, ...(topic ? { topic } : {}) });
    await updateModal(logger, client, body.view, view, body.user.id);
  };
}

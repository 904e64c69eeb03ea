/** The topic browser modal's language menu: the same list or topic, in the language chosen. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { decodeBrowseState } from '../../cards/browse-modal.js';
import { isLanguage } from '../../knowledge/languages.js';
import type { ListenerDeps } from '../deps.js';
import { updateModal } from '../views/show-view.js';

export function browseLanguage({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const { body, client } = args;
    if (!body.view) return;
    const shown = decodeBrowseState(body.view.private_metadata);
    const chosen = (args.action as StaticSelectAction).selected_option?.value;
    const language = isLanguage(chosen) ? chosen : (shown?.language ?? responder.defaultLanguage);
    const view = responder.browse({ language, ...(shown?.topic ? { topic: shown.topic } : {}) });
    await updateModal(logger, client, body.view, view, body.user.id);
  };
}

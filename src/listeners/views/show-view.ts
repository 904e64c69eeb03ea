/** Opening and updating the topic browser modal, logging what Slack refuses instead of throwing. */
import type { AllMiddlewareArgs, Logger } from '@slack/bolt';
import type { ModalView } from '../../cards/blocks.js';
import { logSlackError } from '../../slack/errors.js';

type Client = AllMiddlewareArgs['client'];

/** views.open with the trigger of the shortcut or button (valid for 3 seconds). */
export async function openModal(
  logger: Logger,
  client: Client,
  triggerId: string,
  view: ModalView,
  userId: string,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    logSlackError(logger, error, { method: 'views.open', user: userId });
  }
}

/**
 * views.update of the modal a press came from; its hash makes Slack refuse the update if
 * the modal changed meanwhile (a faster second press), rather than show an older state.
 */
export async function updateModal(
  logger: Logger,
  client: Client,
  current: { id: string; hash?: string },
  view: ModalView,
  userId: string,
): Promise<void> {
  try {
    await client.views.update({ view_id: current.id, ...(current.hash ? { hash: current.hash } : {}), view });
  } catch (error) {
    logSlackError(logger, error, { method: 'views.update', user: userId });
  }
}

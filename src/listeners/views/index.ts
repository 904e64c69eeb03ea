import type { App } from '@slack/bolt';
import { CALLBACK_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import { shareTopic } from './share-topic.js';

/** The modals' submissions (the topic browser is the one modal with a submit). */
export const VIEW_CALLBACKS = [CALLBACK_IDS.browseModal] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.view({ callback_id: CALLBACK_IDS.browseModal, type: 'view_submission' }, shareTopic(deps));
}
